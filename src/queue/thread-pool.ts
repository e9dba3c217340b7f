// The pipeline is synchronous CPU work, so one Node thread uses one core. The pool runs it in
// worker_threads (one per core by default) while the calling thread keeps the database: callers
// send jobs or extracted documents in, get annotated documents back, and write them in batches.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Document } from '../document.js';
import type { FetchOptions } from '../ingest/fetch.js';
import type { RawItem } from '../ingest/raw.js';
import type { PipelineOptions } from '../pipeline.js';
import type { IngestJobData } from './job.js';
import { isJobFailure, type JobOutput } from './process.js';

export interface PoolOptions {
  /** Threads; default one per core. */
  size?: number;
  pipeline?: PipelineOptions;
  /** How URL jobs fetch (private addresses, time limits). */
  fetch?: FetchOptions;
  /**
   * Tasks handed to one thread ahead of its answers. Deep on purpose: the calling thread blocks
   * in synchronous store writes (SQLite) for a whole batch, and a thread that runs out of work
   * meanwhile sits idle until the write is done.
   */
  perThread?: number;
}

type Task = (
  | { kind: 'job'; payload: IngestJobData; resolve: (v: JobOutput[]) => void; reject: (e: Error) => void }
  | { kind: 'doc'; payload: Document; resolve: (v: Document) => void; reject: (e: Error) => void }
) & { lost?: number };

/**
 * Heap of one pipeline thread. A cap makes each thread collect garbage early instead of growing
 * towards V8's default (the 1 GiB bar holds for the whole process); an article too big for it
 * takes its thread down, and only that article fails (see onDeath).
 */
const THREAD_HEAP_MB = 384;

/**
 * Young generation of one pipeline thread (three times V8's semi-space). A document's layers live
 * for the whole pipeline, so a small young generation copies them again and again before they die:
 * measured on VOA stories, scavenging cost 1.2 ms a document at Node's default and 0.6 ms at this size.
 */
const THREAD_YOUNG_MB = 96;

interface Slot {
  worker: Worker;
  inFlight: Map<number, Task>;
  ready: boolean;
}

export type ThreadRequest = { id: number; kind: 'job' | 'doc'; payload: unknown };
export type ThreadResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string } | { ready: true };

export class PipelinePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private readonly perThread: number;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.perThread = Math.max(1, options.perThread ?? 16);
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /** Extract and annotate one job's input in a thread. */
  process(job: IngestJobData): Promise<JobOutput[]> {
    return new Promise((resolve, reject) => this.submit({ kind: 'job', payload: job, resolve, reject }));
  }

  /** Prepare (clean, metadata) and annotate one article as a reader produced it. */
  async processRaw(raw: RawItem): Promise<JobOutput> {
    return (await this.process({ input: raw.source, raw }))[0];
  }

  /** Annotate one extracted document in a thread. */
  annotate(doc: Document): Promise<Document> {
    return new Promise((resolve, reject) => this.submit({ kind: 'doc', payload: doc, resolve, reject }));
  }

  /** Tasks queued or running. */
  get pending(): number {
    return this.waiting.length + this.slots.reduce((n, s) => n + s.inFlight.size, 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    const err = new Error('pipeline pool closed');
    for (const t of this.waiting.splice(0)) t.reject(err);
    for (const s of this.slots) for (const t of s.inFlight.values()) t.reject(err);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private submit(task: Task): void {
    if (this.closed) return task.reject(new Error('pipeline pool closed'));
    this.waiting.push(task);
    this.dispatch();
  }

  private dispatch(): void {
    for (;;) {
      if (!this.waiting.length) return;
      let best: Slot | null = null;
      for (const s of this.slots) if (s.ready && s.inFlight.size < this.perThread && (!best || s.inFlight.size < best.inFlight.size)) best = s;
      if (!best) return;
      const task = this.waiting.shift()!;
      const id = this.nextId++;
      best.inFlight.set(id, task);
      best.worker.postMessage({ id, kind: task.kind, payload: task.payload } satisfies ThreadRequest);
    }
  }

  private spawn(): Slot {
    const worker = startThread({ pipeline: this.options.pipeline ?? {}, fetch: this.options.fetch ?? {} });
    const slot: Slot = { worker, inFlight: new Map(), ready: false };
    worker.on('message', (m: ThreadResponse) => {
      if ('ready' in m) {
        slot.ready = true;
      } else {
        const task = slot.inFlight.get(m.id);
        slot.inFlight.delete(m.id);
        if (task) {
          if (m.ok) (task.resolve as (v: unknown) => void)(m.result);
          else task.reject(new Error(m.error));
        }
      }
      this.dispatch();
    });
    // A thread that dies (out of memory on a huge article, a crash in native code) takes its
    // in-flight tasks with it: each goes back to the queue once, so the innocent ones run again
    // on a fresh thread and only a task that was in flight at two deaths fails.
    let dead = false;
    const onDeath = (err: Error) => {
      if (dead) return;
      dead = true;
      const i = this.slots.indexOf(slot);
      const retry: Task[] = [];
      for (const t of slot.inFlight.values()) {
        t.lost = (t.lost ?? 0) + 1;
        if (t.lost >= 2 || this.closed) t.reject(err);
        else retry.push(t);
      }
      slot.inFlight.clear();
      this.waiting.unshift(...retry);
      if (i < 0 || this.closed) return;
      this.slots[i] = this.spawn();
      this.dispatch();
    };
    worker.on('error', onDeath);
    worker.on('exit', (code) => {
      if (!this.closed) onDeath(new Error(`pipeline thread exited with code ${code}`));
    });
    return slot;
  }
}

/**
 * Start the thread entry point. From the compiled package it is thread-worker.js beside this
 * file; from the TypeScript sources (tests, `npm run bench`, tsx) the thread must load tsx itself
 * first, because Node does not hand the parent's module hooks to a worker's entry point.
 */
function startThread(workerData: { pipeline: PipelineOptions; fetch: FetchOptions }): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './thread-worker.ts' : './thread-worker.js', import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: THREAD_YOUNG_MB };
  if (!fromSource) return new Worker(entry, { workerData, resourceLimits });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/** ingest()/extract()'s batch processor on a pool: each item prepared and annotated in a thread. */
export function poolProcessor(pool: PipelinePool): (batch: RawItem[]) => Promise<Array<Document | { failed: true; input: string; error: string }>> {
  return (batch) =>
    Promise.all(
      batch.map((raw) =>
        pool.processRaw(raw).then(
          (out) => (isJobFailure(out) ? { failed: true as const, input: out.input, error: out.error } : out),
          (err: Error) => ({ failed: true as const, input: raw.source, error: err.message }),
        ),
      ),
    );
}
