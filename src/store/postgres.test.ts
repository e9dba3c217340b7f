// Runs the store contract on PostgreSQL when PARLEY_TEST_PG points at a server (.ci/run starts
// one). Each test file gets its own fresh database, each test its own schema; both are dropped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore, wordsTsQuery } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import { SEARCH_BUCKET } from './migrations.js';
import { doc, fixtures, storeContract, walk } from './store.contract.js';
import type { Store } from './store.js';
import type { Document } from '../document.js';

const server = process.env.PARLEY_TEST_PG;
const skip = server ? false : 'PARLEY_TEST_PG is not set (a postgres:// URL of a server where test databases may be created)';
const dbName = `parley_test_${randomBytes(6).toString('hex')}`;
let dbUrl = '';
let schemas = 0;

if (!server && process.env.CI)
  test('PostgreSQL store tests run in CI', () => assert.fail('CI is set but PARLEY_TEST_PG is not: .ci/run must start PostgreSQL'));

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

if (server) {
  before(async () => {
    await admin(server, (c) => c.query(`CREATE DATABASE ${dbName} TEMPLATE template0 ENCODING 'UTF8'`));
    const u = new URL(server);
    u.pathname = '/' + dbName;
    dbUrl = u.toString();
  });
  after(async () => {
    await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  });
}

/** A fresh schema in the test database, used through search_path. */
async function freshSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `t${++schemas}`;
  await admin(dbUrl, (c) => c.query(`CREATE SCHEMA ${schema}`));
  const u = new URL(dbUrl);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return { url: u.toString(), drop: () => admin(dbUrl, (c) => c.query(`DROP SCHEMA ${schema} CASCADE`)).then(() => undefined) };
}

/** A migrated PostgresStore in a fresh schema, closed and dropped after `body`. */
async function withStore(body: (st: PostgresStore) => Promise<void>): Promise<void> {
  const sch = await freshSchema();
  const st = new PostgresStore(sch.url, { max: 2 });
  try {
    await st.migrate();
    await body(st);
  } finally {
    await st.close();
    await sch.drop();
  }
}

/** Makes the next saved article's seq `after + 1`, to place it in a chosen recency bucket. */
async function jumpSeq(st: PostgresStore, after: number): Promise<void> {
  await st.pool.query(`SELECT setval(pg_get_serial_sequence('articles', 'seq'), ${after})`);
}

/** One article per text, `apart` recency buckets after the one before, so every search round runs. */
async function saveSpread(st: PostgresStore, texts: string[], apart: number): Promise<Document[]> {
  const docs = texts.map((text, i) => doc({ text, title: `Story ${i}` }));
  for (const [i, d] of docs.entries()) {
    await jumpSeq(st, i * apart * SEARCH_BUCKET + 1);
    await st.saveDocument(d);
  }
  return docs;
}

storeContract(
  'postgres',
  async () => {
    const s = await freshSchema();
    return { open: () => new PostgresStore(s.url, { max: 4 }), drop: s.drop };
  },
  { skip },
);

test('PostgreSQL and SQLite return identical results for the same calls', { skip }, async () => {
  const s = await freshSchema();
  const pgs = new PostgresStore(s.url, { max: 2 });
  const lite = new SqliteStore(':memory:');
  try {
    const results = await Promise.all([pgs, lite].map((st) => scenario(st)));
    assert.deepEqual(results[0], results[1]);
  } finally {
    await pgs.close();
    await lite.close();
    await s.drop();
  }
});

