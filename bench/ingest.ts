// `npm run bench -- ingest [--n 20000] [--batch 200] [--threads N] [--no-stages] [--no-pg] [--workers 2]`: end-to-end ingestion
// throughput. The VOA stories of ../shared/corpora/voa are replicated to N documents (new ids,
// small edits, so they are near, not exact, duplicates), written as one JSONL file, and ingested
// through ingest() into a temporary SQLite file with the full pipeline as registered in
// src/stages.ts (`--no-stages`: reading, cleaning and storing only). Prints documents/s, the
// time ingestion itself (prepare(): reading the item, HTML/cleaning/metadata, ids) takes per
// document, and peak memory (RSS). With PARLEY_BENCH_PG (or PARLEY_TEST_PG) set, the same file
// then goes through the job queue into PostgreSQL with two worker processes (_ingest-queue.ts).
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJsonlLine } from '../src/ingest/jsonl.js';
import type { RawItem } from '../src/ingest/raw.js';
import { createPipeline } from '../dist/src/pipeline.js';
// What is timed is the compiled package, as `parley ingest` runs it (`npm run bench` builds it
// first): through tsx every module is transformed and its functions wrapped to keep their names.
import { defaultStages, ingest, openStore, prepare } from '../dist/src/index.js';
import { ingestThroughQueue } from './_ingest-queue.js';

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const EDITS: [RegExp, string][] = [
  [/\bsaid\b/, 'stated'],
  [/\bthe\b/, 'this'],
  [/\bon\b/, 'upon'],
  [/\bwas\b/, 'had been'],
];

export default async function run(args: string[]): Promise<void> {
  const src = join(process.cwd(), '..', 'shared', 'corpora', 'voa', 'voa_stories.jsonl');
  if (!existsSync(src)) {
    console.log('skipped: ../shared/corpora/voa is absent');
    return;
  }
  const n = arg(args, '--n', 20000);
  const batchSize = arg(args, '--batch', 200);
  const noStages = args.includes('--no-stages');
  const threads = arg(args, '--threads', availableParallelism());
  const stories = readFileSync(src, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, string>);
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  try {
    // written line by line, not held: the bench's own memory must not count as ingestion's
    const file = join(dir, 'voa-replicated.jsonl');
    const fd = openSync(file, 'w');
    const sample: RawItem[] = [];
    for (let i = 0; i < n; i++) {
      const s = stories[i % stories.length];
      const copy = Math.floor(i / stories.length);
      const [re, to] = EDITS[copy % EDITS.length];
      const text = copy ? `${s.text.replace(re, to)}\n\nThis report was updated (revision ${copy}).` : s.text;
      const line = JSON.stringify({ ...s, id: `${s.id}-${copy}`, title: copy ? `${s.title} (${copy})` : s.title, text });
      if (sample.length < 2000) sample.push(parseJsonlLine(line, `voa:${i + 1}`));
      writeSync(fd, line + '\n');
    }
    closeSync(fd);

    // ingestion itself, without stages or store: what one document costs before NLP
    let t = performance.now();
    for (const raw of sample) prepare(raw);
    const prepMs = (performance.now() - t) / sample.length;
    sample.length = 0;

    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const store = await openStore(join(dir, 'bench.db'));
    const pooled = threads > 1 && !noStages;
    // With threads, each thread builds its own pipeline; this thread only reads and writes.
    const pipeline = createPipeline(noStages || pooled ? [] : defaultStages);
    t = performance.now();
    const cpu0 = process.cpuUsage();
    // --threads N (default: one per core): the pipeline in worker threads, writes on this thread.
    const summary = await ingest([file], store, pooled ? { threads, batchSize } : { pipeline, batchSize });
    const secs = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    await store.close();
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    const done = summary.stored + summary.duplicates;
    console.log(`documents: ${n} (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB JSONL), stages: ${noStages ? 'none' : pooled ? `all ${defaultStages.length} registered` : pipeline.stages.map((s) => s.name).join(', ') || 'none registered'}, SQLite, ${pooled ? `${threads} pipeline threads` : 'pipeline on the main thread'}`);
    console.log(`stored ${summary.stored} (near duplicates ${summary.nearDuplicates}), exact duplicates ${summary.duplicates}, failed ${summary.failed.length}`);
    console.log(`throughput: ${(done / secs).toFixed(0)} documents/s (${secs.toFixed(1)} s)   bar: >= 200/s on 2 cores with every stage`);
    console.log(`CPU time: ${(cpuMs / done).toFixed(2)} ms/document of process CPU (${(done / (cpuMs / 1000)).toFixed(0)} documents per CPU-second; the wall-clock figure above depends on what else runs on the machine)`);
    console.log(`ingestion itself (read, clean, metadata, id): ${prepMs.toFixed(3)} ms/document   bar: far below 5 ms`);
    console.log(`peak memory (RSS): ${(peak / 1024 / 1024).toFixed(0)} MiB   bar: <= 1024 MiB`);

    // The same file through the job queue into PostgreSQL, by two worker processes.
    const pgBase = process.env.PARLEY_BENCH_PG || process.env.PARLEY_TEST_PG;
    if (pgBase && !args.includes('--no-pg')) await ingestThroughQueue(file, pgBase, arg(args, '--workers', 2));
    else console.log('\nPostgreSQL: skipped (set PARLEY_BENCH_PG or PARLEY_TEST_PG to a postgres:// URL)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
