// `npm run bench -- NAME [args]`: runs bench/NAME.ts (api, events, ingest, nlp, query, quotes),
// or all of them. Benchmarks that need ../shared say so and return without it.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNamed } from '../scripts/run-named.js';

await runNamed(dirname(fileURLToPath(import.meta.url)), 'bench', process.argv.slice(2));
