// `npm run eval -- NAME [args]`: runs eval/NAME.ts (html, ner, quotes, events), or all of them.
// Each evaluation reads ../shared and prints its figures; without ../shared it says so and exits 0.
import { existsSync, readdirSync } from 'node:fs';
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
    console.error(`unknown evaluation "${n}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}
if (!existsSync(join(here, '..', '..', 'shared'))) {
  console.log('skipped: ../shared is absent (the evaluation corpora live there)');
  process.exit(0);
}
for (const n of names) {
  console.log(`\n== eval ${n}`);
  const mod = (await import(join(here, `${n}.ts`))) as { default: (args: string[]) => Promise<void> };
  await mod.default(rest);
}
