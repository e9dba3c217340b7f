// Shared by `npm run eval` and `npm run bench`: run FOLDER/NAME.ts's default export `(args) =>
// Promise<void>` for the name given first on the command line, or every one with `all`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export async function runNamed(folder: string, what: string, argv: string[]): Promise<void> {
  const available = readdirSync(folder)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'run.ts' && !f.startsWith('_'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  const [name = 'all', ...rest] = argv;
  const names = name === 'all' ? available : [name];
  for (const n of names) {
    if (!available.includes(n)) {
      console.error(`unknown ${what} "${n}"; available: ${available.join(', ')}`);
      process.exit(2);
    }
  }
  for (const n of names) {
    console.log(`\n== ${what} ${n}`);
    const mod = (await import(join(folder, `${n}.ts`))) as { default: (args: string[]) => Promise<void> };
    await mod.default(rest);
  }
}
