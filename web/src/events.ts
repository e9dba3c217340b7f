// One shape for an event on screen, whether it comes from the merged timeline (several reports)
// or straight from the stored events of one article.
import type { EventType, StoredEvent } from './api';

export interface Report {
  articleId: string;
  articleTitle: string | null;
  evidence: string;
  start: number;
}

export interface ShownEvent {
  key: string;
  type: EventType;
  source: string | null;
  target: string | null;
  modality: string;
  date: string | null;
  intensity: number;
  trigger: string;
  reports: Report[];
}

export function fromStored(e: StoredEvent): ShownEvent {
  return {
    key: `e${e.id}`,
    type: e.type,
    source: e.source,
    target: e.target,
    modality: e.modality,
    date: e.date,
    intensity: e.intensity,
    trigger: e.trigger.text,
    reports: [{ articleId: e.articleId, articleTitle: e.articleTitle, evidence: e.evidence, start: e.trigger.start }],
  };
}

/** A timeline entry from src/analyze: tolerant of stored-event and merged-event shapes. */
export function fromTimeline(x: Record<string, any>, i: number): ShownEvent {
  const reports: Report[] = Array.isArray(x.reports)
    ? x.reports.map((r: Record<string, any>) => ({
        articleId: String(r.articleId ?? r.article ?? ''),
        articleTitle: r.articleTitle ?? r.title ?? null,
        evidence: String(r.evidence ?? r.sentence?.text ?? r.text ?? ''),
        start: Number(r.trigger?.start ?? r.start ?? 0),
      }))
    : x.articleId
      ? [{ articleId: x.articleId, articleTitle: x.articleTitle ?? null, evidence: x.evidence ?? '', start: x.trigger?.start ?? 0 }]
      : [];
  return {
    key: String(x.id ?? `t${i}`),
    type: x.type,
    source: x.source ?? null,
    target: x.target ?? null,
    modality: x.modality ?? 'asserted',
    date: x.date ?? null,
    intensity: Number(x.intensity ?? 0),
    trigger: String(x.trigger?.text ?? x.trigger ?? ''),
    reports,
  };
}
