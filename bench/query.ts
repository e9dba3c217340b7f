// `npm run bench -- query [--n 100000] [--runs 200] [--engine sqlite|postgres|both]`: query
// latency on a large store. The corpus (VOA stories from ../shared, else synthetic articles) goes
// through the full pipeline once; the processed documents are then replicated (new ids, titles,
// dates shifted by a day per copy) to 20,000 saved through saveDocuments, and beyond that the
// block is multiplied inside the database (bench/_bulk-store.ts: --n a multiple of 20,000). The
// store is built once and kept in .bench/ (SQLite) or in the database `parley_bench_<N>`
// (PostgreSQL, when PARLEY_BENCH_PG or PARLEY_TEST_PG is set). Reports p50/p95/p99 of full-text
// search, an actor's quotes, a dyad's monthly series and an actor's events, then the p95 of the
// first three against the bar: p95 <= 50 ms at 1,000,000 documents (`--n 1000000`).
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Document } from '../src/document.js';
import { parseJsonlLine } from '../src/ingest/jsonl.js';
import { prepare } from '../src/ingest/prepare.js';
import { createDefaultPipeline } from '../src/stages.js';
import { openStore } from '../src/store/open.js';
import { multiplyPostgres, multiplySqlite, type BulkPlan } from './_bulk-store.js';
import type { Store } from '../src/store/store.js';
import { syntheticArticle } from '../test/synthetic.js';

const root = join(import.meta.dirname, '..');
const cacheDir = join(root, '.bench');

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

export default async function run(args: string[]): Promise<void> {
  const n = Number(arg(args, '--n', '100000'));
  const runs = Number(arg(args, '--runs', '200'));
  const engine = arg(args, '--engine', 'both');
  const pgBase = process.env.PARLEY_BENCH_PG || process.env.PARLEY_TEST_PG || null;
  const base = await processedCorpus();
  console.log(`corpus: ${base.length} processed documents replicated to ${n.toLocaleString('en')}; ${runs} timed runs per query`);

  // Up to BLOCK documents are saved one by one; a larger store is that block multiplied inside
  // the database (bench/_bulk-store.ts), in copies whose dates move back by the block's span.
  const bulk = n > BLOCK;
  if (bulk && n % BLOCK) throw new Error(`--n above ${BLOCK} must be a multiple of it`);
  const plan: BulkPlan = { block: BLOCK, copies: n / BLOCK, shiftDays: Math.ceil(BLOCK / base.length) };
  const results: Result[] = [];

  if (engine === 'sqlite' || engine === 'both') {
    mkdirSync(cacheDir, { recursive: true });
    const path = join(cacheDir, `query-${n}.db`);
    if (!existsSync(path + '.done')) {
      const t = performance.now();
      const block = join(cacheDir, `query-${BLOCK}.db`);
      // The block is the cached BLOCK-document store when there is one: the same documents.
      if (bulk && !existsSync(path) && existsSync(block + '.done') && !existsSync(block + '-wal')) copyFileSync(block, path);
      await (await saved(path, bulk ? BLOCK : n)).close();
      if (bulk) multiplySqlite(path, plan);
      writeFileSync(path + '.done', new Date().toISOString());
      built('SQLite', t);
    }
    results.push(await report(`SQLite (${gib(statSync(path).size)} in ${path})`, 'SQLite', await openStore(path), runs));
  }
  if (engine === 'postgres' || engine === 'both') {
    if (!pgBase) console.log('PostgreSQL: skipped (set PARLEY_BENCH_PG or PARLEY_TEST_PG to a postgres:// URL)');
    else {
      const name = `parley_bench_${n}`;
      const url = await benchDatabase(pgBase, name);
      if (!(await isBuilt(url, n))) {
        const t = performance.now();
        await (await saved(url, bulk ? BLOCK : n)).close();
        if (bulk) await multiplyPostgres(url, plan);
        built('PostgreSQL', t);
      }
      results.push(await report(`PostgreSQL (${gib(await databaseSize(pgBase, name))}, database ${name})`, 'PostgreSQL', await openStore(url), runs));
    }
  }
  summary(results, n);

  /** The store at `location` with `target` documents saved through saveDocuments. */
  async function saved(location: string, target: number): Promise<Store> {
    const store = await openStore(location);
    const have = (await store.stats()).articles;
    const t = performance.now();
    let batch: Document[] = [];
    for (let i = have; i < target; i++) {
      batch.push(replica(base, i));
      if (batch.length === 500 || i === target - 1) {
        await store.saveDocuments(batch);
        batch = [];
        if ((i + 1) % 20000 < 500 || i === target - 1) {
          const rate = (i + 1 - have) / ((performance.now() - t) / 1000);
          process.stdout.write(`  ${store.engine}: ${(i + 1).toLocaleString('en')} stored (${rate.toFixed(0)}/s)\n`);
        }
      }
    }
    return store;
  }
}

const BLOCK = 20_000;

function built(engine: string, since: number): void {
  console.log(`  ${engine}: built in ${((performance.now() - since) / 60000).toFixed(1)} min`);
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

async function databaseSize(baseUrl: string, name: string): Promise<number> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    return Number((await c.query('SELECT pg_database_size($1) AS n', [name])).rows[0].n);
  } finally {
    await c.end();
  }
}

