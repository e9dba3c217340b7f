// The shared store: PostgreSQL through a pg Pool, for several users, processes or machines on
// one corpus. Same tables, migrations and row mappers as SQLite (migrations.ts, rows.ts), so
// both engines return identical objects; only full-text search differs (tsvector + GIN).
import pg from 'pg';
import type { Actor, Document } from '../document.js';
import { hammingDistance, NEAR_DUPLICATE_DISTANCE, simhash, simhashBands } from '../ingest/fingerprint.js';
import { migrationStatements, migrations, PAIR_KEY_BYTES, SEARCH_BUCKET, WORD_PAIRS } from './migrations.js';
import {
  decodeCursor,
  encodeCursor,
  pageLimit,
  StoreError,
  type ActorFilter,
  type ActorOrigin,
  type ActorSummary,
  type ArticleFilter,
  type ArticleSummary,
  type DyadFilter,
  type DyadPoint,
  type DyadQuery,
  type DyadSummary,
  type PositionFilter,
  type StoredPosition,
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
import { dyadPoints, dyadSummaryRow, monthSpan, positionRow, positionRows, toneRows } from './analysisRows.js';
import { actorRow, aliasKey, articleSummary, dyadDayTotals, excerpt, eventRow, mentionCounts, mergeActor, NEAR_DUPLICATE_CANDIDATES, nextSearchCursor, quoteRow, searchAlternatives, searchCursor, serializeDocument, SEARCH_WINDOW, type Row } from './rows.js';

type Client = pg.PoolClient | pg.Pool;

/** Advisory-lock key every `migrate()` takes, so several workers starting at once migrate once. */
const MIGRATION_LOCK = 0x7061726c6579n; // "parley"

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
}

export class PostgresStore implements Store {
  readonly engine = 'postgres' as const;
  readonly pool: pg.Pool;
  private readonly where: string;

  constructor(url: string, options: PostgresOptions = {}) {
    this.where = redact(url);
    this.pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process:
    // the pool discards it and the next query connects again.
    this.pool.on('error', () => {});
  }

  private async q(sql: string, args: unknown[] = [], c: Client = this.pool): Promise<Row[]> {
    try {
      return (await c.query(sql, args)).rows as Row[];
    } catch (err) {
      throw this.mapError(err);
    }
  }

