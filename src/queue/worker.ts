// A queue worker: pulls ingestion jobs in batches, runs extraction and the pipeline (in a thread
// pool when concurrency > 1), writes each batch's documents in one store transaction, and only
// then marks the jobs complete. A worker killed at any point loses nothing: its unfinished jobs
// time out and run again elsewhere, and saving is idempotent by document id, so a job that ran
// twice stores its document once.
import { availableParallelism } from 'node:os';
import type PgBoss from 'pg-boss';
import type { Document } from '../document.js';
import type { FetchOptions } from '../ingest/fetch.js';
import { storePipelineOptions } from '../ingest/ingest.js';
import type { PipelineOptions } from '../pipeline.js';
import { createDefaultPipeline } from '../stages.js';
import { openStore } from '../store/open.js';
import type { SaveResult, Store } from '../store/store.js';
import { INGEST_QUEUE, openQueue, type QueueOptions } from './boss.js';
import type { IngestJobData } from './job.js';
import { isJobFailure, processJob, type JobFailure, type JobOutput } from './process.js';
import { PipelinePool } from './thread-pool.js';
import { isTransient, sleep, untilDone } from './transient.js';

export interface WorkerOptions extends QueueOptions {
  /** Where documents are stored; default the queue's database (`db`). */
  store?: string;
  /** Pipeline threads; default one per core; 1 runs the pipeline on the worker's own thread. */
  concurrency?: number;
  /** Jobs fetched at once; default 8 per thread. */
  batchSize?: number;
  pipeline?: PipelineOptions;
  /** How URL jobs fetch (private addresses, time limits). */
  fetch?: FetchOptions;
  /** Wait between polls of an empty queue. */
  pollIntervalMs?: number;
  /** Abort to stop: the batch at hand is finished and committed first. */
  signal?: AbortSignal;
  /** Return once the queue has nothing left to do (one-shot runs, tests). */
  exitWhenIdle?: boolean;
  onEvent?: (e: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'started'; concurrency: number; batchSize: number }
  | { type: 'batch'; jobs: number; stored: number; duplicates: number; failed: number; ms: number; timings: Record<string, number> }
  | { type: 'failed'; input: string; error: string; final: boolean }
  | { type: 'waiting'; what: string; error: string }
  | { type: 'stopped'; stats: WorkerStats };

export interface WorkerStats {
  jobs: number;
  stored: number;
  nearDuplicates: number;
  duplicates: number;
  failed: number;
}

type Job = PgBoss.JobWithMetadata<IngestJobData>;

export async function runWorker(options: WorkerOptions): Promise<WorkerStats> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? concurrency * 8));
  const signal = options.signal ?? new AbortController().signal;
  const emit = options.onEvent ?? (() => {});
  const stats: WorkerStats = { jobs: 0, stored: 0, nearDuplicates: 0, duplicates: 0, failed: 0 };
  const waiting = (what: string) => (err: unknown) => emit({ type: 'waiting', what, error: errorLine(err) });

  // A worker may start before its database does (a machine booting, a restart): it waits.
  const boss = await untilDone(() => openQueue({ ...options, onError: () => {} }), signal, waiting('queue database'));
  if (!boss) return stats;
  const store = await untilDone(() => openStore(options.store ?? options.db), signal, waiting('store'));
  if (!store) {
    await boss.stop({ graceful: false, wait: true });
    return stats;
  }
  // The actors users added to the store (POST /api/actors) join the dictionary, as in ingest().
  let pipelineOptions: PipelineOptions;
  try {
    pipelineOptions = await storePipelineOptions(store, options.pipeline);
  } catch (err) {
    await store.close().catch(() => {});
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw err;
  }
  const pool = concurrency > 1 ? new PipelinePool({ size: concurrency, pipeline: pipelineOptions, fetch: options.fetch }) : null;
  const pipeline = pool ? null : createDefaultPipeline(pipelineOptions);
  const run = (data: IngestJobData): Promise<JobOutput[]> =>
    pool ? pool.process(data) : processJob(data, pipeline!, options.fetch);
  emit({ type: 'started', concurrency, batchSize });

  // Two batches in flight: while one is being written and completed, the next is in the threads.
  let previous: Promise<void> = Promise.resolve();
  try {
    while (!signal.aborted) {
      let jobs: Job[];
      try {
        jobs = await boss.fetch<IngestJobData>(INGEST_QUEUE, { batchSize, includeMetadata: true });
      } catch (err) {
        waiting('queue database')(err);
        await sleep(1000, signal);
        continue;
      }
      if (!jobs.length) {
        await previous;
        if (options.exitWhenIdle && (await queueIsEmpty(boss))) break;
        await sleep(options.pollIntervalMs ?? 1000, signal);
        continue;
      }
      const started = Date.now();
      const outputs = Promise.allSettled(jobs.map((j) => run(j.data)));
      await previous;
      previous = outputs.then((o) => finishBatch(boss, store, jobs, o, stats, emit, signal, started));
    }
    await previous;
  } finally {
    await pool?.close();
    await store.close().catch(() => {});
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
  }
  emit({ type: 'stopped', stats });
  return stats;
}

