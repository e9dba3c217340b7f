// Multiplying a block of stored documents inside the database, for `bench query` at a million
// documents: saving a million documents one by one takes hours on two cores, while copying the
// rows the product wrote for the block, with new ids, titles and dates, takes minutes. The
// copies are near duplicates of the block's originals (as the replicated corpus is), so they get
// no simhash bands, exactly as saveDocuments would store them. Secondary and full-text indexes
// are dropped for the copy and rebuilt from their own definitions, and the per-day dyad totals
// and actor counters are recomputed, so the result has the product's schema and indexes.
//
// One shortcut keeps a million-document store within disk and time (the benchmark's queries do
// not read it): a copy's stored document JSON keeps metadata and text but empty layers (the full
// 24 KB JSON would add ~24 GB to SQLite).
import Database from 'better-sqlite3';
import pg from 'pg';

/** Days between a block copy's dates and the previous copy's, and the span they wrap over. */
export interface BulkPlan {
  block: number;
  copies: number;
  shiftDays: number;
}

const WRAP_DAYS = 3650;
const shiftOf = (plan: BulkPlan, m: number) => (m * plan.shiftDays) % WRAP_DAYS;
const LAYERS = ['sentences', 'actors', 'mentions', 'times', 'quotes', 'events', 'positions', 'entities', 'tokens'];
const BULK_TABLES = ['articles', 'quotes', 'quote_about', 'events', 'statement_tone', 'positions'];

function log(engine: string, msg: string, t0: number): void {
  process.stdout.write(`  ${engine} bulk: ${msg} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
}

/** Copies 1..copies-1 of the first `block` articles (seq 1..block) and their rows, in SQLite. */
export function multiplySqlite(path: string, plan: BulkPlan): void {
  const t0 = performance.now();
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -2000000');
  const count = (sql: string) => Number((db.prepare(sql).get() as { n: number | null }).n ?? 0);
  const have = count('SELECT count(*) AS n FROM articles');
  if (have !== plan.block || count('SELECT max(seq) AS n FROM articles') !== plan.block)
    throw new Error(`${path}: expected a block of ${plan.block} articles to multiply, found ${have}; delete the file and rerun`);
  const max = {
    quotes: count('SELECT max(id) AS n FROM quotes'),
    events: count('SELECT max(id) AS n FROM events'),
    positions: count('SELECT max(id) AS n FROM positions'),
    tone: count('SELECT max(rowid) AS n FROM statement_tone'),
  };
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map((t) => `'${t}'`).join(',')})`)
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  const shift = (c: string) => `CASE WHEN ${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN date(${c}, @shift) ELSE ${c} END`;
  const id = (c: string) => `${c} || '+' || @m`;
  const emptied = LAYERS.map((l) => `'$.${l}', json('[]')`).join(', ');
  const statements = [
    `INSERT INTO articles (id, seq, title, published, publisher, authors, dateline, url, source, text, simhash, duplicate_of, doc, n_mentions, n_quotes, n_events, ingested_at)
     SELECT ${id('id')}, seq + @m * @block, title || ' [' || @m || ']', ${shift('published')}, publisher, authors, dateline, url, ${id('source')}, text, simhash,
       coalesce(duplicate_of, id), json_set(doc, '$.id', ${id('id')}, '$.title', title || ' [' || @m || ']', '$.published', ${shift('published')}, '$.source', ${id('source')}, ${emptied}),
       n_mentions, n_quotes, n_events, ingested_at
     FROM articles WHERE seq <= @block ORDER BY seq`,
    `INSERT INTO quotes (id, article_id, start_at, end_at, text, direct, actor_id, speaker, cue, channel, date, about)
     SELECT id + @m * @quotes, ${id('article_id')}, start_at, end_at, text, direct, actor_id, speaker, cue, channel, ${shift('date')}, about FROM quotes WHERE id <= @quotes ORDER BY id`,
    `INSERT INTO quote_about (quote_id, actor_id) SELECT quote_id + @m * @quotes, actor_id FROM quote_about WHERE quote_id <= @quotes`,
    `INSERT INTO events (id, article_id, type, source, target, modality, date, intensity, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end)
     SELECT id + @m * @events, ${id('article_id')}, type, source, target, modality, ${shift('date')}, intensity, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end
     FROM events WHERE id <= @events ORDER BY id`,
    `INSERT INTO statement_tone (article_id, quote_start, source, target, date, tone)
     SELECT ${id('article_id')}, quote_start, source, target, ${shift('date')}, tone FROM statement_tone WHERE rowid <= @tone ORDER BY rowid`,
    `INSERT INTO positions (id, article_id, actor_id, issue, stance, date, evidence_start, evidence_end, evidence, via)
     SELECT id + @m * @positions, ${id('article_id')}, actor_id, issue, stance, ${shift('date')}, evidence_start, evidence_end, evidence, via FROM positions WHERE id <= @positions ORDER BY id`,
    `INSERT INTO article_actors (actor_id, article_id, n)
     SELECT x.actor_id, ${id('x.article_id')}, x.n FROM article_actors x JOIN articles a ON a.id = x.article_id WHERE a.seq <= @block`,
  ].map((sql) => db.prepare(sql));
  const copy = db.transaction((m: number) => {
    const params = { m, block: plan.block, shift: `-${shiftOf(plan, m)} days`, quotes: max.quotes, events: max.events, positions: max.positions, tone: max.tone };
    for (const s of statements) s.run(pick(s.source, params));
  });
  for (let m = 1; m < plan.copies; m++) {
    copy(m);
    if (m % 5 === 0 || m === plan.copies - 1) log('SQLite', `${((m + 1) * plan.block).toLocaleString('en')} articles`, t0);
  }
  for (const ix of indexes) db.exec(ix.sql);
  log('SQLite', `${indexes.length} indexes rebuilt`, t0);
  db.transaction(() => {
    for (const sql of totalsSql(plan.copies)) db.exec(sql);
  })();
  log('SQLite', 'dyad totals and counters recomputed', t0);
  db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')`);
  log('SQLite', 'article full-text index rebuilt', t0);
  db.exec(`INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')`);
  log('SQLite', 'quote full-text index rebuilt', t0);
  db.pragma('journal_mode = WAL');
  db.close();
}

