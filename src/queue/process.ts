// One job's work, wherever it runs (a queue worker, a pool thread): turn the job's input into
// documents and run the language pipeline on each. CPU and, for URL jobs, network; no store.
import type { Document } from '../document.js';
import { failure, InputError, isFailure } from '../ingest/errors.js';
import type { FetchOptions } from '../ingest/fetch.js';
import { prepare } from '../ingest/prepare.js';
import type { RawItem } from '../ingest/raw.js';
import { readInputs } from '../ingest/sources.js';
import type { Pipeline } from '../pipeline.js';
import type { IngestJobData } from './job.js';

/** One input that made no document, with the one-line reason. */
export interface JobFailure {
  failed: true;
  input: string;
  error: string;
  /** The input's own fault (unreadable, no article in it): retrying cannot help. */
  permanent: boolean;
}

export type JobOutput = Document | JobFailure;

export function isJobFailure(x: unknown): x is JobFailure {
  return typeof x === 'object' && x !== null && (x as JobFailure).failed === true;
}

/** Extraction, then every pipeline stage, for each article of the job. */
export async function processJob(data: IngestJobData, pipeline: Pipeline, fetch: FetchOptions = {}): Promise<JobOutput[]> {
  if (data.raw) return [processItem(data.raw, pipeline, true)];
  if (!data.url) return [{ failed: true, input: data.input, error: 'the job has neither an article nor a URL', permanent: true }];
  // A page or a feed: whatever the URL holds now. Network trouble is worth retrying later.
  const out: JobOutput[] = [];
  for await (const r of readInputs([data.url], fetch)) {
    out.push(isFailure(r) ? { failed: true, input: r.input, error: r.error, permanent: false } : processItem(r, pipeline, false));
  }
  return out;
}

function processItem(raw: RawItem, pipeline: Pipeline, permanent: boolean): JobOutput {
  let doc: Document;
  try {
    doc = prepare(raw);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const f = failure(raw.source, err);
    return { failed: true, input: f.input, error: f.error, permanent };
  }
  return pipeline.run(doc);
}
