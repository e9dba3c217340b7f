// `npm run bench -- api [--n 10000] [--duration 10] [--connections 1,10] [--workers 1]`: HTTP API latency on
// loopback with N stored articles. The example articles are run through the pipeline once and
// replicated to N (new ids, dates shifted a day per copy, so series spread over time), stored
// once in a temp SQLite file that later runs reuse. The server runs in its own process
// (`parley serve`), autocannon loads it for a bounded time per query and concurrency (1: the
// latency of a query alone; 10: with queueing behind other clients), and the bench prints
// p50/p95/p99 latency and requests/s for search, an actor's quotes and a dyad series.
// Bar (PRODUCT.md): p95 <= 50 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Document } from '../src/document.js';
import { isFailure } from '../src/ingest/errors.js';
import { extract } from '../src/ingest/ingest.js';
import { openStore } from '../src/store/open.js';

const ROOT = join(import.meta.dirname, '..');
const BAR_P95_MS = 50;

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

function shift(date: string | null | undefined, days: number): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !days) return date ?? null;
  return new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

/** Copy k of a processed document: a new id, every date moved k days (k mod 365). */
function replica(doc: Document, k: number): Document {
  if (k === 0) return doc;
  const d = k % 365;
  return {
    ...doc,
    id: `${doc.id}-r${k}`,
    published: shift(doc.published, d),
    quotes: doc.quotes.map((q) => ({ ...q, date: shift(q.date ?? doc.published, d) })),
    events: doc.events.map((e) => ({ ...e, date: shift(e.date, d) })),
    times: doc.times.map((t) => ({ ...t, value: shift(t.value, d) })),
  };
}

async function buildStore(path: string, n: number): Promise<void> {
  const base: Document[] = [];
  for await (const d of extract([join(ROOT, 'examples')])) if (!isFailure(d)) base.push(d);
  if (!base.length) throw new Error('no example article could be processed');
  const store = await openStore(path);
  try {
    const t0 = Date.now();
    for (let i = 0; i < n; i += 250) {
      const batch: Document[] = [];
      for (let j = i; j < Math.min(n, i + 250); j++) batch.push(replica(base[j % base.length], Math.floor(j / base.length)));
      await store.saveDocuments(batch);
      process.stdout.write(`\r  stored ${Math.min(n, i + 250)} / ${n}`);
    }
    process.stdout.write(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
  } finally {
    await store.close();
  }
}

async function startServer(db: string, workers: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), '--db', db, 'serve', '--port', '0', '--workers', String(workers)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PARLEY_TOKEN: '' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`parley serve exited (${code}) before listening`)));
  });
  return { child, url };
}

interface Figures {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function load(name: string, url: string, duration: number, connections: number): Promise<Figures> {
  const times: number[] = [];
  const instance = autocannon({ url, duration, connections });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const r = await instance;
  times.sort((a, b) => a - b);
  return { name, requests: r.requests.total, rps: r.requests.average, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), errors: r.errors + r.non2xx + r.timeouts };
}

export default async function run(args: string[]): Promise<void> {
  const n = arg(args, '--n', 10_000);
  const duration = arg(args, '--duration', 10);
  const ci = args.indexOf('--connections');
  const levels = (ci >= 0 ? args[ci + 1] : '1,10').split(',').map(Number).filter((x) => x > 0);
  const db = join(tmpdir(), `parley-bench-api-${n}-v1.db`);
  let stored = 0;
  if (existsSync(db)) {
    const s = await openStore(db);
    stored = (await s.stats()).articles;
    await s.close();
  }
  if (stored < n) {
    console.log(`building a store of ${n} articles in ${db} (once; later runs reuse it)`);
    for (const f of [db, db + '-wal', db + '-shm']) rmSync(f, { force: true });
    await buildStore(db, n);
  } else console.log(`reusing ${db} (${stored} articles)`);

  const workers = arg(args, '--workers', 1);
  const { child, url } = await startServer(db, workers);
  try {
    const targets: [string, string][] = [
      ['search', `${url}api/articles/search?q=${encodeURIComponent('ceasefire talks')}&limit=20`],
      ["actor's quotes", `${url}api/actors/donald-trump/quotes?limit=50`],
      ['dyad series', `${url}api/dyads/donald-trump/vladimir-putin?granularity=month`],
    ];
    for (const [, u] of targets) {
      const res = await fetch(u);
      if (!res.ok) throw new Error(`${u}: HTTP ${res.status} ${await res.text()}`);
    }
    // Latency under load depends on what else the machine runs: print it beside the figures.
    console.log(`loading ${url} (${workers} server process${workers > 1 ? 'es' : ''}) for ${duration} s per query and concurrency; ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}\n`);
    const rows: (Figures & { connections: number })[] = [];
    for (const connections of levels)
      for (const [name, u] of targets) {
        await load(name, u, 1, connections); // warm-up: caches, JIT
        rows.push({ ...(await load(name, u, duration, connections)), connections });
      }
    console.log(`(load average after: ${loadavg()[0].toFixed(1)})`);
    const f = (x: number) => `${x.toFixed(1)} ms`.padStart(9);
    console.log(`${'query'.padEnd(16)} ${'conns'.padStart(5)} ${'req/s'.padStart(8)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)}  errors  bar p95<=${BAR_P95_MS}ms`);
    for (const r of rows)
      console.log(`${r.name.padEnd(16)} ${String(r.connections).padStart(5)} ${r.rps.toFixed(0).padStart(8)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)}  ${String(r.errors).padStart(6)}  ${r.p95 <= BAR_P95_MS && r.errors === 0 ? 'PASS' : 'FAIL'}`);
  } finally {
    child.kill('SIGTERM');
  }
}
