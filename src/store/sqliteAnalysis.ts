// SQLite side of the analysis queries (dyad series, dyad list, positions) and of saving the
// analysis rows of a document. SqliteStore delegates here; PostgreSQL mirrors the same SQL.
// Dyad queries read the per-day totals of migration 4 (dyad_events_day, dyad_tone_day), which
// the stores maintain on save; '' there stands for an unknown date.
import type Database from 'better-sqlite3';
import type { Document } from '../document.js';
import { dyadPoints, dyadSummaryRow, monthSpan, positionRow, positionRows, toneRows } from './analysisRows.js';
import { decodeCursor, encodeCursor, pageLimit, StoreError, type DyadFilter, type DyadPoint, type DyadQuery, type DyadSummary, type Page, type PositionFilter, type StoredPosition } from './store.js';
import type { Row } from './rows.js';

export function saveAnalysisRows(db: Database.Database, doc: Document): void {
  const tone = db.prepare(
    'INSERT OR IGNORE INTO statement_tone (article_id, quote_start, source, target, date, tone) VALUES (@article_id, @quote_start, @source, @target, @date, @tone)',
  );
  for (const r of toneRows(doc)) tone.run(r);
  const pos = db.prepare(
    `INSERT INTO positions (article_id, actor_id, issue, stance, date, evidence_start, evidence_end, evidence, via)
     VALUES (@article_id, @actor_id, @issue, @stance, @date, @evidence_start, @evidence_end, @evidence, @via)`,
  );
  for (const r of positionRows(doc)) pos.run(r);
}

/**
 * An actor and everything affiliated to it, transitively (Peskov → Kremlin → RUS). Actors
 * without an affiliation belong to their country.
 */
const MEMBERS = (name: string) => `${name}(id) AS (SELECT ? UNION SELECT x.id FROM actors x JOIN ${name} m
  ON x.affiliation = m.id OR (x.affiliation IS NULL AND x.country = m.id AND x.id <> m.id))`;

// Only dates precise enough for the period count: SQLite's date() would read a bare year
// ("2025") as a Julian day number, in 4707 BC.
const DAY = (c: string) => `${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'`;
const BUCKET = {
  day: (c: string) => `CASE WHEN ${DAY(c)} THEN date(substr(${c}, 1, 10)) END`,
  week: (c: string) => `CASE WHEN ${DAY(c)} THEN date(substr(${c}, 1, 10), 'weekday 0', '-6 days') END`,
  month: (c: string) => `CASE WHEN ${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(${c}, 1, 7) END`,
};

export function dyadSeries(db: Database.Database, q: DyadQuery): DyadPoint[] {
  const bucket = BUCKET[q.by ?? 'month'];
  if (!bucket) throw new StoreError(`unknown period "${q.by}": use day, week or month`, 'bad-request');
  const range: string[] = [];
  const args: unknown[] = [];
  if (q.from) (range.push('AND date >= ?'), args.push(q.from));
  if (q.to) (range.push('AND date <= ?'), args.push(q.to + '\uffff'));
  // The actor sets are resolved first: with literal id lists SQLite seeks the totals' primary
  // key; with IN (recursive CTE) it scans every row of the table.
  const members = (id: string) =>
    q.exact ? [id] : (db.prepare(`WITH RECURSIVE ${MEMBERS('m_set')} SELECT id FROM m_set`).all(id) as { id: string }[]).map((r) => r.id);
  const a = members(q.source);
  const b = members(q.target);
  const pair = `source IN (${a.map(() => '?').join(', ')}) AND target IN (${b.map(() => '?').join(', ')})`;
  const dyad = `${pair} AND date <> '' ${range.join(' ')}`;
  const span = (q.by ?? 'month') === 'month' ? monthSpan(q.from, q.to) : null;
  if (span) {
    // Whole months from the per-month totals, the days of partial months at either end from the per-day ones.
    const months: string[] = [];
    const monthArgs: unknown[] = [];
    if (span.first) (months.push('AND month >= ?'), monthArgs.push(span.first));
    if (span.last) (months.push('AND month <= ?'), monthArgs.push(span.last));
    const parts = (cols: string, monthTable: string, dayTable: string) => {
      const sql = [`SELECT month AS period, ${cols} FROM ${monthTable} WHERE ${pair} ${months.join(' ')}`];
      const all = [...a, ...b, ...monthArgs];
      if (q.from) (sql.push(`SELECT ${bucket('date')} AS period, ${cols} FROM ${dayTable} WHERE ${dyad} AND date < ?`), all.push(...a, ...b, ...args, span.first));
      if (q.to) (sql.push(`SELECT ${bucket('date')} AS period, ${cols} FROM ${dayTable} WHERE ${dyad} AND date >= ?`), all.push(...a, ...b, ...args, span.after));
      return { sql: sql.join(' UNION ALL '), all };
    };
    const e = parts('type, n, total', 'dyad_events_month', 'dyad_events_day');
    const t = parts('n, total', 'dyad_tone_month', 'dyad_tone_day');
    return dyadPoints(
      db.prepare(`SELECT period, type, sum(n) AS n, sum(total) AS total FROM (${e.sql}) GROUP BY period, type ORDER BY period, type`).all(...e.all) as Row[],
      db.prepare(`SELECT period, sum(n) AS n, sum(total) / sum(n) AS mean FROM (${t.sql}) GROUP BY period ORDER BY period`).all(...t.all) as Row[],
    );
  }
  const ev = db
    .prepare(`SELECT ${bucket('date')} AS period, type, sum(n) AS n, sum(total) AS total FROM dyad_events_day WHERE ${dyad} GROUP BY period, type`)
    .all(...a, ...b, ...args) as Row[];
  const tone = db
    .prepare(`SELECT ${bucket('date')} AS period, sum(n) AS n, sum(total) / sum(n) AS mean FROM dyad_tone_day WHERE ${dyad} GROUP BY period`)
    .all(...a, ...b, ...args) as Row[];
  return dyadPoints(ev, tone);
}