/** better-sqlite3 refuses named parameters a statement does not use. */
function pick(sql: string, params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes('@' + k)));
}

/** The per-day dyad totals as migration 4 computes them, and the actor counters of a full copy. */
function totalsSql(copies: number): string[] {
  // The per-month totals (migration 8) follow the per-day ones through triggers on insert.
  return [
    'DELETE FROM dyad_events_month',
    'DELETE FROM dyad_tone_month',
    'DELETE FROM dyad_events_day',
    `INSERT INTO dyad_events_day (source, target, date, type, n, total)
      SELECT source, target, coalesce(date, ''), type, count(*), sum(intensity) FROM events
      WHERE source IS NOT NULL AND target IS NOT NULL AND modality <> 'negated' GROUP BY source, target, coalesce(date, ''), type`,
    'DELETE FROM dyad_tone_day',
    `INSERT INTO dyad_tone_day (source, target, date, n, total)
      SELECT source, target, coalesce(date, ''), count(*), sum(tone) FROM statement_tone GROUP BY source, target, coalesce(date, '')`,
    `UPDATE actors SET n_mentions = n_mentions * ${copies}, n_articles = n_articles * ${copies}`,
  ];
}

/**
 * The same in PostgreSQL, on two connections at once (copies and index builds are independent). Resumable: the
 * dropped indexes' definitions and the block's bounds are kept in bench_bulk until the end, and
 * each copy is one transaction.
 */
export async function multiplyPostgres(url: string, plan: BulkPlan): Promise<void> {
  const t0 = performance.now();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET maintenance_work_mem = '1GB'`);
    const one = async (sql: string) => Number((await c.query(sql)).rows[0].n ?? 0);
    if (!(await one(`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'bench_bulk' AND schemaname = current_schema()`))) {
      const have = await one('SELECT count(*) AS n FROM articles');
      if (have !== plan.block || (await one('SELECT max(seq) AS n FROM articles')) !== plan.block)
        throw new Error(`expected a block of ${plan.block} articles to multiply, found ${have}; drop the database and rerun`);
      await c.query('BEGIN');
      await c.query('CREATE TABLE bench_bulk (name TEXT PRIMARY KEY, sql TEXT, n BIGINT)');
      await c.query(`INSERT INTO bench_bulk (name, n) SELECT 'max:quotes', max(id) FROM quotes UNION ALL SELECT 'max:events', max(id) FROM events
        UNION ALL SELECT 'max:positions', max(id) FROM positions`);
      await c.query(
        `INSERT INTO bench_bulk (name, sql) SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1)
         AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
        [BULK_TABLES],
      );
      // The block's tone rows: statement_tone has no ordered key to select them by.
      await c.query('CREATE TABLE bench_block_tone AS SELECT * FROM statement_tone');
      for (const { name } of (await c.query('SELECT name FROM bench_bulk WHERE sql IS NOT NULL')).rows) await c.query(`DROP INDEX ${name}`);
      await c.query('COMMIT');
    }
    const { rows: kept } = await c.query('SELECT name, sql, n FROM bench_bulk');
    const max = Object.fromEntries(kept.filter((r) => r.n !== null).map((r) => [String(r.name).slice(4), Number(r.n)]));
    const indexes = kept.filter((r) => r.sql !== null).map((r) => String(r.sql));
    const todo: number[] = [];
    for (let m = 1; m < plan.copies; m++) if (!(await one(`SELECT count(*) AS n FROM articles WHERE seq = ${m * plan.block + 1}`))) todo.push(m);
    let done = plan.copies - todo.length;
    await Promise.all([0, 1].map(() => session(url, async (w) => {
      for (let m = todo.shift(); m !== undefined; m = todo.shift()) {
        await w.query('BEGIN');
        for (const sql of copySql(plan, m, max)) await w.query(sql);
        await w.query('COMMIT');
        if (++done % 5 === 0 || done === plan.copies) log('PostgreSQL', `${(done * plan.block).toLocaleString('en')} articles`, t0);
      }
    })));
    for (const [table, col] of [['articles', 'seq'], ['quotes', 'id'], ['events', 'id'], ['positions', 'id']])
      await c.query(`SELECT setval(pg_get_serial_sequence('${table}', '${col}'), (SELECT max(${col}) FROM ${table}))`);
    const builds = [...indexes];
    await Promise.all([0, 1].map(() => session(url, async (w) => {
      await w.query(`SET maintenance_work_mem = '1GB'`);
      for (let sql = builds.shift(); sql !== undefined; sql = builds.shift()) await w.query(sql);
    })));
    log('PostgreSQL', `${indexes.length} indexes rebuilt`, t0);
    await c.query('BEGIN');
    for (const sql of totalsSql(plan.copies)) await c.query(sql);
    await c.query('DROP TABLE bench_bulk, bench_block_tone');
    await c.query('COMMIT');
    log('PostgreSQL', 'dyad totals and counters recomputed', t0);
    // A live database has been analysed by autovacuum long before it holds a million articles.
    await c.query('ANALYZE');
    log('PostgreSQL', 'analysed', t0);
  } finally {
    await c.end();
  }
}