test('search finds matches in every recency bucket, old and new', { skip }, () =>
  withStore(async (st) => {
    const saved: string[] = [];
    // Jump the article sequence so that the articles land in buckets 0, 5 and 9.
    for (const bucket of [0, 5, 9]) {
      if (bucket) await jumpSeq(st, bucket * SEARCH_BUCKET + 10);
      for (let i = 0; i < 3; i++) {
        const d = doc({ text: `Bucket ${bucket} item ${i}: envoys discussed a ceasefire in ${['Geneva', 'Doha', 'Ankara'][i]} for ${bucket * 3 + i} hours.` });
        await st.saveDocument(d);
        saved.push(d.id);
      }
    }
    const { rows } = await st.pool.query(`SELECT count(*) AS n FROM articles WHERE tsv @@ '~9'::tsquery`);
    assert.equal(Number(rows[0].n), 3, 'newest articles carry their bucket lexeme');
    const hits = await walk((cursor) => st.searchArticles('ceasefire', { limit: 4, cursor }));
    assert.deepEqual(hits.map((h) => h.id).sort(), [...saved].sort());
    assert.deepEqual((await st.searchArticles('Doha')).items.length, 3);
  }));

test('a phrase search narrowed by the adjacent word pairs index finds what SQLite finds', { skip }, () =>
  withStore(async (st) => {
    const lite = new SqliteStore(':memory:');
    try {
      await lite.migrate();
      const texts = [
        'Peace talks resumed in Geneva on Monday.',
        'The talks on peace stalled in Geneva.',
        'They wanted peace. Talks would come later.',
        'A cease-fire deal was signed after peace talks.',
        'The ceasefire deal held.',
        'Prisoners of war were exchanged.',
        'The Secretary of State and the secretary of the state.',
      ];
      const docs = await saveSpread(st, texts, 3);
      await lite.saveDocuments(docs);
      const ids = async (s: Store, q: string) => (await walk((cursor) => s.searchArticles(q, { limit: 2, cursor }))).map((h) => h.id).sort();
      for (const q of ['"peace talks"', '"peace talks" Geneva', '"talks peace"', '"cease fire deal"', 'cease-fire', '"prisoners of war"', '"peace talks resumed"', '"Geneva on Monday"', '"secretary of state"'])
        assert.deepEqual(await ids(st, q), await ids(lite, q), q);
      assert.deepEqual(await ids(st, '"peace talks"'), [docs[0].id, docs[2].id, docs[3].id].sort(), 'words side by side, even across a full stop');
      const { rows } = await st.pool.query(`SELECT tsvector_to_array(parley_word_pairs(tsv)) AS k FROM articles WHERE id = $1`, [docs[3].id]);
      for (const key of ['peac talk', 'cease-fir ceas', 'ceas fire', 'fire deal', 'deal _ sign', 'sign _ peac']) assert.ok(rows[0].k.includes(key), `pairs hold ${key}`);
      assert.ok(rows[0].k.some((k: string) => k.startsWith('~')), 'pairs hold the recency bucket');
      const c = await st.pool.connect();
      try {
        await c.query('SET enable_seqscan = off');
        const plan = await c.query(`EXPLAIN SELECT seq FROM articles WHERE parley_word_pairs(tsv) @@ $1::tsquery`, [`'peac talk'`]);
        assert.match(plan.rows.map((r) => String(r['QUERY PLAN'])).join('\n'), /articles_word_pairs/, 'queries use the expression the index holds');
      } finally {
        c.release();
      }
    } finally {
      await lite.close();
    }
  }));