  private mapError(err: unknown): unknown {
    if (err instanceof StoreError) return err;
    const e = err as { code?: string; message?: string };
    const code = e?.code ?? '';
    if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EPIPE|EHOSTUNREACH)$/.test(code) || /^(08|57P0)/.test(code) || /Connection terminated/i.test(e?.message ?? ''))
      return new StoreError(`PostgreSQL at ${this.where} is unavailable: ${e?.message || code}`, 'unavailable');
    if (code === '3D000' || code === '28P01' || code === '28000')
      return new StoreError(`PostgreSQL at ${this.where}: ${e?.message}`, 'unavailable');
    return err;
  }

  /** Run fn in one transaction; a deadlock or serialization failure re-runs it from the start. */
  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let c: pg.PoolClient;
      try {
        c = await this.pool.connect();
      } catch (err) {
        throw this.mapError(err);
      }
      let broken = false;
      // A checked-out client has no listener of the pool's: a server restart between two queries
      // of the transaction would emit 'error' unhandled and kill the process (engineer 7, queue tests).
      const onError = () => (broken = true);
      c.on('error', onError);
      try {
        await c.query('BEGIN');
        const out = await fn(c);
        await c.query('COMMIT');
        return out;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => (broken = true));
        const code = (err as { code?: string }).code;
        if ((code === '40P01' || code === '40001') && attempt < 5) continue;
        throw this.mapError(err);
      } finally {
        c.off('error', onError);
        c.release(broken);
      }
    }
  }

  async migrate(): Promise<number[]> {
    return this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
      await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const done = new Set((await c.query('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        for (const sql of migrationStatements(m, 'postgres')) await c.query(sql);
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        applied.push(m.version);
      }
      return applied;
    });
  }

  async saveDocument(doc: Document): Promise<SaveResult> {
    return (await this.saveDocuments([doc]))[0];
  }

  async saveDocuments(docs: Document[]): Promise<SaveResult[]> {
    if (!docs.length) return [];
    return this.tx(async (c) => {
      // Two workers saving the same document (or the same actor) queue on these locks instead of
      // racing; taking them all up front, in one global order, means they never deadlock.
      const actorIds = docs.flatMap((d) => d.actors.map((a) => a.id));
      await lockKeys(c, [...docs.map((d) => 'doc:' + d.id), ...actorIds.map((id) => 'actor:' + id)]);
      const existing = new Set(
        (await c.query('SELECT id FROM articles WHERE id = ANY($1::text[])', [docs.map((d) => d.id)])).rows.map((r) => String(r.id)),
      );
      const results: SaveResult[] = [];
      const now = new Date().toISOString();
      const todo = docs.filter((d, i) => !existing.has(d.id) && docs.findIndex((x) => x.id === d.id) === i);
      const hashes = new Map(todo.map((d) => [d.id, simhash(d.text)]));
      const bandsOf = (id: string) => simhashBands(hashes.get(id)!);
      // Near-duplicate candidates for the whole batch in one query: stored originals sharing a
      // band, compared earliest first as SQLite does, then originals earlier in this batch.
      const stored = todo.length
        ? (
            await c.query(
              `SELECT b.band, a.id, a.seq, a.simhash, a.duplicate_of FROM simhash_bands b JOIN articles a ON a.id = b.article_id WHERE b.band = ANY($1::text[])`,
              [[...new Set(todo.flatMap((d) => bandsOf(d.id)))]],
            )
          ).rows
        : [];
      type Candidate = { id: string; seq: number; simhash: string; duplicate_of: string | null };
      const byBand = new Map<string, Candidate[]>();
      const addCandidate = (band: string, cand: Candidate) => {
        const list = byBand.get(band) ?? [];
        list.push(cand);
        byBand.set(band, list);
      };
      for (const r of stored) addCandidate(r.band, { id: r.id, seq: Number(r.seq), simhash: r.simhash, duplicate_of: r.duplicate_of });
      const fresh: { doc: Document; hash: string; duplicateOf: string | null }[] = [];
      let nextSeq = Number.MAX_SAFE_INTEGER - docs.length;
      for (const doc of docs) {
        if (existing.has(doc.id)) {
          results.push({ id: doc.id, status: 'duplicate' });
          continue;
        }
        existing.add(doc.id);
        const hash = hashes.get(doc.id)!;
        const bands = bandsOf(doc.id);
        const seen = new Map<string, Candidate>();
        for (const band of bands) for (const cand of byBand.get(band) ?? []) seen.set(cand.id, cand);
        const candidates = [...seen.values()].sort((x, y) => x.seq - y.seq).slice(0, NEAR_DUPLICATE_CANDIDATES);
        const match = candidates.find((cand) => hammingDistance(cand.simhash, hash) <= NEAR_DUPLICATE_DISTANCE);
        const duplicateOf = match ? (match.duplicate_of ?? match.id) : null;
        // Only originals are indexed: a near duplicate is linked to its original, and a story
        // syndicated ten thousand times must not make every later lookup compare ten thousand copies.
        if (!duplicateOf) for (const band of bands) addCandidate(band, { id: doc.id, seq: nextSeq, simhash: hash, duplicate_of: null });
        nextSeq++;
        fresh.push({ doc, hash, duplicateOf });
        results.push(duplicateOf ? { id: doc.id, status: 'near-duplicate', duplicateOf } : { id: doc.id, status: 'stored' });
      }
      if (fresh.length) {
        const col = <T>(f: (x: (typeof fresh)[number]) => T) => fresh.map((x) => noNul(f(x)));
        await c.query(
          `INSERT INTO articles (id, title, published, publisher, authors, dateline, url, source, text, simhash, duplicate_of, doc, n_mentions, n_quotes, n_events, ingested_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
             $12::text[], $13::int[], $14::int[], $15::int[], $16::text[])`,
          [
            col((x) => x.doc.id), col((x) => x.doc.title), col((x) => x.doc.published), col((x) => x.doc.publisher), col((x) => JSON.stringify(x.doc.authors)),
            col((x) => x.doc.dateline), col((x) => x.doc.url ?? null), col((x) => x.doc.source ?? null), col((x) => x.doc.text), col((x) => x.hash),
            col((x) => x.duplicateOf), col((x) => serializeDocument(x.doc)), col((x) => x.doc.mentions.length), col((x) => x.doc.quotes.length),
            col((x) => x.doc.events.length), col(() => now),
          ],
        );
        const originals = fresh.filter((x) => !x.duplicateOf).flatMap((x) => simhashBands(x.hash).map((band) => [band, x.doc.id]));
        if (originals.length)
          await c.query('INSERT INTO simhash_bands (band, article_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [
            originals.map((o) => o[0]),
            originals.map((o) => o[1]),
          ]);
      }
      if (fresh.length) {
        await this.upsertActorsIn(c, fresh.flatMap((x) => x.doc.actors), now);
        await this.insertLayers(c, fresh.map((x) => x.doc));
      }
      return results;
    });
  }

  /** Mentions (with the actors' counters), quotes with what they are about, and events of new documents. */
  private async insertLayers(c: pg.PoolClient, docs: Document[]): Promise<void> {
    const named = docs.flatMap((d) => [...mentionCounts(d)].map(([actor, n]) => ({ d, actor, n })));
    if (named.length)
      await c.query(
        `WITH ins AS (
           INSERT INTO article_actors (actor_id, article_id, n)
           SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) ON CONFLICT DO NOTHING
           RETURNING actor_id, n)
         UPDATE actors a SET n_mentions = a.n_mentions + s.n, n_articles = a.n_articles + s.articles
         FROM (SELECT actor_id, sum(n) AS n, count(*) AS articles FROM ins GROUP BY actor_id) s
         WHERE a.id = s.actor_id`,
        [named.map(({ actor }) => noNul(actor)), named.map(({ d }) => d.id), named.map(({ n }) => n)],
      );
    const qs = docs.flatMap((d) => d.quotes.map((q) => ({ d, q })));
    if (qs.length)
      await c.query(
        `WITH ins AS (
           INSERT INTO quotes (article_id, start_at, end_at, text, direct, actor_id, speaker, cue, channel, date, about)
           SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           RETURNING id, about)
         INSERT INTO quote_about (quote_id, actor_id) SELECT DISTINCT ins.id, x FROM ins, jsonb_array_elements_text(ins.about::jsonb) AS x
         ON CONFLICT DO NOTHING`,
        [
          qs.map(({ d }) => d.id),
          qs.map(({ q }) => q.start),
          qs.map(({ q }) => q.end),
          qs.map(({ q }) => noNul(q.text)),
          qs.map(({ q }) => q.direct),
          qs.map(({ q }) => noNul(q.actor)),
          qs.map(({ q }) => noNul(q.speaker?.text ?? null)),
          qs.map(({ q }) => noNul(q.cue?.text ?? null)),
          qs.map(({ q }) => noNul(q.channel ?? null)),
          qs.map(({ d, q }) => q.date ?? d.published),
          qs.map(({ q }) => noNul(JSON.stringify(q.about))),
        ],
      );
    const es = docs.flatMap((d) => d.events.map((e) => ({ d, e })));
    if (es.length)
      await c.query(
        `INSERT INTO events (article_id, type, source, target, modality, date, intensity, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::int[], $9::int[], $10::text[], $11::int[], $12::int[])`,
        [
          es.map(({ d }) => d.id),
          es.map(({ e }) => e.type),
          es.map(({ e }) => noNul(e.source)),
          es.map(({ e }) => noNul(e.target)),
          es.map(({ e }) => e.modality),
          es.map(({ d, e }) => e.date ?? d.published),
          es.map(({ e }) => e.intensity),
          es.map(({ e }) => e.trigger.start),
          es.map(({ e }) => e.trigger.end),
          es.map(({ e }) => noNul(e.trigger.text)),
          es.map(({ e }) => e.sentence.start),
          es.map(({ e }) => e.sentence.end),
        ],
      );
    const tones = docs.flatMap(toneRows);
    if (tones.length)
      await c.query(
        `INSERT INTO statement_tone (article_id, quote_start, source, target, date, tone)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::float8[]) ON CONFLICT DO NOTHING`,
        [
          tones.map((t) => t.article_id),
          tones.map((t) => t.quote_start),
          tones.map((t) => noNul(t.source)),
          tones.map((t) => noNul(t.target)),
          tones.map((t) => t.date),
          tones.map((t) => t.tone),
        ],
      );
    const totals = dyadDayTotals(docs);
    if (totals.events.length)
      await c.query(
        `INSERT INTO dyad_events_day (source, target, date, type, n, total)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::float8[])
         ON CONFLICT (source, target, date, type) DO UPDATE SET n = dyad_events_day.n + excluded.n, total = dyad_events_day.total + excluded.total`,
        [
          totals.events.map((r) => noNul(r.source)),
          totals.events.map((r) => noNul(r.target)),
          totals.events.map((r) => r.date),
          totals.events.map((r) => r.type),
          totals.events.map((r) => r.n),
          totals.events.map((r) => r.total),
        ],
      );
    if (totals.tone.length)
      await c.query(
        `INSERT INTO dyad_tone_day (source, target, date, n, total)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::float8[])
         ON CONFLICT (source, target, date) DO UPDATE SET n = dyad_tone_day.n + excluded.n, total = dyad_tone_day.total + excluded.total`,
        [
          totals.tone.map((r) => noNul(r.source)),
          totals.tone.map((r) => noNul(r.target)),
          totals.tone.map((r) => r.date),
          totals.tone.map((r) => r.n),
          totals.tone.map((r) => r.total),
        ],
      );
    const ps = docs.flatMap(positionRows);
    if (ps.length)
      await c.query(
        `INSERT INTO positions (article_id, actor_id, issue, stance, date, evidence_start, evidence_end, evidence, via)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[], $9::text[])`,
        [
          ps.map((p) => p.article_id),
          ps.map((p) => noNul(p.actor_id)),
          ps.map((p) => noNul(p.issue)),
          ps.map((p) => p.stance),
          ps.map((p) => p.date),
          ps.map((p) => p.evidence_start),
          ps.map((p) => p.evidence_end),
          ps.map((p) => noNul(p.evidence)),
          ps.map((p) => p.via),
        ],
      );
  }

  /**
   * Merge actors into the stored ones, in the order given (the caller holds their locks).
   * Folding every occurrence in memory first and writing once gives the same result as
   * merging one occurrence at a time, as SQLite does.
   */
  private async upsertActorsIn(c: pg.PoolClient, actors: Actor[], now: string): Promise<void> {
    if (!actors.length) return;
    const ids = [...new Set(actors.map((a) => a.id))];
    const stored = new Map(
      (await c.query('SELECT * FROM actors WHERE id = ANY($1::text[])', [ids])).rows.map((r: Row) => [String(r.id), actorRow(r)]),
    );
    const merged = new Map<string, Actor>();
    for (const a of actors) merged.set(a.id, mergeActor(merged.get(a.id) ?? stored.get(a.id) ?? null, a));
    const inserts: Actor[] = [];
    const updates: Actor[] = [];
    for (const [id, m] of merged) {
      const old = stored.get(id);
      if (!old) inserts.push(m);
      else if (JSON.stringify(old) !== JSON.stringify(m)) updates.push(m);
    }
    const cols = (list: Actor[]) => [
      list.map((a) => noNul(a.id)),
      list.map((a) => noNul(a.name)),
      list.map((a) => a.type),
      list.map((a) => noNul(a.role)),
      list.map((a) => noNul(a.country)),
      list.map((a) => noNul(a.affiliation ?? null)),
      list.map((a) => noNul(JSON.stringify(a.aliases))),
    ];
    if (inserts.length)
      // A new actor may already have mentions (stored before the actor was): count them once.
      await c.query(
        `INSERT INTO actors (id, name, type, role, country, affiliation, aliases, origin, updated_at, n_mentions, n_articles)
         SELECT u.*, 'text', $8, (SELECT coalesce(sum(n), 0) FROM article_actors x WHERE x.actor_id = u.id), (SELECT count(*) FROM article_actors x WHERE x.actor_id = u.id)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, name, type, role, country, affiliation, aliases)`,
        [...cols(inserts), now],
      );
    if (updates.length)
      await c.query(
        `UPDATE actors a SET name = u.name, type = u.type, role = u.role, country = u.country, affiliation = u.affiliation, aliases = u.aliases, updated_at = $8
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, name, type, role, country, affiliation, aliases)
         WHERE a.id = u.id`,
        [...cols(updates), now],
      );
    const changed = [...inserts, ...updates];
    const aliases = changed.flatMap((a) => [a.name, ...a.aliases].map((n) => [noNul(aliasKey(n)), a.id]));
    if (aliases.length)
      await c.query('INSERT INTO actor_aliases (alias, actor_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [
        aliases.map((x) => x[0]),
        aliases.map((x) => x[1]),
      ]);
  }

  async upsertActors(actors: Actor[], origin: ActorOrigin = 'text'): Promise<void> {
    if (!actors.length) return;
    await this.tx(async (c) => {
      await lockKeys(c, actors.map((a) => 'actor:' + a.id));
      await this.upsertActorsIn(c, actors, new Date().toISOString());
      if (origin === 'user') await c.query(`UPDATE actors SET origin = 'user' WHERE id = ANY($1::text[])`, [actors.map((a) => a.id)]);
    });
  }

  async logIngest(entry: IngestLogEntry): Promise<void> {
    return this.logIngestMany([entry]);
  }

  async logIngestMany(entries: IngestLogEntry[]): Promise<void> {
    if (!entries.length) return;
    const now = new Date().toISOString();
    // WITH ORDINALITY keeps the entries' order in the log's serial ids.
    await this.q(
      `INSERT INTO ingest_log (at, source, status, article_id, message)
       SELECT at, source, status, article_id, message FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         WITH ORDINALITY AS e(at, source, status, article_id, message, i) ORDER BY i`,
      [
        entries.map((e) => e.at ?? now),
        entries.map((e) => noNul(e.source)),
        entries.map((e) => e.status),
        entries.map((e) => noNul(e.articleId ?? null)),
        entries.map((e) => noNul(e.message ?? null)),
      ],
    );
  }

  async ingestLog(page?: PageRequest): Promise<Page<IngestLogEntry>> {
    const limit = pageLimit(page);
    const c = decodeCursor(page?.cursor);
    const args = new Args();
    const rows = await this.q(
      `SELECT id, at, source, status, article_id, message FROM ingest_log ${c ? `WHERE id < ${args.add(Number(c[0]))}` : ''} ORDER BY id DESC LIMIT ${args.add(limit + 1)}`,
      args.values,
    );
    return paginate(rows, limit, (r) => [Number(r.id)], (r) => ({
      id: Number(r.id),
      at: String(r.at),
      source: String(r.source),
      status: r.status as IngestLogEntry['status'],
      articleId: (r.article_id as string | null) ?? null,
      message: (r.message as string | null) ?? null,
    }));
  }

  async getArticle(id: string): Promise<Document | null> {
    const rows = await this.q('SELECT doc FROM articles WHERE id = $1', [noNul(id)]);
    return rows.length ? (JSON.parse(String(rows[0].doc)) as Document) : null;
  }

  async listArticles(filter: ArticleFilter = {}): Promise<Page<ArticleSummary>> {
    const limit = pageLimit(filter);
    const c = decodeCursor(filter.cursor);
    const where: string[] = [];
    const args = new Args();
    if (filter.from) where.push(`published >= ${args.add(filter.from)}`);
    if (filter.to) where.push(`published <= ${args.add(filter.to)}`);
    if (filter.publisher) where.push(`publisher = ${args.add(filter.publisher)}`);
    if (filter.actor) where.push(`id IN (SELECT article_id FROM article_actors WHERE actor_id = ${args.add(filter.actor)})`);
    // Newest first; undated articles last. seq breaks ties and makes the cursor total.
    if (c) where.push(`(coalesce(published, ''), seq) < (${args.add(String(c[0]))}, ${args.add(Number(c[1]))})`);
    const rows = await this.q(
      `SELECT ${summaryCols('articles')} FROM articles ${whereSql(where)} ORDER BY coalesce(published, '') DESC, seq DESC LIMIT ${args.add(limit + 1)}`,
      args.values,
    );
    return paginate(rows, limit, (r) => [r.published ?? '', Number(r.seq)], articleSummary);
  }

  async searchArticles(query: string, page?: PageRequest): Promise<Page<SearchHit>> {
    const limit = pageLimit(page);
    const c = searchCursor(decodeCursor(page?.cursor));
    const tsq = wordsTsQuery(query);
    if (!tsq) return { items: [], next: null };
    // A common word matches a large share of a big corpus: look for the tier (the newest
    // SEARCH_WINDOW matches below `before`) among the newest recency buckets first (the GIN
    // index answers word AND bucket alone), and in the whole table only when they hold too few.
    const top = c.before !== null ? c.before - 1 : await this.newestSeq();
    if (top === null) return { items: [], next: null };
    const newest = Math.floor(top / SEARCH_BUCKET);
    // A newest bucket less than half full does not count as one of the span: two buckets then
    // hold at least one and a half buckets of articles, not a handful.
    const partial = top % SEARCH_BUCKET < SEARCH_BUCKET / 2 ? 1 : 0;
    const phrase = tsq.includes('<->');
    const pairs = phrase ? await this.phrasePairs(query) : null;
    for (const span of [2, 8, Infinity]) {
      const first = Math.max(0, newest - span + 1 - partial);
      // The bucket after the newest too: articles stored since newestSeq() was cached.
      const buckets = first > 0 ? Array.from({ length: newest + 2 - first }, (_, i) => `'~${first + i}'`).join(' | ') : null;
      const args = new Args();
      const q = `to_tsquery('english', ${args.add(tsq)})`;
      const recent = buckets ? args.add(buckets) : null;
      const inBuckets = (v: string) => (recent ? `(${v} && ${recent}::tsquery)` : v);
      // The pairs index (migration 10) finds the articles holding each required phrase's words
      // in order, so the recheck below reads true matches, not every article with the words.
      // When the pairs stand for the whole query, the word index is not read at all: for common
      // words it would list tens of thousands of articles only to intersect them away.
      const conditions = pairs ? [`${WORD_PAIRS}(tsv) @@ ${inBuckets(`${args.add(pairs.keys)}::tsquery`)}`] : [];
      if (!pairs?.whole) {
        const words = phrase ? `to_tsquery('english', ${args.add(tsq.replaceAll('<->', '&'))})` : q;
        conditions.unshift(`tsv @@ ${inBuckets(words)}`);
      }
      const match = conditions.join(' AND ');
      // A phrase's word order is checked in each candidate's stored tsvector (pairs narrow, not decide),
      // newest first until the tier is full: a subquery on each candidate behind OFFSET 0, as a
      // join the planner may instead match the phrase against the whole table ("cease fire": 48 ms, not 10).
      const tierSql = phrase
        ? `SELECT seq FROM (SELECT seq FROM m ORDER BY seq DESC OFFSET 0) c WHERE (SELECT a.tsv @@ ${q} FROM articles a WHERE a.seq = c.seq) ORDER BY seq DESC`
        : `SELECT seq FROM m ORDER BY seq DESC`;
      // One round trip: the tier, its size and oldest row, the page ranked by ts_rank (negated:
      // as with SQLite's bm25, lower is better) with each hit's text for the excerpt.
      const rows = await this.q(
        `WITH m AS MATERIALIZED (SELECT seq FROM articles WHERE ${match} AND seq < ${args.add(c.before ?? Number.MAX_SAFE_INTEGER)}),
           tier AS MATERIALIZED (${tierSql} LIMIT ${args.add(SEARCH_WINDOW)}),
           info AS (SELECT count(*) AS n, min(seq) AS edge FROM tier),
           hits AS (SELECT a.seq, -ts_rank(a.tsv, ${q}) AS rank FROM articles a WHERE a.seq IN (SELECT seq FROM tier)
             ORDER BY rank, a.seq LIMIT ${args.add(limit + 1)} OFFSET ${args.add(c.offset)})
         SELECT info.n AS tier_size, info.edge AS tier_edge, h.rank, ${summaryCols('a')}, a.text AS body
         FROM info LEFT JOIN (hits h JOIN articles a ON a.seq = h.seq) ON true ORDER BY h.rank, h.seq`,
        args.values,
      );
      const size = Number(rows[0]?.tier_size ?? 0);
      if (size < SEARCH_WINDOW && buckets) continue;
      const hits = rows.filter((r) => r.rank !== null);
      const items = hits.slice(0, limit).map((r) => ({ ...articleSummary(r), excerpt: excerpt(String(r.body), query), rank: Number(r.rank) }));
      const edge = size >= SEARCH_WINDOW ? Number(rows[0].tier_edge) : null;
      return { items, next: nextSearchCursor(c, limit, hits.length > limit, edge) };
    }
    return { items: [], next: null };
  }

  private readonly pairQueries = new Map<string, PhrasePairs | null>();

  /**
   * The adjacent word pairs of every phrase the query requires, as keys of the pairs index
   * (migration 10) ANDed in a tsquery, or else the '~all' marker of documents too long to hold
   * their pairs; null when there are none (a phrase inside alternatives, or words two stop
   * words keep apart). Stemming is PostgreSQL's, so the words are sent to it; the answer is cached
   * per query, as a user pages through the same search.
   */
  private async phrasePairs(query: string): Promise<PhrasePairs | null> {
    const cached = this.pairQueries.get(query);
    if (cached !== undefined) return cached;
    const groups = searchAlternatives(query);
    const phrases = groups.filter((alts) => alts.length === 1 && alts[0].length > 1).map((alts) => alts[0]);
    let result: PhrasePairs | null = null;
    if (phrases.length) {
      // Each word through the parser alone, as to_tsquery reads each word of a phrase: a word it
      // drops (a stop word, a character it does not index) leaves a gap, and no pair spans a gap.
      const rows = await this.q(`SELECT w.k, u.lexeme FROM unnest($1::text[]) WITH ORDINALITY w(t, k), unnest(to_tsvector('english', w.t)) u`, [phrases.flat()]);
      const lexemes = new Map<number, string[]>();
      for (const r of rows) lexemes.set(Number(r.k), [...(lexemes.get(Number(r.k)) ?? []), String(r.lexeme)]);
      let k = 0;
      const perPhrase = phrases.map((words) => {
        const own: string[] = [];
        const at = (j: number) => (j < words.length ? (lexemes.get(k + j + 1) ?? []) : []);
        for (let j = 0; j + 1 < words.length; j++) {
          if (at(j).length !== 1) continue;
          // Side by side, or one apart across a word with no lexeme (a stop word): to_tsquery
          // then asks for exactly that distance, which the index holds as its own kind of pair.
          const key =
            at(j + 1).length === 1 ? `${at(j)[0]} ${at(j + 1)[0]}` : at(j + 1).length === 0 && at(j + 2).length === 1 ? `${at(j)[0]} _ ${at(j + 2)[0]}` : null;
          // UTF-8 bytes, as octet_length counts them in a UTF8 database (the one PostgreSQL default).
          if (key && Buffer.byteLength(key) <= PAIR_KEY_BYTES) own.push(key);
        }
        k += words.length;
        return own;
      });
      const keys = new Set(perPhrase.flat());
      // A lexeme holds letters and digits only, so it needs no escaping inside quotes.
      if (keys.size)
        result = { keys: `(${[...keys].map((key) => `'${key}'`).join(' & ')}) | '~all'`, whole: phrases.length === groups.length && perPhrase.every((own) => own.length > 0) };
    }
    if (this.pairQueries.size >= 256) this.pairQueries.clear();
    this.pairQueries.set(query, result);
    return result;
  }

  private top: { at: number; seq: number } | null = null;

  /**
   * The newest article's seq, cached for two seconds: searches then need one round trip.
   * Articles stored meanwhile land in its recency bucket or the next, and search includes both.
   */
  private async newestSeq(): Promise<number | null> {
    if (this.top && Date.now() - this.top.at < 2000) return this.top.seq;
    const [{ top }] = await this.q('SELECT max(seq) AS top FROM articles');
    if (top == null) return null;
    this.top = { at: Date.now(), seq: Number(top) };
    return this.top.seq;
  }

  async getActor(idOrName: string): Promise<ActorSummary | null> {
    let rows = await this.q(`SELECT ${ACTOR_COLS} FROM actors a WHERE a.id = $1`, [noNul(idOrName)]);
    if (!rows.length)
      rows = await this.q(
        `SELECT ${ACTOR_COLS} FROM actor_aliases x JOIN actors a ON a.id = x.actor_id WHERE x.alias = $1 ORDER BY a.n_mentions DESC, a.id LIMIT 1`,
        [noNul(aliasKey(idOrName))],
      );
    return rows.length ? actorSummary(rows[0]) : null;
  }

  async userActors(): Promise<Actor[]> {
    return (await this.q(`SELECT ${ACTOR_COLS} FROM actors a WHERE a.origin = 'user' ORDER BY a.id`)).map(actorRow);
  }

  async listActors(filter: ActorFilter = {}): Promise<Page<ActorSummary>> {
    const limit = pageLimit(filter);
    const offset = Number(decodeCursor(filter.cursor)?.[0] ?? 0);
    const where: string[] = [];
    const args = new Args();
    if (filter.type) where.push(`a.type = ${args.add(filter.type)}`);
    if (filter.search) where.push(`a.id IN (SELECT actor_id FROM actor_aliases WHERE alias LIKE ${args.add('%' + likeEscape(aliasKey(filter.search)) + '%')})`);
    const rows = await this.q(
      `SELECT ${ACTOR_COLS} FROM actors a ${whereSql(where)} ORDER BY a.n_mentions DESC, a.id LIMIT ${args.add(limit + 1)} OFFSET ${args.add(offset)}`,
      args.values,
    );
    return { items: rows.slice(0, limit).map(actorSummary), next: rows.length > limit ? encodeCursor([offset + limit]) : null };
  }

  async quotes(filter: QuoteFilter = {}): Promise<Page<StoredQuote>> {
    const limit = pageLimit(filter);
    const c = decodeCursor(filter.cursor);
    const where: string[] = [];
    const args = new Args();
    if (filter.by) where.push(`q.actor_id = ${args.add(filter.by)}`);
    if (filter.about) where.push(`q.id IN (SELECT quote_id FROM quote_about WHERE actor_id = ${args.add(filter.about)})`);
    if (filter.from) where.push(`q.date >= ${args.add(filter.from)}`);
    if (filter.to) where.push(`q.date <= ${args.add(filter.to)}`);
    if (filter.articleId) where.push(`q.article_id = ${args.add(filter.articleId)}`);
    if (filter.search) {
      const tsq = wordsTsQuery(filter.search);
      if (!tsq) return { items: [], next: null };
      where.push(`q.tsv @@ to_tsquery('english', ${args.add(tsq)})`);
    }
    if (c) where.push(`(coalesce(q.date, ''), q.id) < (${args.add(String(c[0]))}, ${args.add(Number(c[1]))})`);
    const rows = await this.q(
      `SELECT q.id, q.article_id, q.start_at, q.end_at, q.text, q.direct, q.actor_id, q.speaker, q.cue, q.channel, q.date, q.about,
         a.title AS article_title, a.published, ac.name AS actor_name
       FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors ac ON ac.id = q.actor_id ${whereSql(where)}
       ORDER BY coalesce(q.date, '') DESC, q.id DESC LIMIT ${args.add(limit + 1)}`,
      args.values,
    );
    return paginate(rows, limit, (r) => [r.date ?? '', Number(r.id)], quoteRow);
  }

  async events(filter: EventFilter = {}): Promise<Page<StoredEvent>> {
    const limit = pageLimit(filter);
    const c = decodeCursor(filter.cursor);
    const where: string[] = [];
    const args = new Args();
    if (filter.source) where.push(`e.source = ${args.add(filter.source)}`);
    if (filter.target) where.push(`e.target = ${args.add(filter.target)}`);
    if (filter.type) where.push(`e.type = ${args.add(filter.type)}`);
    if (filter.from) where.push(`e.date >= ${args.add(filter.from)}`);
    if (filter.to) where.push(`e.date <= ${args.add(filter.to)}`);
    if (filter.articleId) where.push(`e.article_id = ${args.add(filter.articleId)}`);
    if (c) where.push(`(coalesce(e.date, ''), e.id) > (${args.add(String(c[0]))}, ${args.add(Number(c[1]))})`);
    const order = `ORDER BY coalesce(e.date, '') ASC, e.id ASC LIMIT ${args.add(limit + 1)}`;
    if (filter.actor) {
      // "source = X OR target = X" would sort every event of a busy actor: take the first page
      // from each side through its own ordered index and merge.
      const actor = args.add(filter.actor);
      const side = (col: string) => `(SELECT e.id FROM events e WHERE ${[`e.${col} = ${actor}`, ...where].join(' AND ')} ${order})`;
      where.splice(0, where.length, `e.id IN (${side('source')} UNION ALL ${side('target')})`);
    }
    const rows = await this.q(
      `SELECT e.*, a.title AS article_title, a.published, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS evidence
       FROM events e JOIN articles a ON a.id = e.article_id ${whereSql(where)} ${order}`,
      args.values,
    );
    return paginate(rows, limit, (r) => [r.date ?? '', Number(r.id)], eventRow);
  }

  async dyadSeries(query: DyadQuery): Promise<DyadPoint[]> {
    const by = query.by ?? 'month';
    if (!(by in PERIOD)) throw new StoreError(`unknown period "${by}": use day, week or month`, 'bad-request');
    // The two actor sets are resolved first: given literal id lists the planner walks the
    // primary key of the per-day totals; given a recursive CTE it guesses and scans them all.
    const [a, b] = await Promise.all([this.members(query.source, query.exact), this.members(query.target, query.exact)]);
    const args = new Args();
    const range: string[] = [];
    if (query.from) range.push(`AND date >= ${args.add(query.from)}`);
    if (query.to) range.push(`AND date <= ${args.add(query.to + '\uffff')}`);
    const pair = `source = ANY(${args.add(a)}::text[]) AND target = ANY(${args.add(b)}::text[])`;
    const dyad = `${pair} AND date <> '' ${range.join(' ')}`;
    // Grouped by day in SQL; days become weeks or months here, with the calendar rules SQLite's
    // date() applies, so a malformed stored date never makes the query fail. A monthly series
    // reads whole months from the per-month totals (a month passes as its own "day").
    const span = by === 'month' ? monthSpan(query.from, query.to) : null;
    // Both queries share the parameters: each must use every one it is given.
    const first = span?.first ? args.add(span.first) : null;
    const last = span?.last ? args.add(span.last) : null;
    const after = span?.after ? args.add(span.after) : null;
    const from = (cols: string, table: string) => {
      if (!span) return `SELECT substr(date, 1, 10) AS day, ${cols} FROM ${table}_day WHERE ${dyad}`;
      const sql = [`SELECT month AS day, ${cols} FROM ${table}_month WHERE ${pair}${first ? ` AND month >= ${first}` : ''}${last ? ` AND month <= ${last}` : ''}`];
      if (query.from) sql.push(`SELECT substr(date, 1, 10) AS day, ${cols} FROM ${table}_day WHERE ${dyad} AND date < ${first}`);
      if (query.to) sql.push(`SELECT substr(date, 1, 10) AS day, ${cols} FROM ${table}_day WHERE ${dyad} AND date >= ${after}`);
      return sql.join(' UNION ALL ');
    };
    const evSql = `SELECT day, type, sum(n) AS n, sum(total) AS total FROM (${from('type, n, total', 'dyad_events')}) x GROUP BY day, type`;
    const toneSql = `SELECT day, sum(n) AS n, sum(total) AS total FROM (${from('n, total', 'dyad_tone')}) x GROUP BY day`;
    const [ev, tone] = await Promise.all([this.q(evSql, args.values), this.q(toneSql, args.values)]);
    const events = new Map<string, Row>();
    for (const r of ev) {
      const period = PERIOD[by](r.day as string | null);
      if (period === null) continue;
      const key = period + '\n' + r.type;
      const acc = events.get(key) ?? { period, type: r.type, n: 0, total: 0 };
      acc.n = Number(acc.n) + Number(r.n);
      acc.total = Number(acc.total) + Number(r.total);
      events.set(key, acc);
    }
    const tones = new Map<string, { period: string; n: number; total: number }>();
    for (const r of tone) {
      const period = PERIOD[by](r.day as string | null);
      if (period === null) continue;
      const acc = tones.get(period) ?? { period, n: 0, total: 0 };
      acc.n += Number(r.n);
      acc.total += Number(r.total);
      tones.set(period, acc);
    }
    // In (period, type) order, as SQLite's GROUP BY yields them, so byType lists types alike.
    const sorted = [...events.values()].sort((x, y) => (x.period === y.period ? (String(x.type) < String(y.type) ? -1 : 1) : String(x.period) < String(y.period) ? -1 : 1));
    return dyadPoints(sorted, [...tones.values()].map((t) => ({ period: t.period, n: t.n, mean: t.total / t.n })));
  }

  /** An actor and everything affiliated to it (see `members`), or only itself when exact. */
  private async members(id: string, exact?: boolean): Promise<string[]> {
    if (exact) return [noNul(id)];
    return (await this.q(`WITH RECURSIVE ${members('m_set', '$1')} SELECT id FROM m_set`, [noNul(id)])).map((r) => String(r.id));
  }

  async dyads(filter: DyadFilter = {}): Promise<DyadSummary[]> {
    const args = new Args();
    const where: string[] = ['source IS NOT NULL', 'target IS NOT NULL', 'source <> target'];
    if (filter.actor) {
      const p = args.add(filter.actor);
      where.push(`(source = ${p} OR target = ${p})`);
    }
    if (filter.from) where.push(`date >= ${args.add(filter.from)}`);
    if (filter.to) where.push(`date <> '' AND date <= ${args.add(filter.to + '\uffff')}`);
    const w = where.join(' AND ');
    const limit = Math.max(1, Math.min(1000, Math.floor(filter.limit ?? 50)));
    const rows = await this.q(
      `SELECT source, target, sum(events) AS events, sum(isum) / nullif(sum(events), 0) AS intensity, sum(quotes) AS quotes,
         sum(tsum) / nullif(sum(quotes), 0) AS tone, min(first) AS first, max(last) AS last FROM (
         SELECT source, target, sum(n) AS events, sum(total) AS isum, 0 AS quotes, 0::float8 AS tsum, min(nullif(date, '')) AS first, max(nullif(date, '')) AS last
           FROM dyad_events_day WHERE ${w} GROUP BY source, target
         UNION ALL
         SELECT source, target, 0, 0, sum(n), sum(total), min(nullif(date, '')), max(nullif(date, '')) FROM dyad_tone_day WHERE ${w} GROUP BY source, target) u
       GROUP BY source, target ORDER BY sum(events) + sum(quotes) DESC, source, target LIMIT ${args.add(limit)}`,
      args.values,
    );
    return rows.map(dyadSummaryRow);
  }

  async positions(filter: PositionFilter = {}): Promise<Page<StoredPosition>> {
    const limit = pageLimit(filter);
    const c = decodeCursor(filter.cursor);
    const where: string[] = [];
    const args = new Args();
    if (filter.actor) where.push(`p.actor_id = ${args.add(filter.actor)}`);
    if (filter.issue) where.push(`p.issue = ${args.add(filter.issue)}`);
    if (filter.from) where.push(`p.date >= ${args.add(filter.from)}`);
    if (filter.to) where.push(`p.date <= ${args.add(filter.to + '\uffff')}`);
    if (c) where.push(`(coalesce(p.date, ''), p.id) > (${args.add(String(c[0]))}, ${args.add(Number(c[1]))})`);
    const rows = await this.q(
      `SELECT p.*, a.title AS article_title, a.published FROM positions p JOIN articles a ON a.id = p.article_id
       ${whereSql(where)} ORDER BY coalesce(p.date, ''), p.id LIMIT ${args.add(limit + 1)}`,
      args.values,
    );
    return paginate(rows, limit, (r) => [r.date ?? '', Number(r.id)], positionRow);
  }

  async stats(): Promise<StoreStats> {
    const [r] = await this.q(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM actors) AS actors,
         (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM events) AS events`,
    );
    return { articles: Number(r.articles), actors: Number(r.actors), quotes: Number(r.quotes), events: Number(r.events) };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * An actor and everything affiliated to it, transitively (Peskov → Kremlin → RUS); actors
 * without an affiliation belong to their country. Same rule as the SQLite store.
 */
const members = (name: string, param: string) => `${name}(id) AS (SELECT ${param}::text COLLATE "C" UNION SELECT x.id FROM actors x JOIN ${name} m
  ON x.affiliation = m.id OR (x.affiliation IS NULL AND x.country = m.id AND x.id <> m.id))`;

/** A calendar day (YYYY-MM-DD…) as SQLite's date() reads it: out-of-range days roll over, nonsense is null. */
function sqliteDay(day: string | null): Date | null {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!m || +m[2] < 1 || +m[2] > 12 || +m[3] < 1 || +m[3] > 31) return null;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Period keys, identical to the SQLite store's: days, weeks starting on Monday, months. */
const PERIOD: Record<string, (day: string | null) => string | null> = {
  day: (day) => {
    const d = sqliteDay(day);
    return d && isoDay(d);
  },
  week: (day) => {
    const d = sqliteDay(day);
    if (!d) return null;
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return isoDay(d);
  },
  month: (day) => (day && /^\d{4}-\d{2}/.test(day) ? day.slice(0, 7) : null),
};

/** Numbered placeholders for a query built piece by piece. */
class Args {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(typeof v === 'string' ? noNul(v) : v);
    return '$' + this.values.length;
  }
}

/** Take transaction-scoped advisory locks on keys, in hash order, so that concurrent savers never deadlock. */
async function lockKeys(c: pg.PoolClient, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await c.query(
    `SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY h) s`,
    [[...new Set(keys)]],
  );
}

/** A query's phrase pairs (see phrasePairs); `whole`: they stand for every term of the query. */
interface PhrasePairs {
  keys: string;
  whole: boolean;
}

/**
 * The user's words as a tsquery: every word (or "quoted phrase") must match after stemming, like SQLite's ftsQuery.
 * Only letters and digits reach to_tsquery, so no input can inject tsquery operators.
 */
export function wordsTsQuery(q: string): string {
  return searchAlternatives(q)
    .map((alts) => {
      const phrases = alts.map((t) => (t.length > 1 ? `(${t.join(' <-> ')})` : t[0]));
      return phrases.length > 1 ? `(${phrases.join(' | ')})` : phrases[0];
    })
    .join(' & ');
}

/** PostgreSQL text cannot hold NUL characters; SQLite can. Drop them rather than fail the save. */
function noNul<T>(v: T): T {
  return (typeof v === 'string' && v.includes('\0') ? v.replaceAll('\0', '') : v) as T;
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => '\\' + m);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*)(:[^@/]*)?@/, (_m, user: string) => `//${user}@`);
}

function whereSql(where: string[]): string {
  return where.length ? 'WHERE ' + where.join(' AND ') : '';
}

const summaryCols = (t: string) =>
  `${t}.id, ${t}.seq, ${t}.title, ${t}.published, ${t}.publisher, ${t}.authors, ${t}.dateline, ${t}.url, ${t}.source, ${t}.duplicate_of, ${t}.ingested_at, substr(${t}.text, 1, 240) AS snippet, ${t}.n_mentions, ${t}.n_quotes, ${t}.n_events`;
const ACTOR_COLS = `a.id, a.name, a.type, a.role, a.country, a.affiliation, a.aliases, a.n_mentions AS mentions, a.n_articles AS articles`;

function actorSummary(r: Row): ActorSummary {
  return { ...actorRow(r), mentions: Number(r.mentions), articles: Number(r.articles) };
}

function paginate<T>(rows: Row[], limit: number, key: (r: Row) => unknown[], map: (r: Row) => T): Page<T> {
  const items = rows.slice(0, limit);
  return { items: items.map(map), next: rows.length > limit ? encodeCursor(key(items[items.length - 1])) : null };
}
