// Versioned, forward-only migrations shared by both engines. The tables are written once in
// portable SQL; only full-text search differs (FTS5 in SQLite, tsvector + GIN in PostgreSQL).
// Never edit a released migration: add the next version.

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  /** Statements for both engines; `{{...}}` placeholders are filled per dialect. */
  common: string[];
  sqlite?: string[];
  postgres?: string[];
}

const T = {
  sqlite: { serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', real: 'REAL', bool: 'INTEGER' },
  postgres: { serial: 'BIGSERIAL PRIMARY KEY', real: 'DOUBLE PRECISION', bool: 'BOOLEAN' },
};

/** Articles per recency bucket in the PostgreSQL search vector (migration 5). Never change it. */
export const SEARCH_BUCKET = 16384;

/** PostgreSQL: the function whose GIN index holds each article's adjacent word pairs (migration 10). */
export const WORD_PAIRS = 'parley_word_pairs';
/** The longest pair key it holds, in bytes; the query side skips longer ones too. */
export const PAIR_KEY_BYTES = 255;
/** Past this many bytes of pairs a document holds the '~all' marker instead. */
const PAIRS_MAX_BYTES = 512 * 1024;

/** Migration 11: the per-span mention rows folded into per-(actor, article) counts. */
const ARTICLE_ACTORS_FROM_MENTIONS = [
  `INSERT INTO article_actors (actor_id, article_id, n) SELECT actor_id, article_id, count(*) FROM mentions GROUP BY actor_id, article_id`,
  `DROP TABLE mentions`,
];

/** SQLite: a date precise to the month at least (migration 8). */
const MONTH_GLOB = `date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'`;

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'articles, actors, layers, ingestion log, full-text search',
    common: [
      `CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        seq {{serial_unique}},
        title TEXT, published TEXT, publisher TEXT, authors TEXT NOT NULL DEFAULT '[]',
        dateline TEXT, url TEXT, source TEXT,
        text TEXT NOT NULL,
        simhash TEXT NOT NULL,
        duplicate_of TEXT,
        doc TEXT NOT NULL,
        n_mentions INTEGER NOT NULL DEFAULT 0,
        n_quotes INTEGER NOT NULL DEFAULT 0,
        n_events INTEGER NOT NULL DEFAULT 0,
        ingested_at TEXT NOT NULL)`,
      `CREATE INDEX articles_published ON articles (published, id)`,
      `CREATE INDEX articles_url ON articles (url)`,
      `CREATE TABLE simhash_bands (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id))`,
      `CREATE TABLE actors (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, role TEXT, country TEXT,
        affiliation TEXT, aliases TEXT NOT NULL DEFAULT '[]', origin TEXT NOT NULL DEFAULT 'text',
        updated_at TEXT NOT NULL)`,
      `CREATE TABLE actor_aliases (alias TEXT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (alias, actor_id))`,
      `CREATE TABLE mentions (
        article_id TEXT NOT NULL, actor_id TEXT NOT NULL, start_at INTEGER NOT NULL, end_at INTEGER NOT NULL,
        text TEXT NOT NULL, kind TEXT, PRIMARY KEY (article_id, start_at, end_at))`,
      `CREATE INDEX mentions_actor ON mentions (actor_id, article_id)`,
      `CREATE TABLE quotes (
        id {{serial}}, article_id TEXT NOT NULL, start_at INTEGER NOT NULL, end_at INTEGER NOT NULL,
        text TEXT NOT NULL, direct {{bool}} NOT NULL, actor_id TEXT, speaker TEXT, cue TEXT,
        channel TEXT, date TEXT, about TEXT NOT NULL DEFAULT '[]')`,
      `CREATE INDEX quotes_article ON quotes (article_id)`,
      `CREATE INDEX quotes_actor_date ON quotes (actor_id, date, id)`,
      `CREATE INDEX quotes_date ON quotes (date, id)`,
      `CREATE TABLE quote_about (quote_id BIGINT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (actor_id, quote_id))`,
      `CREATE TABLE events (
        id {{serial}}, article_id TEXT NOT NULL, type TEXT NOT NULL, source TEXT, target TEXT,
        modality TEXT NOT NULL, date TEXT, intensity {{real}} NOT NULL,
        trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL)`,
      `CREATE INDEX events_article ON events (article_id)`,
      `CREATE INDEX events_source_date ON events (source, date, id)`,
      `CREATE INDEX events_target_date ON events (target, date, id)`,
      `CREATE INDEX events_date ON events (date, id)`,
      `CREATE TABLE ingest_log (
        id {{serial}}, at TEXT NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL,
        article_id TEXT, message TEXT)`,
    ],
    sqlite: [
      `CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='porter unicode61')`,
      `CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id', tokenize='porter unicode61')`,
    ],
    postgres: [
      `ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title,'') || ' ' || text)) STORED`,
      `CREATE INDEX articles_tsv ON articles USING GIN (tsv)`,
      `ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`,
      `CREATE INDEX quotes_tsv ON quotes USING GIN (tsv)`,
    ],
  },
  {
    // Listings sort by coalesce(date, '') so undated rows sort the same on both engines; the
    // indexes must carry that exact expression or every listing sorts all matching rows.
    // Mention counts are maintained on save: counting an actor's mentions at query time
    // reads millions of index entries for a prominent actor in a large corpus.
    version: 2,
    name: 'actor mention counters, indexes matching the listing order',
    common: [
      `ALTER TABLE actors ADD COLUMN n_mentions INTEGER NOT NULL DEFAULT 0`,
      `ALTER TABLE actors ADD COLUMN n_articles INTEGER NOT NULL DEFAULT 0`,
      `UPDATE actors SET n_mentions = (SELECT count(*) FROM mentions m WHERE m.actor_id = actors.id),
        n_articles = (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.actor_id = actors.id)`,
      `CREATE INDEX actors_by_mentions ON actors (n_mentions DESC, id)`,
      `DROP INDEX articles_published`,
      `CREATE INDEX articles_newest ON articles (coalesce(published, ''), seq)`,
      `DROP INDEX quotes_actor_date`,
      `CREATE INDEX quotes_actor_newest ON quotes (actor_id, coalesce(date, ''), id)`,
      `DROP INDEX quotes_date`,
      `CREATE INDEX quotes_newest ON quotes (coalesce(date, ''), id)`,
      `DROP INDEX events_source_date`,
      `DROP INDEX events_target_date`,
      `DROP INDEX events_date`,
      `CREATE INDEX events_source_order ON events (source, coalesce(date, ''), id)`,
      `CREATE INDEX events_target_order ON events (target, coalesce(date, ''), id)`,
      `CREATE INDEX events_dyad ON events (source, target, coalesce(date, ''), id)`,
      `CREATE INDEX events_order ON events (coalesce(date, ''), id)`,
    ],
  },
  {
    // Written by the events owner: the tone of each statement by one actor about another (one
    // row per quote and actor spoken about) and stated positions on issues, so dyad series and
    // position listings aggregate in SQL instead of re-reading documents.
    version: 3,
    name: 'statement tone per dyad, positions on issues',
    common: [
      `CREATE TABLE statement_tone (
        article_id TEXT NOT NULL, quote_start INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
        date TEXT, tone {{real}} NOT NULL, PRIMARY KEY (article_id, quote_start, target))`,
      `CREATE INDEX statement_tone_dyad ON statement_tone (source, target, date)`,
      `CREATE TABLE positions (
        id {{serial}}, article_id TEXT NOT NULL, actor_id TEXT NOT NULL, issue TEXT NOT NULL, stance TEXT NOT NULL,
        date TEXT, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence TEXT NOT NULL, via TEXT NOT NULL)`,
      `CREATE INDEX positions_actor ON positions (actor_id, issue, date, id)`,
      `CREATE INDEX positions_issue ON positions (issue, date, id)`,
      `CREATE INDEX positions_article ON positions (article_id)`,
    ],
  },
  {
    // Dyad series and the dyad list read these per-day totals, maintained on save, instead of
    // aggregating every event of a busy pair (hundreds of thousands in a million articles).
    // An unknown date is stored as '' because key columns cannot be null; negated events are
    // left out, as the dyad queries leave them out.
    version: 4,
    name: 'per-day dyad totals of events and statement tone',
    common: [
      `CREATE TABLE dyad_events_day (
        source TEXT NOT NULL, target TEXT NOT NULL, date TEXT NOT NULL, type TEXT NOT NULL,
        n INTEGER NOT NULL, total {{real}} NOT NULL, PRIMARY KEY (source, target, date, type))`,
      `INSERT INTO dyad_events_day (source, target, date, type, n, total)
        SELECT source, target, coalesce(date, ''), type, count(*), sum(intensity) FROM events
        WHERE source IS NOT NULL AND target IS NOT NULL AND modality <> 'negated' GROUP BY source, target, coalesce(date, ''), type`,
      `CREATE TABLE dyad_tone_day (
        source TEXT NOT NULL, target TEXT NOT NULL, date TEXT NOT NULL,
        n INTEGER NOT NULL, total {{real}} NOT NULL, PRIMARY KEY (source, target, date))`,
      `INSERT INTO dyad_tone_day (source, target, date, n, total)
        SELECT source, target, coalesce(date, ''), count(*), sum(tone) FROM statement_tone GROUP BY source, target, coalesce(date, '')`,
    ],
  },
  {
    // Search ranks the newest matches (see SEARCH_WINDOW). To find them without reading every
    // match of a common word, each article's tsvector also holds a recency-bucket lexeme
    // ('~' + seq / SEARCH_BUCKET, which no user query can produce): the GIN index alone then
    // answers "matches among the newest buckets".
    version: 5,
    name: 'recency buckets in the PostgreSQL search vector',
    common: [],
    postgres: [
      `ALTER TABLE articles DROP COLUMN tsv`,
      `ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title,'') || ' ' || text)
        || array_to_tsvector(ARRAY['~' || (seq / ${SEARCH_BUCKET})::text])) STORED`,
      `CREATE INDEX articles_tsv ON articles USING GIN (tsv)`,
    ],
  },
  {
    // Dyad queries roll an actor up with everything affiliated to it (a recursive walk over
    // affiliation and country); without these, every step reads the whole actors table.
    version: 6,
    name: 'actor affiliation and country indexes',
    common: [`CREATE INDEX actors_affiliation ON actors (affiliation)`, `CREATE INDEX actors_country ON actors (country)`],
  },
  {
    // PostgreSQL reads a dyad's per-day totals from the index alone when it carries the sums
    // (SQLite's lookups through the primary key are already cheap).
    version: 7,
    name: 'covering indexes for the per-day dyad totals (PostgreSQL)',
    common: [],
    postgres: [
      `CREATE INDEX dyad_events_day_cover ON dyad_events_day (source, target, date, type) INCLUDE (n, total)`,
      `CREATE INDEX dyad_tone_day_cover ON dyad_tone_day (source, target, date) INCLUDE (n, total)`,
    ],
  },
  {
    // A monthly dyad series (the default) over ten years of a million articles sums tens of
    // thousands of per-day rows for a busy pair of states; these per-month totals hold thirty
    // times fewer. Triggers keep them equal to the per-day totals, whatever code writes those;
    // per-day rows are only ever inserted or added to, never deleted. PostgreSQL adds in one
    // statement per write, in key order, so concurrent saves never deadlock on a month's row.
    version: 8,
    name: 'per-month dyad totals kept by triggers',
    common: [
      `CREATE TABLE dyad_events_month (
        source TEXT NOT NULL, target TEXT NOT NULL, month TEXT NOT NULL, type TEXT NOT NULL,
        n INTEGER NOT NULL, total {{real}} NOT NULL, PRIMARY KEY (source, target, month, type))`,
      `CREATE TABLE dyad_tone_month (
        source TEXT NOT NULL, target TEXT NOT NULL, month TEXT NOT NULL,
        n INTEGER NOT NULL, total {{real}} NOT NULL, PRIMARY KEY (source, target, month))`,
    ],
    sqlite: [
      `INSERT INTO dyad_events_month (source, target, month, type, n, total)
        SELECT source, target, substr(date, 1, 7), type, sum(n), sum(total) FROM dyad_events_day
        WHERE ${MONTH_GLOB} GROUP BY source, target, substr(date, 1, 7), type`,
      `INSERT INTO dyad_tone_month (source, target, month, n, total)
        SELECT source, target, substr(date, 1, 7), sum(n), sum(total) FROM dyad_tone_day WHERE ${MONTH_GLOB} GROUP BY source, target, substr(date, 1, 7)`,
      `CREATE TRIGGER dyad_events_month_insert AFTER INSERT ON dyad_events_day WHEN ${MONTH_GLOB.replace('date', 'NEW.date')} BEGIN
        INSERT INTO dyad_events_month (source, target, month, type, n, total) VALUES (NEW.source, NEW.target, substr(NEW.date, 1, 7), NEW.type, NEW.n, NEW.total)
        ON CONFLICT (source, target, month, type) DO UPDATE SET n = n + excluded.n, total = total + excluded.total; END`,
      `CREATE TRIGGER dyad_events_month_update AFTER UPDATE ON dyad_events_day WHEN ${MONTH_GLOB.replace('date', 'NEW.date')} BEGIN
        UPDATE dyad_events_month SET n = n + NEW.n - OLD.n, total = total + NEW.total - OLD.total
        WHERE source = NEW.source AND target = NEW.target AND month = substr(NEW.date, 1, 7) AND type = NEW.type; END`,
      `CREATE TRIGGER dyad_tone_month_insert AFTER INSERT ON dyad_tone_day WHEN ${MONTH_GLOB.replace('date', 'NEW.date')} BEGIN
        INSERT INTO dyad_tone_month (source, target, month, n, total) VALUES (NEW.source, NEW.target, substr(NEW.date, 1, 7), NEW.n, NEW.total)
        ON CONFLICT (source, target, month) DO UPDATE SET n = n + excluded.n, total = total + excluded.total; END`,
      `CREATE TRIGGER dyad_tone_month_update AFTER UPDATE ON dyad_tone_day WHEN ${MONTH_GLOB.replace('date', 'NEW.date')} BEGIN
        UPDATE dyad_tone_month SET n = n + NEW.n - OLD.n, total = total + NEW.total - OLD.total
        WHERE source = NEW.source AND target = NEW.target AND month = substr(NEW.date, 1, 7); END`,
    ],
    postgres: [
      `INSERT INTO dyad_events_month (source, target, month, type, n, total)
        SELECT source, target, substr(date, 1, 7), type, sum(n), sum(total) FROM dyad_events_day
        WHERE date ~ '^\\d{4}-\\d{2}' GROUP BY source, target, substr(date, 1, 7), type`,
      `INSERT INTO dyad_tone_month (source, target, month, n, total)
        SELECT source, target, substr(date, 1, 7), sum(n), sum(total) FROM dyad_tone_day WHERE date ~ '^\\d{4}-\\d{2}' GROUP BY source, target, substr(date, 1, 7)`,
      ...monthTrigger('dyad_events', true),
      ...monthTrigger('dyad_tone', false),
    ],
  },
  {
    // A phrase search rechecks word order in each candidate's stored tsvector (the GIN index
    // only knows words). A story's tsvector is about 4 KB, so PostgreSQL kept it out of line in
    // the TOAST table: every recheck was an index lookup and two or three more pages. Kept in
    // the row instead ("peace talks" on 20,000 VOA stories: 21.7 → 12.4 ms). Applies to rows
    // written from now on; `VACUUM FULL` does not move old ones, rewriting them does.
    version: 9,
    name: 'article tsvector kept in the row (PostgreSQL)',
    common: [],
    postgres: [`ALTER TABLE articles ALTER COLUMN tsv SET STORAGE MAIN`],
  },
  {
    // A phrase search still read the tsvector of every article holding all its words: "peace
    // talks" among a million stories rechecked tens of thousands to find the newest 500. This
    // index holds each pair of adjacent words as one key ('peac talk': a space never occurs in
    // a lexeme), each pair one word apart ('prison _ war', for "prisoners of war", whose stop
    // word to_tsquery reads as a gap of one) and the recency-bucket lexemes, so it answers
    // "these words in this order among the newest buckets" alone; the recheck then reads only
    // the true matches. It is an expression index: the pairs are not stored in the row.
    version: 10,
    name: 'adjacent word pairs index for phrase search (PostgreSQL)',
    common: [],
    postgres: [
      // array_to_tsvector checks no limits (a lexeme under 2 KB, a vector under 1 MB) and
      // silently wraps past them, so longer keys are left out (the query side leaves them out
      // too), and a document whose pairs would not fit is marked '~all': a candidate for every phrase.
      `CREATE FUNCTION ${WORD_PAIRS}(v tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        WITH p AS MATERIALIZED (SELECT lexeme AS l, unnest(positions) AS p FROM unnest(v)),
        pairs AS (
          SELECT DISTINCT k FROM (
            SELECT a.l || ' ' || b.l AS k FROM p a JOIN p b ON b.p = a.p + 1
            UNION ALL
            SELECT a.l || ' _ ' || b.l FROM p a JOIN p b ON b.p = a.p + 2) x
          WHERE octet_length(k) <= ${PAIR_KEY_BYTES})
        SELECT array_to_tsvector(
          ARRAY(SELECT lexeme FROM unnest(v) WHERE positions IS NULL AND lexeme LIKE '~%')
          || CASE WHEN (SELECT coalesce(sum(octet_length(k) + 8), 0) FROM pairs) > ${PAIRS_MAX_BYTES} THEN ARRAY['~all'] ELSE ARRAY(SELECT k FROM pairs) END)
      $$`,
      `CREATE INDEX articles_word_pairs ON articles USING GIN (${WORD_PAIRS}(tsv))`,
    ],
  },
  {
    // A story names a dozen actors some 65 times; one row per mention span cost the writer two
    // index entries each, while every query asked only "which articles name this actor, how
    // often". Now one row per (actor, article) with the count: ingest writes about six times
    // fewer rows. The spans stay in each article's stored document.
    version: 11,
    name: 'mentions counted per actor and article',
    common: [],
    sqlite: [
      `CREATE TABLE article_actors (actor_id TEXT NOT NULL, article_id TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (actor_id, article_id)) WITHOUT ROWID`,
      ...ARTICLE_ACTORS_FROM_MENTIONS,
    ],
    postgres: [
      `CREATE TABLE article_actors (actor_id TEXT NOT NULL, article_id TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (actor_id, article_id))`,
      ...ARTICLE_ACTORS_FROM_MENTIONS,
    ],
  },
];

