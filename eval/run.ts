// `npm run eval -- NAME [args]`: runs eval/NAME.ts (html, ner, quotes, events), or all of them.
// Every evaluation reads ../shared; without it this says so and exits 0.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNamed } from '../scripts/run-named.js';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, '..', '..', 'shared'))) {
  console.log('skipped: ../shared is absent (the evaluation corpora live there)');
  process.exit(0);
}
await runNamed(here, 'eval', process.argv.slice(2));
