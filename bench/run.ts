// `npm run bench -- NAME [args]`: runs bench/NAME.ts (ingest, query, api, pipeline), or all of them.
// Each benchmark prints its figures; those that need ../shared say so and exit 0 without it.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const [name = 'all', ...rest] = process.argv.slice(2);
const names = name === 'all' ? available : [name];
for (const n of names) {
  if (!available.includes(n)) {
    console.error(`unknown benchmark "${n}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}
for (const n of names) {
  console.log(`\n== bench ${n}`);
  const mod = (await import(join(here, `${n}.ts`))) as { default: (args: string[]) => Promise<void> };
  await mod.default(rest);
}