/**
 * PostgreSQL: statement triggers adding the month's share of the inserted and updated per-day
 * rows (an update adds new minus old), grouped and in key order.
 */
function monthTrigger(table: string, typed: boolean): string[] {
  const t = typed ? ', type' : '';
  const key = `r.source, r.target, substr(r.date, 1, 7)${typed ? ', r.type' : ''}`;
  const rows = (from: string, sign = '') => `SELECT source, target, date${t}, ${sign}n AS n, ${sign}total AS total FROM ${from}`;
  const add = (source: string) => `INSERT INTO ${table}_month AS m (source, target, month${t}, n, total)
        SELECT ${key}, sum(r.n), sum(r.total) FROM (${source}) r WHERE r.date ~ '^\\d{4}-\\d{2}'
        GROUP BY ${key} ORDER BY ${key}
        ON CONFLICT (source, target, month${t}) DO UPDATE SET n = m.n + excluded.n, total = m.total + excluded.total`;
  return [
    `CREATE FUNCTION ${table}_month_add() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF TG_OP = 'INSERT' THEN
        ${add(rows('new_rows'))};
      ELSE
        ${add(rows('new_rows') + ' UNION ALL ' + rows('old_rows', '-'))};
      END IF;
      RETURN NULL; END $$`,
    `CREATE TRIGGER ${table}_month_insert AFTER INSERT ON ${table}_day REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${table}_month_add()`,
    `CREATE TRIGGER ${table}_month_update AFTER UPDATE ON ${table}_day REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ${table}_month_add()`,
  ];
}

