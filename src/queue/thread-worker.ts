// Entry point of one pipeline thread (see thread-pool.ts): builds the pipeline once, then answers
// each request with the annotated documents, or with the error as one line.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
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
lowerThreadPriority();

/**
 * The thread that feeds these threads and writes their results is the one serial stage: when it
 * waits for a core, every pipeline thread soon waits for it. On Linux a thread has its own nice
 * value, so pipeline threads step back and run on whatever that thread leaves. Measured on 2
 * cores, 6,000 VOA stories into SQLite: 169 documents/s without, 211–213 with (pipeline threads
 * busy 81% → 97% of the time). Elsewhere, or if not allowed, nothing changes.
 */
function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) setPriority(tid, 10);
  } catch {
    // not Linux, or no permission: the thread keeps its priority
  }
}
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
