// One event, many reports: events of the same type between the same actors whose dates are at
// most one day apart (chained) are one real-world event, whichever outlet reported it.
import type { EventType, Modality } from '../document.js';
import type { StoredEvent } from '../store/store.js';

/** Types where "X with Y" and "Y with X" are the same event. */
const SYMMETRIC: ReadonlySet<EventType> = new Set(['CONSULT', 'COOPERATE', 'AGREE']);

export interface EventReport {
  eventId: number;
  articleId: string;
  articleTitle: string | null;
  published: string | null;
  trigger: { start: number; end: number; text: string };
  sentence: { start: number; end: number };
  evidence: string;
  modality: Modality;
  date: string | null;
}

export interface MergedEvent {
  type: EventType;
  source: string | null;
  target: string | null;
  /** Earliest date among the reports. */
  date: string | null;
  lastDate: string | null;
  /** The most definite modality reported (asserted beats planned beats hypothetical …). */
  modality: Modality;
  intensity: number;
  articles: string[];
  reports: EventReport[];
}

const CERTAINTY: Modality[] = ['asserted', 'planned', 'threatened', 'hypothetical', 'negated'];

function dayNumber(date: string | null): number | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  return Math.floor(Date.parse(date.slice(0, 10) + 'T00:00:00Z') / 86_400_000);
}

function pairKey(e: StoredEvent): string {
  const ends = [e.source ?? '', e.target ?? ''];
  if (SYMMETRIC.has(e.type)) ends.sort();
  return `${e.type}|${ends.join('>')}|${e.modality === 'negated' ? 'neg' : ''}`;
}

export function mergeEvents(events: StoredEvent[]): MergedEvent[] {
  const groups = new Map<string, StoredEvent[]>();
  for (const e of events) {
    const k = pairKey(e);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const out: MergedEvent[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id);
    let cluster: StoredEvent[] = [];
    let lastDay: number | null = null;
    const flush = () => {
      if (cluster.length) out.push(mergedOf(cluster));
      cluster = [];
    };
    for (const e of g) {
      const d = dayNumber(e.date);
      // Undated or month-only events merge only with reports of exactly the same date string.
      // Undated reports are one event only within one article: nothing ties two articles' undated reports.
      const prev = cluster[cluster.length - 1];
      const joins =
        cluster.length &&
        (d !== null && lastDay !== null ? d - lastDay <= 1 : e.date !== null ? e.date === prev.date : prev.date === null && prev.articleId === e.articleId);
      if (!joins) flush();
      cluster.push(e);
      lastDay = d;
    }
    flush();
  }
  // Dated events in order; undated ones after them (their place in time is unknown).
  return out.sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || b.reports.length - a.reports.length);
}

function mergedOf(c: StoredEvent[]): MergedEvent {
  const modality = CERTAINTY.find((m) => c.some((e) => e.modality === m)) ?? c[0].modality;
  return {
    type: c[0].type,
    source: c[0].source,
    target: c[0].target,
    date: c[0].date,
    lastDate: c[c.length - 1].date,
    modality,
    intensity: Math.round((c.reduce((s, e) => s + e.intensity, 0) / c.length) * 10) / 10,
    articles: [...new Set(c.map((e) => e.articleId))],
    reports: c.map((e) => ({
      eventId: e.id,
      articleId: e.articleId,
      articleTitle: e.articleTitle,
      published: e.published,
      trigger: e.trigger,
      sentence: e.sentence,
      evidence: e.evidence,
      modality: e.modality,
      date: e.date,
    })),
  };
}