/**
 * PostgreSQL text columns get the "C" collation: ids, dates and cursors then compare byte by
 * byte exactly as SQLite does, whatever locale the cluster was created with. Every text
 * column gets it (not only some) because comparing two columns of different explicit
 * collations is an error in PostgreSQL.
 */
function collateC(sql: string): string {
  if (!/^\s*(CREATE\s+TABLE|ALTER\s+TABLE)/i.test(sql)) return sql;
  return sql.replace(/(\w+)(\s+)TEXT\b(?!\s+COLLATE)/gi, (all, before: string, gap: string) =>
    /^(AS|CAST)$/i.test(before) ? all : `${before}${gap}TEXT COLLATE "C"`,
  );
}

export function migrationStatements(m: Migration, dialect: Dialect): string[] {
  const t = T[dialect];
  const fill = (sql: string) =>
    sql
      .replaceAll('{{serial_unique}}', dialect === 'sqlite' ? 'INTEGER UNIQUE' : 'BIGSERIAL UNIQUE')
      .replaceAll('{{serial}}', t.serial)
      .replaceAll('{{real}}', t.real)
      .replaceAll('{{bool}}', t.bool);
  const all = [...m.common.map(fill), ...((dialect === 'sqlite' ? m.sqlite : m.postgres) ?? []).map(fill)];
  return dialect === 'postgres' ? all.map(collateC) : all;
}
