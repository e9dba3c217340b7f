// Writes the full pipeline output (every layer, tokens included) for a fixed corpus, one JSON
// document a line, so that a change meant only to make the pipeline faster can be shown to
// change nothing: write a snapshot before, one after, and compare the files byte for byte.
//   node --import tsx scripts/pipeline-snapshot.ts before.jsonl   (then after.jsonl; cmp them)
// The corpus: the VOA stories, the five seeds and the first 150 PolNeAR dev texts from
// ../shared, and our examples/.
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/ingest/ingest.js';
import { createDefaultPipeline } from '../src/stages.js';

const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared');
const out = process.argv[2];
if (!out) {
  console.error('usage: node --import tsx scripts/pipeline-snapshot.ts OUT.jsonl');
  process.exit(2);
}
const polnear = join(shared, 'corpora', 'polnear', 'dev', 'text');
const inputs = [
  join(shared, 'corpora', 'voa', 'voa_stories.jsonl'),
  join(shared, 'seeds'),
  join(root, 'examples'),
  ...(existsSync(polnear) ? readdirSync(polnear).sort().slice(0, 150).map((f) => join(polnear, f)) : []),
].filter((p) => existsSync(p));
const file = createWriteStream(out);
const pipeline = createDefaultPipeline();
let n = 0;
const cpu = process.cpuUsage();
for await (const d of extract(inputs, { pipeline })) {
  file.write(JSON.stringify(d) + '\n');
  n++;
}
file.end();
const used = process.cpuUsage(cpu);
console.log(`${n} documents written to ${out}, ${((used.user + used.system) / 1000 / n).toFixed(2)} ms of CPU a document`);
