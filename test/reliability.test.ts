// Ingestion through the queue survives what happens to real deployments: a worker killed with
// SIGKILL in the middle of a batch, PostgreSQL stopped and started under running workers, two
// workers ingesting the same feed at once. Each test runs `parley worker` processes against a
// throwaway PostgreSQL cluster of its own and checks that every document is stored exactly once.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { enqueue } from '../src/queue/enqueue.js';
import { jobCounts } from '../src/queue/status.js';
import { openStore } from '../src/store/open.js';
import { pgClusterSkip, startCluster, type TestCluster } from './pg-cluster.js';
import { repoRoot } from './shared.js';
import { syntheticArticle } from './synthetic.js';

const skip = pgClusterSkip();
/** Short enough that a killed worker's jobs come back within seconds. */
const JOBS = { jobTimeoutSeconds: 6, retryDelaySeconds: 1, retryLimit: 4 };

describe('queue reliability (own PostgreSQL cluster, worker processes)', { skip }, () => {
  let cluster: TestCluster;
  let dir: string;
  let dbN = 0;

  before(async () => {
    cluster = await startCluster();
    dir = mkdtempSync(join(tmpdir(), 'parley-reliability-'));
  });
  after(() => {
    for (const w of running) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    cluster?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh database per test, so counts never mix. */
  async function freshDb(): Promise<string> {
    const name = `reliability_${++dbN}`;
    const c = new pg.Client({ connectionString: cluster.url });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = cluster.url.replace(/\/postgres$/, `/${name}`);
    await (await openStore(url)).close(); // migrate once, before several workers start at the same moment
    return url;
  }

  function writeJsonl(name: string, from: number, n: number): string {
    const path = join(dir, name);
    const lines = [];
    for (let i = from; i < from + n; i++) lines.push(JSON.stringify(syntheticArticle(i)));
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  }

  test('three workers, one killed with SIGKILL mid-way and restarted: 2,000 documents stored exactly once', { timeout: 360_000 }, async () => {
    const db = await freshDb();
    const queued = await enqueue([writeJsonl('two-thousand.jsonl', 0, 2000)], { db, ...JOBS });
    assert.deepEqual(queued, { queued: 2000, failures: [] });

    const workers = [startWorker(db), startWorker(db), startWorker(db)];
    await until(async () => (await articleCount(db)) >= 500, 240_000, workers);
    // Each worker holds a batch (usually two) from its first fetch until the queue runs dry, so a
    // worker killed now dies in the middle of one.
    workers[0].kill('SIGKILL');
    await exited(workers[0]);
    workers[0] = startWorker(db);
    for (const w of workers) assert.equal(await exited(w, 300_000), 0, w.output());

    await assertStoredOnce(db, 2000);
    const counts = await jobCounts(db);
    assert.equal(counts.completed, 2000);
    assert.equal(counts.dead, 0);
    // The killed worker's unfinished jobs were taken again after their timeout.
    assert.ok((await scalar(db, `SELECT count(*)::int AS n FROM pgboss.job WHERE retry_count > 0`)) > 0, 'no job was retried after the kill');
  });

  test('PostgreSQL stopped mid-run and started again: workers wait, resume, and lose nothing', { timeout: 240_000 }, async () => {
    const db = await freshDb();
    await enqueue([writeJsonl('restart.jsonl', 10_000, 300)], { db, ...JOBS });
    const workers = [startWorker(db), startWorker(db)];
    await until(async () => (await articleCount(db)) >= 100, 180_000, workers);
    cluster.stop();
    await new Promise((r) => setTimeout(r, 3000));
    for (const w of workers) assert.equal(w.exitCode, null, `a worker exited while PostgreSQL was down:\n${w.output()}`);
    cluster.start();
    for (const w of workers) assert.equal(await exited(w, 180_000), 0, w.output());
    await assertStoredOnce(db, 300);
    assert.equal((await jobCounts(db)).completed, 300);
  });

  test('the same feed ingested by two workers at once: no duplicates', { timeout: 180_000 }, async () => {
    const db = await freshDb();
    const feed = rssFeed(20_000, 60);
    const server = await serve(feed);
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/feed.xml`;
      // Two jobs for one feed: each worker takes one and reads every item of it.
      assert.equal((await enqueue([url, url], { db, ...JOBS })).queued, 2);
      const workers = [startWorker(db, ['--allow-private', '--batch', '1']), startWorker(db, ['--allow-private', '--batch', '1'])];
      for (const w of workers) assert.equal(await exited(w, 150_000), 0, w.output());
    } finally {
      server.close();
    }
    await assertStoredOnce(db, 60);
    assert.equal(await scalar(db, `SELECT count(*)::int AS n FROM ingest_log WHERE status = 'stored'`), 60);
  });
});

interface Worker extends ChildProcess {
  output(): string;
}

/** Every worker started, so none outlives a failed test. */
const running: Worker[] = [];

function startWorker(db: string, extra: string[] = []): Worker {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), '--db', db, 'worker', '--once', '--concurrency', '1', '--batch', '16', '--sweep-seconds', '1', ...extra],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PARLEY_DB: '' } },
  ) as Worker;
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  child.output = () => log.slice(-4000);
  running.push(child);
  return child;
}

function exited(child: ChildProcess, timeoutMs = 30_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker did not finish within ${timeoutMs / 1000} s:\n${(child as Worker).output?.()}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(t);
      resolve(code);
    });
  });
}

async function until(cond: () => Promise<boolean>, timeoutMs: number, workers: Worker[]): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond().catch(() => false))) {
    const dead = workers.find((w) => w.exitCode !== null);
    if (dead && dead.exitCode !== 0) throw new Error(`a worker failed:\n${dead.output()}`);
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs / 1000} s:\n${workers.map((w) => w.output()).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function scalar(db: string, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: db });
  await c.connect();
  try {
    return Number((await c.query(sql)).rows[0].n);
  } finally {
    await c.end();
  }
}

const articleCount = (db: string) => scalar(db, 'SELECT count(*)::int AS n FROM articles');

/** Every expected article once, and no layer row written twice (a partial second save). */
async function assertStoredOnce(db: string, expected: number): Promise<void> {
  assert.equal(await articleCount(db), expected);
  assert.equal(await scalar(db, 'SELECT count(DISTINCT id)::int AS n FROM articles'), expected);
  const c = new pg.Client({ connectionString: db });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT
      (SELECT count(*) FROM quotes)::int AS quotes, (SELECT coalesce(sum(n_quotes), 0) FROM articles)::int AS n_quotes,
      (SELECT count(*) FROM events)::int AS events, (SELECT coalesce(sum(n_events), 0) FROM articles)::int AS n_events,
      (SELECT coalesce(sum(n), 0) FROM article_actors)::int AS mentions, (SELECT coalesce(sum(n_mentions), 0) FROM articles)::int AS n_mentions`);
    const r = rows[0];
    assert.equal(r.quotes, r.n_quotes, 'quotes stored twice');
    assert.equal(r.events, r.n_events, 'events stored twice');
    assert.equal(r.mentions, r.n_mentions, 'mentions stored twice');
  } finally {
    await c.end();
  }
}

function rssFeed(from: number, n: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const items = [];
  for (let i = from; i < from + n; i++) {
    const a = syntheticArticle(i);
    items.push(
      `<item><title>${esc(a.title)}</title><link>https://news.example/${i}</link><pubDate>${new Date(a.published).toUTCString()}</pubDate><description>${esc(a.text)}</description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Synthetic Wire</title>${items.join('')}</channel></rss>`;
}

function serve(body: string): Promise<Server> {
  return new Promise((resolve) => {
    const s = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(body);
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}