async function session(url: string, work: (c: pg.Client) => Promise<void>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await work(c);
  } finally {
    await c.end();
  }
}

/**
 * Copy m of the block, one statement per table; m and the shift are integers, written into the
 * SQL as literals. The document JSON is built from the row's columns: parsing the block's 24 KB
 * JSON for every copy would cost more than the rest of the copy.
 */
function copySql(plan: BulkPlan, m: number, max: Record<string, number>): string[] {
  const shift = (col: string) => `CASE WHEN ${col} ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN to_char(${col}::date - ${shiftOf(plan, m)}, 'YYYY-MM-DD') ELSE ${col} END`;
  const id = (col: string) => `${col} || '+${m}'`;
  const title = `title || ' [${m}]'`;
  const doc = `jsonb_build_object('id', ${id('id')}, 'title', ${title}, 'published', ${shift('published')}, 'publisher', publisher, 'authors', authors::jsonb,
    'dateline', dateline, 'url', url, 'source', ${id('source')}, 'text', text, ${LAYERS.map((l) => `'${l}', '[]'::jsonb`).join(', ')})::text`;
  return [
    `INSERT INTO articles (id, seq, title, published, publisher, authors, dateline, url, source, text, simhash, duplicate_of, doc, n_mentions, n_quotes, n_events, ingested_at)
     SELECT ${id('id')}, seq + ${m * plan.block}, ${title}, ${shift('published')}, publisher, authors, dateline, url, ${id('source')}, text, simhash,
       coalesce(duplicate_of, id), ${doc}, n_mentions, n_quotes, n_events, ingested_at
     FROM articles WHERE seq <= ${plan.block} ORDER BY seq`,
    `INSERT INTO quotes (id, article_id, start_at, end_at, text, direct, actor_id, speaker, cue, channel, date, about)
     SELECT id + ${m * max.quotes}, ${id('article_id')}, start_at, end_at, text, direct, actor_id, speaker, cue, channel, ${shift('date')}, about FROM quotes WHERE id <= ${max.quotes} ORDER BY id`,
    `INSERT INTO quote_about (quote_id, actor_id) SELECT quote_id + ${m * max.quotes}, actor_id FROM quote_about WHERE quote_id <= ${max.quotes}`,
    `INSERT INTO events (id, article_id, type, source, target, modality, date, intensity, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end)
     SELECT id + ${m * max.events}, ${id('article_id')}, type, source, target, modality, ${shift('date')}, intensity, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end
     FROM events WHERE id <= ${max.events} ORDER BY id`,
    `INSERT INTO statement_tone (article_id, quote_start, source, target, date, tone)
     SELECT ${id('article_id')}, quote_start, source, target, ${shift('date')}, tone FROM bench_block_tone`,
    `INSERT INTO positions (id, article_id, actor_id, issue, stance, date, evidence_start, evidence_end, evidence, via)
     SELECT id + ${m * max.positions}, ${id('article_id')}, actor_id, issue, stance, ${shift('date')}, evidence_start, evidence_end, evidence, via FROM positions WHERE id <= ${max.positions} ORDER BY id`,
    `INSERT INTO article_actors (actor_id, article_id, n)
     SELECT x.actor_id, ${id('x.article_id')}, x.n FROM article_actors x JOIN articles a ON a.id = x.article_id WHERE a.seq <= ${plan.block}`,
  ];
}
