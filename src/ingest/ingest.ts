// The two core calls of ingestion. extract(): inputs → processed Documents (or failures), through
// the default pipeline, nothing stored. ingest(): the same, saved to a store in batches, every
// item written to the store's ingest log, and a summary returned.
import { availableParallelism } from 'node:os';
import type { Document } from '../document.js';
import { PipelinePool, poolProcessor } from '../queue/thread-pool.js';
import type { Pipeline, PipelineOptions } from '../pipeline.js';
import { createDefaultPipeline } from '../stages.js';
import { actorEntriesFrom } from '../nlp/lexicon.js';
import type { IngestLogEntry, SaveResult, Store } from '../store/store.js';
import { failure, isFailure, type Failure } from './errors.js';
import { processRaw } from './prepare.js';
import type { RawItem } from './raw.js';
import { readInputs, type Input, type ReadOptions } from './sources.js';

/** Turns a batch of raw items into documents; the default runs in this thread, a worker pool
 *  or job queue can take its place (items and results are plain, serialisable data). */
export type BatchProcessor = (batch: RawItem[]) => Promise<Array<Document | Failure>>;

export interface ExtractOptions extends ReadOptions, PipelineOptions {
  /** Pipeline to run (default: createDefaultPipeline(options)). */
  pipeline?: Pipeline;
  processor?: BatchProcessor;
  /** Pipeline threads (worker_threads); 'auto': one per core once the input runs past one batch; 1 or absent: this thread. */
  threads?: number | 'auto';
  /** Items per processing batch (and per store transaction in ingest()); default 100. */
  batchSize?: number;
}

export interface IngestItemResult {
  input: string;
  status: 'stored' | 'duplicate' | 'near-duplicate' | 'failed';
  id?: string;
  duplicateOf?: string | null;
  error?: string;
}

export interface IngestOptions extends ExtractOptions {
  /** Called once per item as it is settled (progress bars, logs). */
  onItem?: (result: IngestItemResult) => void;
}

export interface IngestSummary {
  /** New articles stored, near duplicates included (they are stored, linked to their original). */
  stored: number;
  /** Exact duplicates of stored articles: nothing stored. */
  duplicates: number;
  nearDuplicates: number;
  failed: { input: string; error: string }[];
  ids: string[];
}

export function localProcessor(pipeline: Pipeline): BatchProcessor {
  return async (batch) =>
    batch.map((raw) => {
      try {
        return processRaw(raw, pipeline);
      } catch (err) {
        return failure(raw.source, err);
      }
    });
}

