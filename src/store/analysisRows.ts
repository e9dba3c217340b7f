// Rows of the analysis tables (migration 3: statement_tone, positions) shared by both engines:
// what a saved document contributes, and how result rows map to API objects.
import type { Document, EventType } from '../document.js';
import type { DyadPoint, DyadSummary, StoredPosition } from './store.js';
import type { Row } from './rows.js';

export interface ToneRow {
  article_id: string;
  quote_start: number;
  source: string;
  target: string;
  date: string | null;
  tone: number;
}

/** One row per quote and actor it is about (a speaker's words about themselves are left out). */
export function toneRows(doc: Document): ToneRow[] {
  const out: ToneRow[] = [];
  for (const q of doc.quotes) {
    if (!q.actor || typeof q.tone !== 'number') continue;
    for (const about of new Set(q.about)) {
      if (about === q.actor) continue;
      out.push({ article_id: doc.id, quote_start: q.start, source: q.actor, target: about, date: q.date ?? doc.published, tone: q.tone });
    }
  }
  return out;
}

export function positionRows(doc: Document) {
  return (doc.positions ?? []).map((p) => ({
    article_id: doc.id,
    actor_id: p.actor,
    issue: p.issue,
    stance: p.stance,
    date: p.date ?? doc.published,
    evidence_start: p.evidence.start,
    evidence_end: p.evidence.end,
    evidence: p.evidence.text,
    via: p.via,
  }));
}

export function positionRow(r: Row): StoredPosition {
  return {
    id: Number(r.id),
    articleId: String(r.article_id),
    articleTitle: r.article_title == null ? null : String(r.article_title),
    published: r.published == null ? null : String(r.published),
    actor: String(r.actor_id),
    issue: String(r.issue),
    stance: r.stance as StoredPosition['stance'],
    date: r.date == null ? null : String(r.date),
    evidence: { start: Number(r.evidence_start), end: Number(r.evidence_end), text: String(r.evidence) },
    via: r.via as StoredPosition['via'],
  };
}

/**
 * How a monthly dyad series between `from` and `to` (inclusive date prefixes, as the per-day
 * queries compare them) splits over the totals of migration 8: whole months from the per-month
 * totals (`first` to `last`, either open), and from the per-day totals only the days before
 * `first` (when `from` is set) and from `after` on (when `to` is set). Null when a bound is not
 * a date (then only the per-day totals can answer) or no whole month lies in between.
 */
export function monthSpan(from?: string | null, to?: string | null): { first: string | null; last: string | null; after: string | null } | null {
  const ok = (d: string) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d);
  if ((from && !ok(from)) || (to && !ok(to))) return null;
  const month = (y: number, m: number) => `${String(y + Math.floor((m - 1) / 12)).padStart(4, '0')}-${String((((m - 1) % 12) + 12) % 12 + 1).padStart(2, '0')}`;
  const shift = (ym: string, by: number) => month(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) + by);
  // A month is whole when its earliest date ('YYYY-MM') is >= from and its latest is <= to.
  const first = !from ? null : from.length === 4 ? `${from}-01` : from.length === 7 ? from : shift(from.slice(0, 7), 1);
  const last = !to ? null : to.length === 4 ? `${to}-12` : to.length === 7 ? to : shift(to.slice(0, 7), -1);
  if (first && last && first > last) return null;
  return { first, last, after: last && shift(last, 1) };
}

/** Merge per-type event rows and tone rows (both keyed by period) into the dyad series. */
export function dyadPoints(eventRows: Row[], toneRowsByPeriod: Row[]): DyadPoint[] {
  const points = new Map<string, DyadPoint & { sum: number }>();
  const get = (period: string) => {
    let p = points.get(period);
    if (!p) points.set(period, (p = { period, events: 0, byType: {}, intensity: null, quotes: 0, tone: null, sum: 0 }));
    return p;
  };
  for (const r of eventRows) {
    if (r.period == null) continue;
    const p = get(String(r.period));
    const n = Number(r.n);
    p.byType[r.type as EventType] = n;
    p.events += n;
    p.sum += Number(r.total);
  }
  for (const r of toneRowsByPeriod) {
    if (r.period == null) continue;
    const p = get(String(r.period));
    p.quotes = Number(r.n);
    p.tone = Math.round(Number(r.mean) * 100) / 100;
  }
  return [...points.values()]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map(({ sum, ...p }) => ({ ...p, intensity: p.events ? Math.round((sum / p.events) * 100) / 100 : null }));
}

export function dyadSummaryRow(r: Row): DyadSummary {
  const num = (v: unknown) => (v == null ? null : Math.round(Number(v) * 100) / 100);
  return {
    source: String(r.source),
    target: String(r.target),
    events: Number(r.events ?? 0),
    intensity: num(r.intensity),
    quotes: Number(r.quotes ?? 0),
    tone: num(r.tone),
    first: r.first == null ? null : String(r.first),
    last: r.last == null ? null : String(r.last),
  };
}
