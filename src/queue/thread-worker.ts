// Entry point of one pipeline thread (see thread-pool.ts): builds the pipeline once, then answers
// each request with the annotated documents, or with the error as one line.
import { parentPort, workerData } from 'node:worker_threads';
import type { Document } from '../document.js';
import type { FetchOptions } from '../ingest/fetch.js';
import type { PipelineOptions } from '../pipeline.js';
import { createDefaultPipeline } from '../stages.js';
import type { IngestJobData } from './job.js';
import { processJob } from './process.js';
import type { ThreadRequest, ThreadResponse } from './thread-pool.js';

const port = parentPort!;
const options = workerData as { pipeline: PipelineOptions; fetch: FetchOptions };
const pipeline = createDefaultPipeline(options.pipeline);

port.on('message', async (m: ThreadRequest) => {
  let reply: ThreadResponse;
  try {
    const result = m.kind === 'job' ? await processJob(m.payload as IngestJobData, pipeline, options.fetch) : pipeline.run(m.payload as Document);
    reply = { id: m.id, ok: true, result: withoutTokens(result) };
  } catch (err) {
    reply = { id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies ThreadResponse);

// Tokens are the bulk of a processed document and nothing after the pipeline reads them (the
// store keeps every layer but tokens), so they are not copied back to the main thread.
function withoutTokens<T>(result: T): T {
  const strip = (x: unknown) => (x && typeof x === 'object' && 'tokens' in x && 'text' in x ? { ...(x as object), tokens: [] } : x);
  return (Array.isArray(result) ? result.map(strip) : strip(result)) as T;
}
