// `ingest --queue`: turn inputs into jobs and return. Files, folders, JSONL and local feeds are
// read here with the ingest readers, one job per article, so every job is small and any worker
// on any machine can take it. URLs become URL jobs: the worker that takes one fetches it (a
// feed's items are then processed by that worker).
import type PgBoss from 'pg-boss';
import { isFailure } from '../ingest/errors.js';
import type { RawItem } from '../ingest/raw.js';
import { isUrl, readInputs, type Input, type ReadOptions } from '../ingest/sources.js';
import { INGEST_QUEUE, jobOptions, openQueue, type QueueOptions } from './boss.js';
import { rawJob, type IngestJobData } from './job.js';

export interface EnqueueOptions extends QueueOptions {
  /** Reading local inputs: where `-` reads from, progress. */
  read?: Pick<ReadOptions, 'stdin' | 'onFound'>;
  /** An open queue to use instead of opening (and closing) one. */
  boss?: PgBoss;
}

export interface EnqueueResult {
  /** Jobs created. */
  queued: number;
  /** Inputs that could not be read, one line each; every other input was queued. */
  failures: { input: string; error: string }[];
}

/** Jobs are inserted this many to a statement. */
const INSERT_BATCH = 500;

/** Queue every article of the inputs (paths, folders, `-`, URLs, or items already read). */
export async function enqueue(inputs: Input[], options: EnqueueOptions): Promise<EnqueueResult> {
  const urls = inputs.filter((i): i is string => typeof i === 'string' && isUrl(i));
  const local = inputs.filter((i) => !(typeof i === 'string' && isUrl(i)));
  return enqueueJobs(jobsOf(local, urls, options), options);
}

async function* jobsOf(local: Input[], urls: string[], options: EnqueueOptions): AsyncGenerator<IngestJobData | { input: string; error: string }> {
  for (const url of urls) yield { input: url, url };
  // Local inputs only: readInputs would fetch URLs here, and fetching is the workers' job.
  for await (const r of readInputs(local, { ...options.read })) yield isFailure(r) ? { input: r.input, error: r.error } : rawJob(r as RawItem);
}

/** Queue jobs as they come; a failure (an unreadable input) is reported, not queued. */
export async function enqueueJobs(
  jobs: Iterable<IngestJobData | { input: string; error: string }> | AsyncIterable<IngestJobData | { input: string; error: string }>,
  options: EnqueueOptions,
): Promise<EnqueueResult> {
  const boss = options.boss ?? (await openQueue(options));
  const result: EnqueueResult = { queued: 0, failures: [] };
  const perJob = jobOptions(options);
  let batch: PgBoss.JobInsert<IngestJobData>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await boss.insert(batch);
    result.queued += batch.length;
    batch = [];
  };
  try {
    for await (const j of jobs) {
      if ('error' in j) {
        result.failures.push(j);
        continue;
      }
      batch.push({
        name: INGEST_QUEUE,
        data: j,
        retryLimit: perJob.retryLimit,
        retryDelay: perJob.retryDelay,
        retryBackoff: perJob.retryBackoff,
        expireInSeconds: perJob.expireInSeconds,
        deadLetter: perJob.deadLetter,
      });
      if (batch.length >= INSERT_BATCH) await flush();
    }
    await flush();
  } finally {
    if (!options.boss) await boss.stop({ graceful: false, wait: true }).catch(() => {});
  }
  return result;
}