export function dyads(db: Database.Database, f: DyadFilter = {}): DyadSummary[] {
  const where: string[] = ['source IS NOT NULL', 'target IS NOT NULL', 'source <> target'];
  const args: unknown[] = [];
  if (f.actor) (where.push('(source = ? OR target = ?)'), args.push(f.actor, f.actor));
  if (f.from) (where.push('date >= ?'), args.push(f.from));
  if (f.to) (where.push("date <> '' AND date <= ?"), args.push(f.to + '\uffff'));
  const w = where.join(' AND ');
  const limit = Math.max(1, Math.min(1000, f.limit ?? 50));
  const rows = db
    .prepare(
      `SELECT source, target, sum(events) AS events, sum(isum) / nullif(sum(events), 0) AS intensity, sum(quotes) AS quotes,
         sum(tsum) / nullif(sum(quotes), 0) AS tone, min(first) AS first, max(last) AS last FROM (
         SELECT source, target, sum(n) AS events, sum(total) AS isum, 0 AS quotes, 0 AS tsum, min(nullif(date, '')) AS first, max(nullif(date, '')) AS last
           FROM dyad_events_day WHERE ${w} GROUP BY source, target
         UNION ALL
         SELECT source, target, 0, 0, sum(n), sum(total), min(nullif(date, '')), max(nullif(date, '')) FROM dyad_tone_day WHERE ${w} GROUP BY source, target)
       GROUP BY source, target ORDER BY sum(events) + sum(quotes) DESC, source, target LIMIT ?`,
    )
    .all(...args, ...args, limit) as Row[];
  return rows.map(dyadSummaryRow);
}

export function positions(db: Database.Database, f: PositionFilter = {}): Page<StoredPosition> {
  const limit = pageLimit(f);
  const c = decodeCursor(f.cursor);
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.actor) (where.push('p.actor_id = ?'), args.push(f.actor));
  if (f.issue) (where.push('p.issue = ?'), args.push(f.issue));
  if (f.from) (where.push('p.date >= ?'), args.push(f.from));
  if (f.to) (where.push('p.date <= ?'), args.push(f.to + '\uffff'));
  if (c) (where.push(`(coalesce(p.date, '') > ? OR (coalesce(p.date, '') = ? AND p.id > ?))`), args.push(c[0], c[0], c[1]));
  const rows = db
    .prepare(
      `SELECT p.*, a.title AS article_title, a.published FROM positions p JOIN articles a ON a.id = p.article_id
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY coalesce(p.date, ''), p.id LIMIT ?`,
    )
    .all(...args, limit + 1) as Row[];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(positionRow), next: rows.length > limit ? encodeCursor([last.date ?? '', last.id]) : null };
}