async function* batches(inputs: Input[], options: ExtractOptions): AsyncGenerator<Array<RawItem | Failure>> {
  const size = Math.max(1, options.batchSize ?? 100);
  let batch: Array<RawItem | Failure> = [];
  for await (const r of readInputs(inputs, options)) {
    batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function* processed(inputs: Input[], options: ExtractOptions): AsyncGenerator<Array<Document | Failure>> {
  const size = options.threads === 'auto' ? availableParallelism() : (options.threads ?? 1);
  const threaded = !options.processor && !options.pipeline && size > 1;
  // With threads, two batches are in the works while the caller stores a third: storing a batch
  // takes about as long as annotating one, and with one batch ahead the threads ran dry while this
  // thread was in a store transaction (measured: threads idle a fifth of the time).
  const depth = threaded ? 2 : 1;
  // Each thread may hold its share of every batch in the works: this thread cannot hand out
  // work while it is inside a store transaction, which takes hundreds of milliseconds.
  const perThread = Math.ceil((Math.max(1, options.batchSize ?? 100) * depth) / size) + 8;
  let pool: PipelinePool | null = null;
  let local: BatchProcessor | null = null;
  let batchNo = 0;
  // 'auto' runs the first batch on this thread and starts the threads only when a second batch
  // shows there is more: a thread loads its models for about a second, longer than a few articles take.
  const processorFor = (n: number): BatchProcessor => {
    if (options.processor) return options.processor;
    if (threaded && (n > 0 || options.threads !== 'auto')) {
      pool ??= new PipelinePool({ size, perThread, pipeline: { lexicons: options.lexicons, actors: options.actors } });
      return poolProcessor(pool);
    }
    return (local ??= localProcessor(options.pipeline ?? createDefaultPipeline(options)));
  };
  const run = async (batch: Array<RawItem | Failure>) => {
    const raws = batch.filter((b): b is RawItem => !isFailure(b));
    const processor = processorFor(batchNo++);
    const docs = raws.length ? await processor(raws) : [];
    let k = 0;
    // keep the input order: failures from reading stay where they were
    return batch.map((b) => (isFailure(b) ? b : docs[k++]));
  };
  try {
    // Batches ahead: while the caller stores batch n, the threads already work on the next ones.
    const ahead: Array<Promise<Array<Document | Failure>>> = [];
    for await (const batch of batches(inputs, options)) {
      ahead.push(run(batch));
      if (ahead.length > depth) yield await ahead.shift()!;
    }
    while (ahead.length) yield await ahead.shift()!;
  } finally {
    await (pool as PipelinePool | null)?.close();
  }
}

/** Documents (document contract) or failures, in input order; nothing is stored. */
export async function* extract(inputs: Input[], options: ExtractOptions = {}): AsyncGenerator<Document | Failure> {
  for await (const batch of processed(inputs, options)) yield* batch;
}

/** Pipeline options for ingesting into this store: the actors users added to it join the dictionary. */
export async function storePipelineOptions(store: Store, options: PipelineOptions = {}): Promise<PipelineOptions> {
  const users = actorEntriesFrom(await store.userActors());
  return users.length ? { ...options, actors: [...(options.actors ?? []), ...users] } : options;
}

export async function ingest(inputs: Input[], store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { stored: 0, duplicates: 0, nearDuplicates: 0, failed: [], ids: [] };
  // A caller's own pipeline or processor is used as given; otherwise the store's user actors join it.
  if (!options.pipeline && !options.processor) options = { ...options, ...(await storePipelineOptions(store, options)) };
  let batches = 0;
  let endBulkLoad: (() => Promise<void>) | undefined;
  try {
    for await (const batch of processed(inputs, options)) {
      if (++batches === 2) endBulkLoad = store.beginBulkLoad?.();
      await storeBatch(store, batch, summary, options);
    }
  } finally {
    await endBulkLoad?.();
  }
  return summary;
}

/** Saves one batch, writes its ingest log entries and tells the caller about each item. */
async function storeBatch(store: Store, batch: Array<Document | Failure>, summary: IngestSummary, options: IngestOptions): Promise<void> {
  const docs = batch.filter((d): d is Document => !isFailure(d));
  const saved = docs.length ? await save(store, docs) : [];
  let k = 0;
  const log: IngestLogEntry[] = [];
  const results: IngestItemResult[] = [];
  const fail = (input: string, error: string) => {
    summary.failed.push({ input, error });
    results.push({ input, status: 'failed', error });
    log.push({ source: input, status: 'failed', message: error });
  };
  for (const item of batch) {
    if (isFailure(item)) {
      fail(item.input, item.error);
      continue;
    }
    const s = saved[k++];
    const input = item.source ?? item.id;
    if ('error' in s) {
      fail(input, s.error);
      continue;
    }
    if (s.status === 'duplicate') summary.duplicates++;
    else {
      summary.stored++;
      summary.ids.push(s.id);
      if (s.status === 'near-duplicate') summary.nearDuplicates++;
    }
    results.push({ input, status: s.status, id: s.id, duplicateOf: s.duplicateOf ?? null });
    log.push({
      source: input,
      status: s.status,
      articleId: s.id,
      message: s.status === 'near-duplicate' ? `near duplicate of ${s.duplicateOf}` : null,
    });
  }
  // One write for the batch's log; callers hear of an item once its log entry is written.
  await store.logIngestMany(log);
  if (options.onItem) for (const r of results) options.onItem(r);
}

/** One transaction per batch; if the batch fails, each document alone, so one bad one loses nothing else. */
async function save(store: Store, docs: Document[]): Promise<Array<SaveResult | { error: string }>> {
  try {
    return await store.saveDocuments(docs);
  } catch {
    const out: Array<SaveResult | { error: string }> = [];
    for (const d of docs) {
      try {
        out.push(await store.saveDocument(d));
      } catch (err) {
        out.push({ error: `cannot store: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
    return out;
  }
}
