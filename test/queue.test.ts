// The job queue end to end inside one process: enqueue, a worker that stops when the queue is
// empty, retries with backoff for failures worth retrying, the dead-letter queue for the rest,
// and the listings `parley jobs` and the API show. Runs on PARLEY_TEST_PG (a database of its own).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { enqueue, enqueueJobs } from '../src/queue/enqueue.js';
import { jobCounts, listDeadLetters, listJobs } from '../src/queue/status.js';
import { runWorker } from '../src/queue/worker.js';
import { openStore } from '../src/store/open.js';
import { syntheticArticle } from './synthetic.js';

const PG = process.env.PARLEY_TEST_PG;
if (!PG && process.env.CI) throw new Error('CI is set but PARLEY_TEST_PG is not');
const skip = PG ? false : 'PARLEY_TEST_PG is not set: queue tests skipped';
const FAST = { jobTimeoutSeconds: 30, retryDelaySeconds: 1, retryLimit: 2 };

describe('job queue', { skip }, () => {
  let db: string;
  let dir: string;
  const name = `parley_queue_test_${process.pid}`;

  before(async () => {
    const c = new pg.Client({ connectionString: PG });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(PG!);
    u.pathname = '/' + name;
    db = u.toString();
    dir = mkdtempSync(join(tmpdir(), 'parley-queue-'));
  });
  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: PG });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  test('a folder is queued one job per article; a worker stores them, then the queue lists them completed', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `a${i}.txt`), syntheticArticle(i, 42).text);
    writeFileSync(join(dir, 'empty.txt'), '');
    const queued = await enqueue([dir], { db, ...FAST });
    assert.equal(queued.queued, 6);
    assert.deepEqual(queued.failures, [{ input: join(dir, 'empty.txt'), error: 'empty input' }]);
    assert.equal((await jobCounts(db)).created, 6);

    const stats = await runWorker({ db, concurrency: 1, exitWhenIdle: true, pollIntervalMs: 200 });
    assert.equal(stats.stored, 6);
    const store = await openStore(db);
    try {
      assert.equal((await store.stats()).articles, 6);
      const log = await store.ingestLog({ limit: 10 });
      assert.equal(log.items.filter((e) => e.status === 'stored').length, 6);
    } finally {
      await store.close();
    }
    const counts = await jobCounts(db);
    assert.equal(counts.completed, 6);
    assert.equal(counts.created + counts.active + counts.retry, 0);
    const done = await listJobs(db, { state: 'completed', limit: 4 });
    assert.equal(done.items.length, 4);
    assert.ok(done.next, 'a second page');
    const rest = await listJobs(db, { state: 'completed', limit: 4, cursor: done.next });
    assert.equal(rest.items.length, 2);
    assert.equal(new Set([...done.items, ...rest.items].map((j) => j.id)).size, 6);
    assert.ok(done.items.every((j) => j.attempts === 1 && j.error === null));

    // Queued again: every job runs, nothing is stored twice.
    await enqueue([dir], { db, ...FAST });
    const again = await runWorker({ db, concurrency: 1, exitWhenIdle: true, pollIntervalMs: 200 });
    assert.deepEqual([again.stored, again.duplicates], [0, 6]);
  });

  test('an input that holds no article goes to the dead letters at once, with its error', { timeout: 60_000 }, async () => {
    const before = (await jobCounts(db)).dead;
    await enqueueJobs([{ input: 'menu.html', raw: { source: 'menu.html', format: 'html', content: '<html><body><nav><a href="/">Home</a></nav></body></html>' } }], {
      db,
      ...FAST,
    });
    const stats = await runWorker({ db, concurrency: 1, exitWhenIdle: true, pollIntervalMs: 200 });
    assert.equal(stats.failed, 1);
    const counts = await jobCounts(db);
    assert.equal(counts.dead, before + 1);
    const dead = await listDeadLetters(db, { limit: 5 });
    assert.equal(dead.items[0].input, 'menu.html');
    assert.match(dead.items[0].error ?? '', /no article text/);
    const failed = await listJobs(db, { state: 'failed' });
    assert.equal(failed.items[0].attempts, 1, 'not retried: retrying cannot help');
  });

  test('a URL that fails is retried with backoff and stored once it answers', { timeout: 60_000 }, async () => {
    let calls = 0;
    const article = syntheticArticle(7, 43).text;
    const server: Server = createServer((_req, res) => {
      calls++;
      if (calls <= 2) {
        res.writeHead(503).end('busy');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(article);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/story.txt`;
      assert.equal((await enqueue([url], { db, ...FAST })).queued, 1);
      const stats = await runWorker({ db, concurrency: 1, exitWhenIdle: true, pollIntervalMs: 200, fetch: { allowPrivate: true } });
      assert.deepEqual([stats.failed, stats.stored], [2, 1]);
      const job = (await listJobs(db, { state: 'completed', limit: 1 })).items[0];
      assert.equal(job.input, url);
      assert.equal(job.attempts, 3);
    } finally {
      server.close();
    }
  });
});
