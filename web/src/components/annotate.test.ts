import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotate } from './annotate';
import type { Document } from '../api';

const text = 'Putin said "we will not retreat" on Monday.';
const doc = {
  id: 'x', title: null, published: '2025-08-22', publisher: null, authors: [], dateline: null, text,
  sentences: [], tokens: [], entities: [], actors: [],
  mentions: [{ start: 0, end: 5, text: 'Putin', actor: 'vladimir-putin', type: 'PERSON' }],
  quotes: [{ start: 12, end: 31, text: 'we will not retreat', direct: true, speaker: { start: 0, end: 5, text: 'Putin' }, actor: 'vladimir-putin', cue: { start: 6, end: 10, text: 'said' }, about: [] }],
  times: [{ start: 36, end: 42, text: 'Monday', value: '2025-08-18' }],
  events: [{ type: 'RETREAT', source: 'vladimir-putin', target: null, modality: 'negated', date: null, intensity: 0, trigger: { start: 24, end: 31, text: 'retreat' }, sentence: { start: 0, end: 43 } }],
} as unknown as Document;

test('pieces cover the text exactly once, in order', () => {
  const pieces = annotate(doc, { quotes: true, mentions: true, events: true, times: true });
  assert.equal(pieces.map((p) => text.slice(p.start, p.end)).join(''), text);
  for (let i = 1; i < pieces.length; i++) assert.equal(pieces[i].start, pieces[i - 1].end);
});

test('overlapping layers are all present on the piece they share', () => {
  const pieces = annotate(doc, { quotes: true, mentions: true, events: true, times: true });
  const retreat = pieces.find((p) => text.slice(p.start, p.end) === 'retreat')!;
  assert.deepEqual(retreat.marks.map((m) => m.kind).sort(), ['event', 'quote']);
  const putin = pieces.find((p) => text.slice(p.start, p.end) === 'Putin')!;
  assert.deepEqual(putin.marks.map((m) => m.kind).sort(), ['mention', 'speaker']);
  const monday = pieces.find((p) => text.slice(p.start, p.end) === 'Monday')!;
  assert.deepEqual(monday.marks.map((m) => m.kind), ['time']);
});

test('switched-off layers and out-of-range spans draw nothing', () => {
  const broken = { ...doc, mentions: [...doc.mentions, { start: 40, end: 400, text: '?', actor: 'x', type: 'PERSON' }] } as Document;
  const pieces = annotate(broken, { quotes: false, mentions: true, events: false, times: false });
  assert.deepEqual(pieces.flatMap((p) => p.marks.map((m) => m.kind)), ['mention']);
});
