// The embedded default store: one SQLite file through better-sqlite3, WAL mode, FTS5 search.
import Database from 'better-sqlite3';
import type { Actor, Document } from '../document.js';
import { hammingDistance, NEAR_DUPLICATE_DISTANCE, simhash, simhashBands } from '../ingest/fingerprint.js';
import { migrationStatements, migrations } from './migrations.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import {
  decodeCursor,
  encodeCursor,
  pageLimit,
  type ActorFilter,
  type ActorOrigin,
  type ActorSummary,
  type ArticleFilter,
  type ArticleSummary,
  type EventFilter,
  type IngestLogEntry,
  type Page,
  type PageRequest,
  type QuoteFilter,
  type SaveResult,
  type SearchHit,
  type Store,
  type StoredEvent,
  type StoredQuote,
  type StoreStats,
} from './store.js';
import { actorRow, aliasKey, articleSummary, dyadDayTotals, excerpt, eventRow, ftsQuery, mentionCounts, mergeActor, NEAR_DUPLICATE_CANDIDATES, nextSearchCursor, quoteRow, searchCursor, serializeDocument, SEARCH_WINDOW, type Row } from './rows.js';

import * as analysis from './sqliteAnalysis.js';
import type { DyadFilter, DyadPoint, DyadQuery, DyadSummary, PositionFilter, StoredPosition } from './store.js';