async function finishBatch(
  boss: PgBoss,
  store: Store,
  jobs: Job[],
  outputs: PromiseSettledResult<JobOutput[]>[],
  stats: WorkerStats,
  emit: (e: WorkerEvent) => void,
  signal: AbortSignal,
  started: number,
): Promise<void> {
  const docs: Document[] = [];
  const owner: number[] = [];
  const failures = new Map<number, { error: string; permanent: boolean }>();
  outputs.forEach((o, i) => {
    if (o.status === 'rejected') return failures.set(i, { error: errorLine(o.reason), permanent: false });
    const bad = o.value.filter(isJobFailure) as JobFailure[];
    if (bad.length)
      failures.set(i, {
        error: bad.map((f) => (f.input === jobs[i].data.input ? f.error : `${f.input}: ${f.error}`)).join('; '),
        permanent: bad.every((f) => f.permanent),
      });
    for (const d of o.value) if (!isJobFailure(d)) (docs.push(d), owner.push(i));
  });

  const timings: Record<string, number> = { process: Date.now() - started };
  let t = Date.now();
  const lap = (name: string) => ((timings[name] = Date.now() - t), (t = Date.now()));
  const results = await saveAll(store, docs, owner, failures, signal, emit);
  lap('save');
  if (!results) return; // stopping while the store was down: the jobs time out and run again
  let stored = 0;
  let dupes = 0;
  for (const r of results) {
    if (!r) continue;
    if (r.status === 'stored') stored++;
    else if (r.status === 'near-duplicate') stats.nearDuplicates++;
    else dupes++;
  }
  stats.stored += stored;
  stats.duplicates += dupes;

  // The ingestion log is a convenience for people; it must never hold a job back.
  await store
    .logIngestMany(results.flatMap((r, k) => (r ? [{ source: docs[k].source ?? jobs[owner[k]].data.input, status: r.status, articleId: r.id }] : [])))
    .catch(() => {});

  lap('log');
  const done = jobs.filter((_, i) => !failures.has(i)).map((j) => j.id);
  if (done.length) await untilDone(() => boss.complete(INGEST_QUEUE, done), signal, (err) => emit({ type: 'waiting', what: 'queue database', error: errorLine(err) }));
  for (const [i, f] of failures) {
    const job = jobs[i];
    const final = f.permanent || job.retryCount >= job.retryLimit;
    stats.failed++;
    emit({ type: 'failed', input: job.data.input, error: f.error, final });
    if (final) await store.logIngest({ source: job.data.input, status: 'failed', message: f.error }).catch(() => {});
    await untilDone(() => failJob(boss, job, f.error, f.permanent), signal, () => {});
  }
  lap('complete');
  stats.jobs += jobs.length;
  emit({ type: 'batch', jobs: jobs.length, stored, duplicates: dupes, failed: failures.size, ms: Date.now() - started, timings });
}

/**
 * Write the batch in one transaction, waiting out an unavailable database. A batch the database
 * refuses for another reason is written document by document, so one bad document fails its own
 * job only. Returns null when asked to stop before the write succeeded.
 */
async function saveAll(
  store: Store,
  docs: Document[],
  owner: number[],
  failures: Map<number, { error: string; permanent: boolean }>,
  signal: AbortSignal,
  emit: (e: WorkerEvent) => void,
): Promise<(SaveResult | null)[] | null> {
  if (!docs.length) return [];
  for (let wait = 250; ; wait = Math.min(wait * 2, 5000)) {
    try {
      return await store.saveDocuments(docs);
    } catch (err) {
      if (!isTransient(err)) break;
      emit({ type: 'waiting', what: 'store', error: errorLine(err) });
      if (!(await sleep(wait, signal))) return null;
    }
  }
  const results: (SaveResult | null)[] = [];
  for (let k = 0; k < docs.length; k++) {
    try {
      results.push(await store.saveDocument(docs[k]));
    } catch (err) {
      failures.set(owner[k], { error: `${docs[k].source ?? docs[k].id}: cannot be stored: ${errorLine(err)}`, permanent: false });
      results.push(null);
    }
  }
  return results;
}

/** An input's own fault (unreadable, not an article) is final at once: retrying cannot help. */
async function failJob(boss: PgBoss, job: Job, error: string, permanent: boolean): Promise<void> {
  if (permanent)
    await boss.getDb().executeSql(`UPDATE pgboss.job SET retry_limit = retry_count WHERE name = $1 AND id = $2::uuid`, [INGEST_QUEUE, job.id]);
  await boss.fail(INGEST_QUEUE, job.id, { message: error });
}

async function queueIsEmpty(boss: PgBoss): Promise<boolean> {
  try {
    const { rows } = await boss
      .getDb()
      .executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`, [INGEST_QUEUE]);
    return rows[0].n === 0;
  } catch {
    return false;
  }
}

function errorLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
}