test('the pairs index never changes what a phrase matches: dropped characters, long words, documents too long for their pairs', { skip }, () =>
  withStore(async (st) => {
    const long = (c: string) => c.repeat(1400);
    // 3,000 distinct 96-letter words in 16,000 positions: more pairs than a tsvector can hold.
    const word = (i: number) => `w${'abcdefghij'[i % 10]}${'abcdefghij'[Math.floor(i / 10) % 10]}${'abcdefghij'[Math.floor(i / 100) % 10]}${'abcdefghij'[Math.floor(i / 1000)]}`.padEnd(96, 'x');
    const texts = [
      'Output grew by ½ percent last year.',
      'Output grew ½ percent.',
      `A ${long('a')} ${long('b')} sequence.`,
      Array.from({ length: 16000 }, (_, i) => word((i * 7) % 3000)).join(' '),
      'Peace talks resumed.',
      'Prisoners of war and prisoners in war camps.',
    ];
    const docs = await saveSpread(st, texts, 2);
    const found = async (q: string) => (await walk((cursor) => st.searchArticles(q, { limit: 3, cursor }))).map((h) => h.id).sort();
    // What PostgreSQL's own phrase match finds, with no index in the way.
    const truth = async (q: string) =>
      (await st.pool.query(`SELECT id FROM articles WHERE tsv @@ to_tsquery('english', $1)`, [wordsTsQuery(q)])).rows.map((r) => String(r.id)).sort();
    const queries = ['"grew ½ percent"', '"grew by ½ percent"', '"output of percent"', '"grew by percent"', '"output grew by"', '"prisoners of war"', '"prisoners war"', `"${long('a')} ${long('b')}"`, `"${word(7)} ${word(14)}"`, `"${word(14)} ${word(7)}"`, '"peace talks"'];
    for (const q of queries) assert.deepEqual(await found(q), await truth(q), q.slice(0, 40));
    assert.deepEqual(await found(`"${word(7)} ${word(14)}"`), [docs[3].id], 'a document too long for its pairs is still found');
    const { rows } = await st.pool.query(`SELECT tsvector_to_array(parley_word_pairs(tsv)) AS k FROM articles WHERE id = $1`, [docs[3].id]);
    assert.ok(rows[0].k.includes('~all') && rows[0].k.length <= 3, 'marked instead of holding its pairs');
  }));

test('an unreachable server is reported as unavailable, naming it without the password', { skip }, async () => {
  const st = new PostgresStore('postgres://someone:secret@127.0.0.1:1/nothing', { max: 1 });
  try {
    await assert.rejects(st.stats(), (e: Error & { code?: string }) => e.code === 'unavailable' && /127\.0\.0\.1:1/.test(e.message) && !/secret/.test(e.message));
  } finally {
    await st.close();
  }
});

/** Everything a caller can observe, minus what legitimately differs (timestamps, rank scales, excerpt cuts). */
async function scenario(s: Store): Promise<unknown> {
  const out: Record<string, unknown> = {};
  out.migrate = await s.migrate();
  const docs = fixtures();
  out.save = await s.saveDocuments(docs.slice(0, 3));
  out.save2 = await s.saveDocuments(docs);
  const summaries = (items: { ingestedAt: string }[]) => items.map((x) => ({ ...x, ingestedAt: '' }));
  out.articles = summaries(await walk((cursor) => s.listArticles({ limit: 2, cursor })));
  out.byActor = summaries((await s.listArticles({ actor: 'vladimir-putin' })).items);
  // Same hits and excerpts; ranks are engine scores (bm25, ts_rank), so only their order is compared.
  out.search = (await s.searchArticles('said')).items.map((h) => ({ ...h, rank: 0, ingestedAt: '' })).sort((a, b) => (a.id < b.id ? -1 : 1));
  out.searchRare = (await s.searchArticles('tariffs')).items.map((h) => ({ ...h, rank: 0, ingestedAt: '' }));
  out.actors = await walk((cursor) => s.listActors({ limit: 4, cursor }));
  out.actor = await s.getActor('trump');
  out.quotes = await walk((cursor) => s.quotes({ limit: 2, cursor }));
  out.quotesAbout = await s.quotes({ about: 'UKR' });
  out.events = await walk((cursor) => s.events({ limit: 2, cursor }));
  out.eventsActor = await s.events({ actor: 'RUS' });
  out.article = await s.getArticle(docs[1].id);
  out.dyads = await s.dyads();
  for (const by of ['day', 'week', 'month'] as const) out[`series-${by}`] = await s.dyadSeries({ source: 'RUS', target: 'USA', by });
  out.seriesExact = await s.dyadSeries({ source: 'donald-trump', target: 'vladimir-putin', exact: true, from: '2025-01-01', to: '2025-12-31' });
  out.positions = await walk((cursor) => s.positions({ limit: 2, cursor }));
  out.stats = await s.stats();
  await s.logIngest({ source: 'x', status: 'failed', message: 'broken', at: '2025-01-01T00:00:00.000Z' });
  out.log = await s.ingestLog();
  return out;
}
