// The PostgreSQL half of `npm run bench -- ingest`: the same JSONL file queued as jobs, then two
// `parley worker` processes (one pipeline thread each, as two machines would run them) take the
// jobs into a fresh database. Reports documents/s from the workers' start to the last one's exit,
// and each worker's peak memory (RSS high-water mark, from /proc).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { enqueue } from '../src/queue/enqueue.js';
import { jobCounts } from '../src/queue/status.js';
import { openStore } from '../src/store/open.js';

const root = join(import.meta.dirname, '..');

export async function ingestThroughQueue(file: string, pgBase: string, workers = 2): Promise<void> {
  const url = await freshDatabase(pgBase, 'parley_bench_ingest');
  await (await openStore(url)).close(); // migrated once, before the workers race to do it
  let t = performance.now();
  const queued = await enqueue([file], { db: url });
  console.log(`\nPostgreSQL, ${workers} worker processes: queued ${queued.queued} jobs in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const peaks = await Promise.all(Array.from({ length: workers }, () => runWorker(url)));
  const secs = (performance.now() - t) / 1000;
  const store = await openStore(url);
  const stored = (await store.stats()).articles;
  await store.close();
  const counts = await jobCounts(url);
  console.log(`stored ${stored}; jobs completed ${counts.completed}, dead ${counts.dead}`);
  console.log(`throughput: ${(counts.completed / secs).toFixed(0)} documents/s (${secs.toFixed(1)} s, worker start-up included)`);
  console.log(`peak memory (RSS) per worker: ${peaks.map((p) => `${(p / 1024).toFixed(0)} MiB`).join(', ')}   bar: <= 1024 MiB`);
}

/** Runs one worker until the queue is empty; resolves to its peak RSS in KiB. */
function runWorker(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'parley.js'), '--db', url, 'worker', '--once', '--concurrency', '1'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, PARLEY_DB: '' },
    });
    let err = '';
    child.stderr!.on('data', (d) => (err = (err + d).slice(-2000)));
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]));
      } catch {
        /* exited, or no /proc on this system */
      }
    }, 200);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code === 0) resolve(peak);
      else reject(new Error(`worker exited with ${code}: ${err}`));
    });
  });
}

async function freshDatabase(baseUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(baseUrl);
  u.pathname = '/' + name;
  return u.toString();
}
