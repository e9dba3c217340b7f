// Cuts an article's text into pieces at every layer boundary, so overlapping layers (a mention
// inside a quote, a trigger inside both) can be drawn at once. Offsets index the text exactly.
import type { Document, Event, Mention, Quote, TimeExpr } from '../api';

export type Mark =
  | { kind: 'quote'; i: number; q: Quote }
  | { kind: 'mention'; i: number; m: Mention }
  | { kind: 'event'; i: number; e: Event }
  | { kind: 'time'; i: number; t: TimeExpr }
  | { kind: 'speaker'; i: number; q: Quote };

export interface Piece {
  start: number;
  end: number;
  marks: Mark[];
}

export interface Layers {
  quotes: boolean;
  mentions: boolean;
  events: boolean;
  times: boolean;
}

function valid(s: { start: number; end: number }, n: number): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && s.start < s.end;
}

export function annotate(doc: Document, layers: Layers): Piece[] {
  const n = doc.text.length;
  const spans: { start: number; end: number; mark: Mark }[] = [];
  if (layers.quotes)
    doc.quotes.forEach((q, i) => {
      if (valid(q, n)) spans.push({ start: q.start, end: q.end, mark: { kind: 'quote', i, q } });
      if (q.speaker && valid(q.speaker, n)) spans.push({ start: q.speaker.start, end: q.speaker.end, mark: { kind: 'speaker', i, q } });
    });
  if (layers.mentions) doc.mentions.forEach((m, i) => valid(m, n) && spans.push({ start: m.start, end: m.end, mark: { kind: 'mention', i, m } }));
  if (layers.events) doc.events.forEach((e, i) => valid(e.trigger, n) && spans.push({ start: e.trigger.start, end: e.trigger.end, mark: { kind: 'event', i, e } }));
  if (layers.times) doc.times.forEach((t, i) => valid(t, n) && spans.push({ start: t.start, end: t.end, mark: { kind: 'time', i, t } }));

  const cuts = new Set<number>([0, n]);
  for (const s of spans) (cuts.add(s.start), cuts.add(s.end));
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: spans sorted by start enter, leave when their end is passed.
  spans.sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let active: typeof spans = [];
  let k = 0;
  for (let p = 0; p < points.length - 1; p++) {
    const start = points[p];
    const end = points[p + 1];
    active = active.filter((s) => s.end > start);
    while (k < spans.length && spans[k].start <= start) {
      if (spans[k].end > start) active.push(spans[k]);
      k++;
    }
    pieces.push({ start, end, marks: active.map((s) => s.mark) });
  }
  return pieces;
}
