import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fixture, WAR_ACTORS, type FixtureOptions } from '../../test/fixtures/document.js';
import { eventsStage } from '../extract/events.js';
import { positionsStage } from '../extract/positions.js';
import { SqliteStore } from '../store/sqlite.js';
import { buildBrief, renderHtml, renderMarkdown } from './brief.js';
import { dyadSeries } from './dyads.js';
import { exportSystem } from './export.js';
import { actorPositions, reversals } from './positions.js';
import { timeline } from './timeline.js';
import { scoreTone } from './tone.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-analyze-'));
const store = new SqliteStore(join(dir, 'a.db'));
const events = eventsStage({});
const positions = positionsStage({});

function doc(id: string, text: string, o: Omit<FixtureOptions, 'actors'>) {
  const d = fixture(text, { ...o, id, actors: WAR_ACTORS });
  d.title = `Article ${id} <b>`;
  events.run(d);
  positions.run(d);
  return d;
}

before(async () => {
  await store.migrate();
  await store.saveDocuments([
    // Two outlets report the same barrage, a day apart in their datelines.
    doc('a1', 'Russia attacked Kyiv with drones overnight. Trump said: “Putin is a nice guy, we have a great relationship.”', {
      published: '2025-02-10',
      quotes: [{ text: 'Putin is a nice guy, we have a great relationship.', actor: 'donald-trump', about: ['vladimir-putin'] }],
    }),
    doc('a2', 'Russia launched a massive attack on Ukraine, officials said.', { published: '2025-02-11' }),
    doc('a3', 'Trump said: “I disagree with sending long-range missiles into Russia, it is escalating the war.”', {
      published: '2024-12-12',
      quotes: [{ text: 'I disagree with sending long-range missiles into Russia, it is escalating the war.', actor: 'donald-trump', about: ['RUS'] }],
    }),
    doc('a4', 'Trump said: “Putin is absolutely crazy. Ukraine should be allowed to use long-range missiles and hit Russia.” The U.S. imposed sanctions on Russia.', {
      published: '2025-07-20',
      quotes: [{ text: 'Putin is absolutely crazy. Ukraine should be allowed to use long-range missiles and hit Russia.', actor: 'donald-trump', about: ['vladimir-putin'] }],
    }),
  ]);
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('one event, many reports: the same attack from two articles a day apart is one timeline entry', async () => {
  const tl = await timeline(store, {});
  const attacks = tl.filter((e) => e.type === 'ASSAULT' && e.source === 'RUS' && e.target === 'UKR');
  assert.equal(attacks.length, 1);
  assert.deepEqual(attacks[0].articles.sort(), ['a1', 'a2']);
  assert.equal(attacks[0].date, '2025-02-10');
});

test('events further apart than a day stay separate', async () => {
  await store.saveDocument(doc('a5', 'Russia attacked Ukraine again.', { published: '2025-02-20' }));
  const tl = await timeline(store, { type: 'ASSAULT' });
  assert.equal(tl.filter((e) => e.source === 'RUS' && e.target === 'UKR').length, 2);
});

test('tone lexicon: warm and hostile words, negation flips', () => {
  assert.ok(scoreTone('absolutely crazy') < 0);
  assert.ok(scoreTone('We get a lot of bulls— thrown at us') < 0);
  assert.ok(scoreTone('he was nice') > 0);
  assert.ok(scoreTone('I am not happy') < 0);
  assert.equal(scoreTone('He spoke on Tuesday.'), 0);
});

test('dyad series: Trump→Putin tone turns from warm to hostile; roll-up to states counts the sanctions', async () => {
  const s = await dyadSeries(store, 'donald-trump', 'vladimir-putin', { by: 'month' });
  const feb = s.points.find((p) => p.period === '2025-02');
  const jul = s.points.find((p) => p.period === '2025-07');
  assert.ok(feb && feb.tone !== null && feb.tone > 0, 'warm in February');
  assert.ok(jul && jul.tone !== null && jul.tone < 0, 'hostile in July');
  const states = await dyadSeries(store, 'USA', 'RUS', { by: 'month' });
  const julStates = states.points.find((p) => p.period === '2025-07');
  assert.equal(julStates?.byType.SANCTION, 1);
  assert.ok((julStates?.intensity ?? 0) < 0);
  const week = await dyadSeries(store, 'RUS', 'UKR', { by: 'week' });
  assert.deepEqual(week.points.map((p) => p.period), ['2025-02-10', '2025-02-17']);
});

test('positions and a reversal with both pieces of evidence', async () => {
  const stands = await actorPositions(store, 'donald-trump');
  const lr = stands.find((s) => s.issue === 'long-range-strikes');
  assert.equal(lr?.current, 'supports');
  const revs = await reversals(store, { actor: 'donald-trump' });
  const r = revs.find((x) => x.issue === 'long-range-strikes');
  assert.ok(r, 'reversal found');
  assert.equal(r.before.stance, 'opposes');
  assert.equal(r.before.period, '2024-12');
  assert.equal(r.after.stance, 'supports');
  assert.match(r.before.evidence[0].evidence.text, /disagree/);
  assert.match(r.after.evidence[0].evidence.text, /allowed to use long-range/);
});

test('brief cites articles and the HTML escapes article content', async () => {
  const b = await buildBrief(store, { actor: 'donald-trump' });
  const md = renderMarkdown(b);
  assert.match(md, /## Reversals/);
  assert.match(md, /article:a3/);
  const html = renderHtml(b);
  assert.ok(!html.includes('<b>'), 'titles are escaped');
  assert.match(html, /Article a3 &lt;b&gt;/);
});

test('brief: an untitled article is cited by its first words, and HTML citations link to the reader', async () => {
  const other = new SqliteStore(join(dir, 'untitled.db'));
  try {
    await other.migrate();
    const d = fixture('Trump said: “Putin is absolutely crazy and the war must stop now.” The U.S. imposed sanctions on Russia.', {
      id: 'u1',
      published: '2025-01-23',
      actors: WAR_ACTORS,
      quotes: [{ text: 'Putin is absolutely crazy and the war must stop now.', actor: 'donald-trump', about: ['vladimir-putin'] }],
    });
    d.title = null;
    events.run(d);
    positions.run(d);
    await other.saveDocument(d);
    const b = await buildBrief(other, { actor: 'donald-trump' });
    assert.equal(b.labels.u1, 'Trump said: “Putin is absolutely crazy and the…');
    const md = renderMarkdown(b);
    assert.match(md, /\[Trump said: “Putin is absolutely crazy and the…, 2025-01-23\]\(article:u1\)/);
    assert.doesNotMatch(md, /\[u1,/);
    const html = renderHtml(b);
    assert.match(html, /<cite data-article="u1"><a href="\/#\/article\/u1">Trump said: “Putin is absolutely crazy and the…<\/a>, 2025-01-23<\/cite>/);
  } finally {
    await other.close();
  }
});

test('brief: citations of titled articles keep their titles, and link to the reader in HTML', async () => {
  const b = await buildBrief(store, { actor: 'donald-trump' });
  assert.deepEqual(b.labels, {});
  assert.match(renderHtml(b), /<a href="\/#\/article\/a3">Article a3 &lt;b&gt;<\/a>/);
});

test('brief: an event without a known source names it "(unknown)", not a bare dash', async () => {
  const b = await buildBrief(store, { actor: 'donald-trump' });
  const report = { trigger: { start: 0, end: 9, text: 'discussed' } };
  const orphan = { type: 'CONSULT', source: null, target: 'donald-trump', date: '2025-02-19', modality: 'asserted', intensity: 2, reports: [report], cites: [] };
  const withOrphan = { ...b, names: { ...b.names, 'donald-trump': 'Donald Trump' }, timeline: [orphan as unknown as (typeof b.timeline)[number]] };
  assert.match(renderMarkdown(withOrphan), /\*\*2025-02-19\*\* \(unknown\) CONSULT Donald Trump/);
  assert.doesNotMatch(renderMarkdown(withOrphan), /\*\* — CONSULT/);
  assert.match(renderHtml(withOrphan), /<\/strong> \(unknown\) CONSULT Donald Trump/);
});

test('exports: JSON, CSV and GraphML', async () => {
  const json = JSON.parse(await exportSystem(store, 'json'));
  assert.ok(json.events.length >= 3 && json.dyads.length >= 1 && json.actors.length >= 1);
  const csv = await exportSystem(store, 'csv', { table: 'events' });
  assert.match(csv.split('\n')[0], /^id,articleId,articleTitle/);
  const graph = await exportSystem(store, 'graphml');
  assert.match(graph, /<edge id="e0" source="[^"]+" target="[^"]+">/);
  await assert.rejects(exportSystem(store, 'xml' as never), /unknown export format/);
});

test('a single narrative sentence does not make a reversal', async () => {
  const dir2 = mkdtempSync(join(tmpdir(), 'parley-rev-'));
  const s2 = new SqliteStore(join(dir2, 'r.db'));
  try {
    await s2.migrate();
    await s2.saveDocuments([
      doc('r1', 'Trump said: “We support sanctions on Russia.”', { published: '2025-01-10', quotes: [{ text: 'We support sanctions on Russia.', actor: 'donald-trump' }] }),
      doc('r2', 'Trump opposed sanctions on Russia.', { published: '2025-05-10' }),
    ]);
    assert.deepEqual(await reversals(s2, { actor: 'donald-trump' }), []);
    await s2.saveDocument(doc('r3', 'Trump said: “I oppose sanctions on Russia.”', { published: '2025-05-12', quotes: [{ text: 'I oppose sanctions on Russia.', actor: 'donald-trump' }] }));
    const [r] = await reversals(s2, { actor: 'donald-trump' });
    assert.deepEqual([r.issue, r.before.stance, r.after.stance], ['sanctions', 'supports', 'opposes']);
  } finally {
    await s2.close();
    rmSync(dir2, { recursive: true, force: true });
  }
});
