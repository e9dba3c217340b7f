// Checkpoints of a SQLite WAL database from a background thread, for bulk loads. A checkpoint
// copies the write-ahead log into the database file and syncs it to disk; done by the writing
// connection (SQLite's default, after every commit past 1,000 pages), that sync stalls the thread
// which also feeds the pipeline threads, and they sit idle. Measured on the 2-core machine: 167
// documents/s with checkpoints on the writer, 200 with them moved off it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface Checkpointer {
  /** A last checkpoint, then the thread ends. */
  stop(): Promise<void>;
}

// CommonJS run by `eval`, so the thread needs no file of its own next to the compiled one or tsx.
// PASSIVE never waits for the writer and never makes it wait.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
`;

export function startCheckpointer(path: string, onFailure: (err: Error) => void, everyMs = 500): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { path, driver, everyMs } });
  let failed = false;
  const stopped = new Promise<void>((resolve) => {
    worker.once('message', () => resolve());
    worker.once('error', (err) => {
      failed = true;
      onFailure(err);
      resolve();
    });
    worker.once('exit', () => resolve());
  });
  return {
    async stop() {
      if (!failed) worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}