/** The corpus through every pipeline stage, once per run (it is small). */
async function processedCorpus(): Promise<Document[]> {
  const voa = join(root, '..', 'shared', 'corpora', 'voa', 'voa_stories.jsonl');
  const pipeline = createDefaultPipeline();
  if (existsSync(voa)) {
    return readFileSync(voa, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l, i) => pipeline.run(prepare(parseJsonlLine(l, `voa:${i + 1}`))));
  }
  console.log('../shared is absent: synthetic articles instead of VOA stories');
  return Array.from({ length: 200 }, (_, i) => {
    const a = syntheticArticle(i);
    return pipeline.run(prepare({ source: `synthetic:${i}`, format: 'text', content: a.text, meta: a }));
  });
}

const DAY = 86_400_000;
function shift(date: string | null | undefined, days: number): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date ?? null;
  return new Date(Date.parse(date) - days * DAY).toISOString().slice(0, 10);
}

/**
 * Copy k of a base document: its own id, title and dates (k days earlier, over ten years at
 * most), the same text and layers. Tokens and entities are left out of the copies: no query reads
 * them, and they would make a million-document store ten times larger on disk.
 */
function replica(base: Document[], i: number): Document {
  const d = base[i % base.length];
  const k = Math.floor(i / base.length);
  if (k === 0) return { ...d, tokens: [], entities: [] };
  const days = k % 3650;
  return {
    ...d,
    id: `${d.id}-${k}`,
    title: `${d.title ?? 'Untitled'} (${k})`,
    published: shift(d.published, days),
    source: `${d.source}#${k}`,
    tokens: [],
    entities: [],
    quotes: d.quotes.map((q) => ({ ...q, date: shift(q.date ?? d.published, days) })),
    events: d.events.map((e) => ({ ...e, date: shift(e.date ?? d.published, days) })),
    times: d.times.map((t) => ({ ...t, value: t.value && t.value.length === 10 ? shift(t.value, days) : t.value })),
  };
}

async function benchDatabase(baseUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rows.length) await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(baseUrl);
  u.pathname = '/' + name;
  return u.toString();
}

async function isBuilt(url: string, n: number): Promise<boolean> {
  const s = await openStore(url);
  try {
    return (await s.stats()).articles >= n;
  } finally {
    await s.close();
  }
}

const SEARCHES = ['ceasefire', 'sanctions', 'missile attack', '"peace talks"', 'Zelensky', 'election', 'drone strikes', 'refugees', 'tariffs', 'NATO allies'];

const BAR_MS = 50;

interface Result {
  engine: string;
  p95: Map<string, number>;
}

async function report(label: string, engine: string, store: Store, runs: number): Promise<Result> {
  const result: Result = { engine, p95: new Map() };
  try {
    const stats = await store.stats();
    const actors = (await store.listActors({ limit: 10 })).items.map((a) => a.id);
    const dyads = (await store.dyads({ limit: 10 })).map((d) => [d.source, d.target] as const);
    console.log(`\n${label}: ${stats.articles.toLocaleString('en')} articles, ${stats.quotes.toLocaleString('en')} quotes, ${stats.events.toLocaleString('en')} events; load average ${loadavg()[0].toFixed(1)}`);
    const queries: [string, (i: number) => Promise<unknown>][] = [
      [SEARCH, (i) => store.searchArticles(SEARCHES[i % SEARCHES.length], { limit: 20 })],
      [QUOTES, (i) => store.quotes({ by: actors[i % actors.length], limit: 50 })],
      [DYAD, (i) => (dyads.length ? store.dyadSeries({ ...pair(dyads[i % dyads.length]), by: 'month' }) : Promise.resolve())],
      ["actor's events (50)", (i) => store.events({ actor: actors[i % actors.length], limit: 50 })],
    ];
    for (const [name, q] of queries) {
      for (let i = 0; i < 10; i++) await q(i); // warm the caches, as a running server would have them
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await q(i);
        ms.push(performance.now() - t);
      }
      ms.sort((a, b) => a - b);
      const p = (x: number) => ms[Math.min(ms.length - 1, Math.floor(x * ms.length))];
      result.p95.set(name, p(0.95));
      const f = (x: number) => p(x).toFixed(1).padStart(7);
      console.log(`  ${name.padEnd(24)} p50 ${f(0.5)} ms   p95 ${f(0.95)} ms   p99 ${f(0.99)} ms`);
    }
  } finally {
    await store.close();
  }
  return result;
}

const SEARCH = 'search (20 hits)';
const QUOTES = "actor's quotes (50)";
const DYAD = 'dyad series (monthly)';

/** The issue's bar, p95 <= 50 ms for search, an actor's quotes and a dyad series, per engine. */
function summary(results: Result[], n: number): void {
  if (!results.length) return;
  console.log(`\nbar: p95 <= ${BAR_MS} ms at 1,000,000 documents (this run: ${n.toLocaleString('en')})`);
  console.log(`  ${'query'.padEnd(24)}${results.map((r) => r.engine.padStart(16)).join('')}`);
  for (const name of [SEARCH, QUOTES, DYAD])
    console.log(
      `  ${name.padEnd(24)}${results
        .map((r) => {
          const v = r.p95.get(name)!;
          return `${v.toFixed(1)} ms ${v <= BAR_MS ? 'met' : 'MISSED'}`.padStart(16);
        })
        .join('')}`,
    );
}

function pair([source, target]: readonly [string, string]): { source: string; target: string } {
  return { source, target };
}