export class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  readonly db: Database.Database;
  /** Actor id → the actor (as JSON) last merged into this store by this process. */
  private readonly actorsWritten = new Map<string, string>();

  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = OFF');
    this.db.pragma('busy_timeout = 5000');
    // Reuse prepared statements: saving a document runs some twenty statements, and preparing
    // them again for every document cost more than running them. Bounded, since some SQL
    // varies with its arguments (IN lists, optional filters). Statements are shared, so never
    // switch one's mode (pluck, raw, expand): prepare that SQL under a different text instead.
    const prepare = this.db.prepare.bind(this.db);
    const cache = new Map<string, Database.Statement>();
    this.db.prepare = ((sql: string) => {
      let st = cache.get(sql);
      if (!st) {
        if (cache.size >= 500) cache.clear();
        cache.set(sql, (st = prepare(sql)));
      }
      return st;
    }) as typeof this.db.prepare;
  }

  async migrate(): Promise<number[]> {
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied: number[] = [];
    const isDone = this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
    for (const m of migrations) {
      // IMMEDIATE takes the write lock before checking, so two processes never apply one version twice.
      const ran = this.db
        .transaction(() => {
          if (isDone.get(m.version)) return false;
          for (const sql of migrationStatements(m, 'sqlite')) this.db.exec(sql);
          this.db
            .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
            .run(m.version, m.name, new Date().toISOString());
          return true;
        })
        .immediate();
      if (ran) applied.push(m.version);
    }
    return applied;
  }

  async saveDocument(doc: Document): Promise<SaveResult> {
    return (await this.saveDocuments([doc]))[0];
  }

  async saveDocuments(docs: Document[]): Promise<SaveResult[]> {
    return this.writeTransaction(() => {
      const results = docs.map((d) => this.saveOne(d));
      // One upsert per dyad-day for the whole batch: a day's coverage repeats the same dyads.
      this.addDyadTotals(docs.filter((_, i) => results[i].status !== 'duplicate'));
      return results;
    });
  }

  /** A transaction that may write actors: a rollback also undoes what actorsWritten says is written. */
  private writeTransaction<T>(write: () => T): T {
    try {
      return this.db.transaction(write)();
    } catch (err) {
      this.actorsWritten.clear();
      throw err;
    }
  }

  private saveOne(doc: Document): SaveResult {
    const db = this.db;
    if (db.prepare('SELECT 1 FROM articles WHERE id = ?').get(doc.id)) return { id: doc.id, status: 'duplicate' };
    const hash = simhash(doc.text);
    const bands = simhashBands(hash);
    let duplicateOf: string | null = null;
    const candidates = db
      .prepare(`SELECT DISTINCT a.id, a.seq, a.simhash, a.duplicate_of FROM simhash_bands b JOIN articles a ON a.id = b.article_id WHERE b.band IN (${bands.map(() => '?').join(',')}) ORDER BY a.seq LIMIT ${NEAR_DUPLICATE_CANDIDATES}`)
      .all(...bands) as { id: string; simhash: string; duplicate_of: string | null }[];
    for (const c of candidates) {
      if (hammingDistance(c.simhash, hash) <= NEAR_DUPLICATE_DISTANCE) {
        duplicateOf = c.duplicate_of ?? c.id;
        break;
      }
    }
    const seq = (db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM articles').get() as { n: number }).n;
    db.prepare(
      `INSERT INTO articles (id, seq, title, published, publisher, authors, dateline, url, source, text, simhash, duplicate_of, doc, n_mentions, n_quotes, n_events, ingested_at)
       VALUES (@id, @seq, @title, @published, @publisher, @authors, @dateline, @url, @source, @text, @simhash, @duplicate_of, @doc, @n_mentions, @n_quotes, @n_events, @ingested_at)`,
    ).run({
      id: doc.id,
      seq,
      title: doc.title,
      published: doc.published,
      publisher: doc.publisher,
      authors: JSON.stringify(doc.authors),
      dateline: doc.dateline,
      url: doc.url ?? null,
      source: doc.source ?? null,
      text: doc.text,
      simhash: hash,
      duplicate_of: duplicateOf,
      doc: serializeDocument(doc),
      n_mentions: doc.mentions.length,
      n_quotes: doc.quotes.length,
      n_events: doc.events.length,
      ingested_at: new Date().toISOString(),
    });
    db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(seq, doc.title ?? '', doc.text);
    // Only originals are indexed: a near duplicate is linked to its original, and a story
    // syndicated ten thousand times must not make every later lookup compare ten thousand copies.
    const band = db.prepare('INSERT OR IGNORE INTO simhash_bands (band, article_id) VALUES (?, ?)');
    if (!duplicateOf) for (const b of bands) band.run(b, doc.id);
    this.upsertActorsSync(doc.actors);
    const named = db.prepare('INSERT OR IGNORE INTO article_actors (actor_id, article_id, n) VALUES (?, ?, ?)');
    const count = db.prepare('UPDATE actors SET n_mentions = n_mentions + ?, n_articles = n_articles + 1 WHERE id = ?');
    for (const [actor, n] of mentionCounts(doc)) if (named.run(actor, doc.id, n).changes) count.run(n, actor);
    const quote = db.prepare(
      `INSERT INTO quotes (article_id, start_at, end_at, text, direct, actor_id, speaker, cue, channel, date, about) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const quoteFts = db.prepare('INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)');
    const about = db.prepare('INSERT OR IGNORE INTO quote_about (quote_id, actor_id) VALUES (?, ?)');
    for (const q of doc.quotes) {
      const r = quote.run(doc.id, q.start, q.end, q.text, q.direct ? 1 : 0, q.actor, q.speaker?.text ?? null, q.cue?.text ?? null, q.channel ?? null, q.date ?? doc.published, JSON.stringify(q.about));
      quoteFts.run(r.lastInsertRowid, q.text);
      for (const a of q.about) about.run(r.lastInsertRowid, a);
    }
    const event = db.prepare(
      `INSERT INTO events (article_id, type, source, target, modality, date, intensity, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of doc.events)
      event.run(doc.id, e.type, e.source, e.target, e.modality, e.date ?? doc.published, e.intensity, e.trigger.start, e.trigger.end, e.trigger.text, e.sentence.start, e.sentence.end);
    analysis.saveAnalysisRows(db, doc);
    return duplicateOf ? { id: doc.id, status: 'near-duplicate', duplicateOf } : { id: doc.id, status: 'stored' };
  }

  private addDyadTotals(docs: Document[]): void {
    const totals = dyadDayTotals(docs);
    const ev = this.db.prepare(
      `INSERT INTO dyad_events_day (source, target, date, type, n, total) VALUES (@source, @target, @date, @type, @n, @total)
       ON CONFLICT (source, target, date, type) DO UPDATE SET n = n + excluded.n, total = total + excluded.total`,
    );
    for (const r of totals.events) ev.run(r);
    const tone = this.db.prepare(
      `INSERT INTO dyad_tone_day (source, target, date, n, total) VALUES (@source, @target, @date, @n, @total)
       ON CONFLICT (source, target, date) DO UPDATE SET n = n + excluded.n, total = total + excluded.total`,
    );
    for (const r of totals.tone) tone.run(r);
  }

  async logIngest(entry: IngestLogEntry): Promise<void> {
    return this.logIngestMany([entry]);
  }

  async logIngestMany(entries: IngestLogEntry[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO ingest_log (at, source, status, article_id, message) VALUES (?, ?, ?, ?, ?)');
    const now = new Date().toISOString();
    // One transaction: outside one, each row is its own commit (a WAL append and a lock round).
    this.db.transaction(() => {
      for (const e of entries) insert.run(e.at ?? now, e.source, e.status, e.articleId ?? null, e.message ?? null);
    })();
  }

  async ingestLog(page?: PageRequest): Promise<Page<IngestLogEntry>> {
    const limit = pageLimit(page);
    const c = decodeCursor(page?.cursor);
    const rows = this.db
      .prepare(`SELECT id, at, source, status, article_id, message FROM ingest_log ${c ? 'WHERE id < ?' : ''} ORDER BY id DESC LIMIT ?`)
      .all(...(c ? [c[0], limit + 1] : [limit + 1])) as Row[];
    return paginate(rows, limit, (r) => [r.id], (r) => ({
      id: Number(r.id),
      at: String(r.at),
      source: String(r.source),
      status: r.status as IngestLogEntry['status'],
      articleId: (r.article_id as string | null) ?? null,
      message: (r.message as string | null) ?? null,
    }));
  }

  async getArticle(id: string): Promise<Document | null> {
    const r = this.db.prepare('SELECT doc FROM articles WHERE id = ?').get(id) as { doc: string } | undefined;
    return r ? (JSON.parse(r.doc) as Document) : null;
  }

  async listArticles(filter: ArticleFilter = {}): Promise<Page<ArticleSummary>> {
    const limit = pageLimit(filter);
    const c = decodeCursor(filter.cursor);
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.from) (where.push('published >= ?'), args.push(filter.from));
    if (filter.to) (where.push('published <= ?'), args.push(filter.to));
    if (filter.publisher) (where.push('publisher = ?'), args.push(filter.publisher));
    if (filter.actor) (where.push('id IN (SELECT article_id FROM article_actors WHERE actor_id = ?)'), args.push(filter.actor));
    // Newest first; undated articles last. seq breaks ties and makes the cursor total.
    // Written as a range on the indexed expression so that a deep page seeks instead of scanning.
    if (c) (where.push(`coalesce(published, '') <= ? AND (coalesce(published, '') < ? OR seq < ?)`), args.push(c[0], c[0], c[1]));
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLS} FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY coalesce(published, '') DESC, seq DESC LIMIT ?`)
      .all(...args, limit + 1) as Row[];
    return paginate(rows, limit, (r) => [r.published ?? '', r.seq], articleSummary);
  }

  async searchArticles(query: string, page?: PageRequest): Promise<Page<SearchHit>> {
    const limit = pageLimit(page);
    const c = searchCursor(decodeCursor(page?.cursor));
    const q = ftsQuery(query);
    if (!q) return { items: [], next: null };
    // The tier: FTS5 walks a word's rows newest first cheaply and scores them on the way; the
    // sort by score is done on those SEARCH_WINDOW rows only. (A rowid range with ORDER BY
    // rank, or snippet(), makes FTS5 read the word's whole doclist.)
    const tier = this.db
      .prepare('SELECT rowid AS seq, bm25(articles_fts) AS rank FROM articles_fts WHERE articles_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?')
      .all(q, c.before ?? Number.MAX_SAFE_INTEGER, SEARCH_WINDOW) as { seq: number; rank: number }[];
    const ranked = [...tier].sort((x, y) => x.rank - y.rank || x.seq - y.seq).slice(c.offset, c.offset + limit + 1);
    const rank = new Map(ranked.map((r) => [r.seq, r.rank]));
    const rows = ranked.length
      ? (this.db.prepare(`SELECT ${summaryCols('a')}, a.text AS body FROM articles a WHERE a.seq IN (${ranked.map(() => '?').join(',')})`).all(...rank.keys()) as Row[])
      : [];
    rows.sort((x, y) => rank.get(Number(x.seq))! - rank.get(Number(y.seq))! || Number(x.seq) - Number(y.seq));
    const items = rows.slice(0, limit).map((r) => ({ ...articleSummary(r), excerpt: excerpt(String(r.body), query), rank: rank.get(Number(r.seq))! }));
    const edge = tier.length >= SEARCH_WINDOW ? tier[tier.length - 1].seq : null;
    return { items, next: nextSearchCursor(c, limit, ranked.length > limit, edge) };
  }

  private upsertActorsSync(actors: Actor[]): void {
    const get = this.db.prepare('SELECT * FROM actors WHERE id = ?');
    // A new actor may already have mentions (stored before the actor was): count them once.
    const insert = this.db.prepare(
      `INSERT INTO actors (id, name, type, role, country, affiliation, aliases, origin, updated_at, n_mentions, n_articles)
       VALUES (@id, @name, @type, @role, @country, @affiliation, @aliases, @origin, @updated_at,
         (SELECT coalesce(sum(n), 0) FROM article_actors WHERE actor_id = @id), (SELECT count(*) FROM article_actors WHERE actor_id = @id))`,
    );
    const update = this.db.prepare(
      `UPDATE actors SET name = @name, type = @type, role = @role, country = @country, affiliation = @affiliation, aliases = @aliases,
         updated_at = @updated_at WHERE id = @id`,
    );
    const alias = this.db.prepare('INSERT OR IGNORE INTO actor_aliases (alias, actor_id) VALUES (?, ?)');
    for (const a of actors) {
      // Merging is idempotent, so an actor exactly as this store already merged it changes
      // nothing: most actors of most articles are the dictionary's, identical every time.
      const key = JSON.stringify(a);
      if (this.actorsWritten.get(a.id) === key) continue;
      if (this.actorsWritten.size >= 100_000) this.actorsWritten.clear();
      this.actorsWritten.set(a.id, key);
      const old = get.get(a.id) as Row | undefined;
      const merged = mergeActor(old ? actorRow(old) : null, a);
      if (old && JSON.stringify(actorRow(old)) === JSON.stringify(merged)) continue;
      (old ? update : insert).run({
        id: merged.id,
        name: merged.name,
        type: merged.type,
        role: merged.role,
        country: merged.country,
        affiliation: merged.affiliation ?? null,
        aliases: JSON.stringify(merged.aliases),
        origin: 'text',
        updated_at: new Date().toISOString(),
      });
      for (const n of [merged.name, ...merged.aliases]) alias.run(aliasKey(n), merged.id);
    }
  }

  async upsertActors(actors: Actor[], origin: ActorOrigin = 'text'): Promise<void> {
    this.writeTransaction(() => {
      this.upsertActorsSync(actors);
      if (origin === 'user') {
        const mark = this.db.prepare(`UPDATE actors SET origin = 'user' WHERE id = ?`);
        for (const a of actors) mark.run(a.id);
      }
    });
  }

  async userActors(): Promise<Actor[]> {
    return (this.db.prepare(`SELECT ${ACTOR_COLS} FROM actors a WHERE a.origin = 'user' ORDER BY a.id`).all() as Row[]).map(actorRow);
  }

  async getActor(idOrName: string): Promise<ActorSummary | null> {
    let r = this.db.prepare(`SELECT ${ACTOR_COLS} FROM actors a WHERE a.id = ?`).get(idOrName) as Row | undefined;
    if (!r)
      r = this.db
        .prepare(`SELECT ${ACTOR_COLS} FROM actor_aliases x JOIN actors a ON a.id = x.actor_id WHERE x.alias = ? ORDER BY a.n_mentions DESC, a.id LIMIT 1`)
        .get(aliasKey(idOrName)) as Row | undefined;
    return r ? { ...actorRow(r), mentions: Number(r.mentions), articles: Number(r.articles) } : null;
  }

  async listActors(filter: ActorFilter = {}): Promise<Page<ActorSummary>> {
    const limit = pageLimit(filter);
    const offset = Number(decodeCursor(filter.cursor)?.[0] ?? 0);
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.type) (where.push('a.type = ?'), args.push(filter.type));
    if (filter.search)
      (where.push(`a.id IN (SELECT actor_id FROM actor_aliases WHERE alias LIKE ?)`), args.push('%' + aliasKey(filter.search) + '%'));
    const rows = this.db
      .prepare(`SELECT ${ACTOR_COLS} FROM actors a ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.n_mentions DESC, a.id LIMIT ? OFFSET ?`)
      .all(...args, limit + 1, offset) as Row[];
    const items = rows.slice(0, limit).map((r) => ({ ...actorRow(r), mentions: Number(r.mentions), articles: Number(r.articles) }));
    return { items, next: rows.length > limit ? encodeCursor([offset + limit]) : null };
  }

  async quotes(filter: QuoteFilter = {}): Promise<Page<StoredQuote>> {
    const limit = pageLimit(filter);
    const c = decodeCursor(filter.cursor);
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.by) (where.push('q.actor_id = ?'), args.push(filter.by));
    if (filter.about) (where.push('q.id IN (SELECT quote_id FROM quote_about WHERE actor_id = ?)'), args.push(filter.about));
    if (filter.from) (where.push('q.date >= ?'), args.push(filter.from));
    if (filter.to) (where.push('q.date <= ?'), args.push(filter.to));
    if (filter.articleId) (where.push('q.article_id = ?'), args.push(filter.articleId));
    if (filter.search) {
      const fq = ftsQuery(filter.search);
      if (!fq) return { items: [], next: null };
      where.push('q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)');
      args.push(fq);
    }
    if (c) (where.push(`coalesce(q.date, '') <= ? AND (coalesce(q.date, '') < ? OR q.id < ?)`), args.push(c[0], c[0], c[1]));
    const rows = this.db
      .prepare(
        `SELECT q.*, a.title AS article_title, a.published, ac.name AS actor_name FROM quotes q JOIN articles a ON a.id = q.article_id
         LEFT JOIN actors ac ON ac.id = q.actor_id ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         ORDER BY coalesce(q.date, '') DESC, q.id DESC LIMIT ?`,
      )
      .all(...args, limit + 1) as Row[];
    return paginate(rows, limit, (r) => [r.date ?? '', r.id], quoteRow);
  }

  async events(filter: EventFilter = {}): Promise<Page<StoredEvent>> {
    const limit = pageLimit(filter);
    const c = decodeCursor(filter.cursor);
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.source) (where.push('e.source = ?'), args.push(filter.source));
    if (filter.target) (where.push('e.target = ?'), args.push(filter.target));
    if (filter.type) (where.push('e.type = ?'), args.push(filter.type));
    if (filter.from) (where.push('e.date >= ?'), args.push(filter.from));
    if (filter.to) (where.push('e.date <= ?'), args.push(filter.to));
    if (filter.articleId) (where.push('e.article_id = ?'), args.push(filter.articleId));
    if (c) (where.push(`coalesce(e.date, '') >= ? AND (coalesce(e.date, '') > ? OR e.id > ?)`), args.push(c[0], c[0], c[1]));
    const order = `ORDER BY coalesce(e.date, '') ASC, e.id ASC LIMIT ?`;
    let sql: string;
    let all: unknown[];
    if (filter.actor) {
      // "source = X OR target = X" would sort every event of a busy actor: take the first page
      // from each side through its own ordered index and merge.
      const side = (col: string) => `SELECT id FROM (SELECT e.id FROM events e WHERE ${[`e.${col} = ?`, ...where].join(' AND ')} ${order})`;
      sql = `e.id IN (${side('source')} UNION ALL ${side('target')})`;
      all = [filter.actor, ...args, limit + 1, filter.actor, ...args, limit + 1];
    } else {
      sql = where.join(' AND ');
      all = args;
    }
    const rows = this.db
      .prepare(
        `SELECT e.*, a.title AS article_title, a.published, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS evidence
         FROM events e JOIN articles a ON a.id = e.article_id ${sql ? 'WHERE ' + sql : ''} ${order}`,
      )
      .all(...all, limit + 1) as Row[];
    return paginate(rows, limit, (r) => [r.date ?? '', r.id], eventRow);
  }

  async dyadSeries(query: DyadQuery): Promise<DyadPoint[]> {
    return analysis.dyadSeries(this.db, query);
  }

  async dyads(filter?: DyadFilter): Promise<DyadSummary[]> {
    return analysis.dyads(this.db, filter);
  }

  async positions(filter?: PositionFilter): Promise<Page<StoredPosition>> {
    return analysis.positions(this.db, filter);
  }

  async stats(): Promise<StoreStats> {
    const n = (t: string) => Number((this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
    return { articles: n('articles'), actors: n('actors'), quotes: n('quotes'), events: n('events') };
  }

  beginBulkLoad(): () => Promise<void> {
    if (this.db.memory) return async () => {};
    const restore = () => this.db.pragma('wal_autocheckpoint = 1000');
    this.db.pragma('wal_autocheckpoint = 0');
    // Should the thread fail, this connection checkpoints again, as SQLite does by default.
    const checkpointer = startCheckpointer(this.path, restore);
    return async () => {
      await checkpointer.stop();
      if (this.db.open) restore();
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

const summaryCols = (t: string) =>
  `${t}.id, ${t}.seq, ${t}.title, ${t}.published, ${t}.publisher, ${t}.authors, ${t}.dateline, ${t}.url, ${t}.source, ${t}.duplicate_of, ${t}.ingested_at, substr(${t}.text, 1, 240) AS snippet, ${t}.n_mentions, ${t}.n_quotes, ${t}.n_events`;
const SUMMARY_COLS = summaryCols('articles');
const ACTOR_COLS = `a.*, a.n_mentions AS mentions, a.n_articles AS articles`;

function paginate<T>(rows: Row[], limit: number, key: (r: Row) => unknown[], map: (r: Row) => T): Page<T> {
  const items = rows.slice(0, limit);
  return { items: items.map(map), next: rows.length > limit ? encodeCursor(key(items[items.length - 1])) : null };
}
