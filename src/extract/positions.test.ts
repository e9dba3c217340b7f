import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, WAR_ACTORS } from '../../test/fixtures/document.js';
import { findPositions } from './positions.js';

const positions = (text: string, quotes: { text: string; actor: string; date?: string }[] = []) =>
  findPositions(fixture(text, { actors: WAR_ACTORS, quotes, published: '2025-08-22' })).map((p) => [p.actor, p.issue, p.stance, p.via]);

test('a quote naming an issue gives its speaker a stance; a negator flips the cue', () => {
  const q = 'I disagree very vehemently with sending missiles hundreds of miles into Russia.';
  assert.deepEqual(positions(`Trump said: “${q}”`, [{ text: q, actor: 'donald-trump' }]), [['donald-trump', 'long-range-strikes', 'opposes', 'quote']]);
  const q2 = 'We do not support sanctions on Russia.';
  assert.deepEqual(positions(`Trump said: “${q2}”`, [{ text: q2, actor: 'donald-trump' }]), [['donald-trump', 'sanctions', 'opposes', 'quote']]);
  const q3 = 'Ukraine is not allowed to play offense.';
  assert.deepEqual(positions(`Trump said: “${q3}”`, [{ text: q3, actor: 'donald-trump' }]), [['donald-trump', 'long-range-strikes', 'supports', 'quote']]);
});

test('conditional support', () => {
  const q = 'We support a ceasefire only if Russia withdraws.';
  assert.deepEqual(positions(`Zelensky said: “${q}”`, [{ text: q, actor: 'volodymyr-zelensky' }]), [['volodymyr-zelensky', 'ceasefire', 'conditional', 'quote']]);
});

test('"that idea was rebuffed by X": the agent opposes the issue of the sentence before', () => {
  const text = 'Officials are discussing a peacekeeping force that would deter attacks. Even that idea was quickly rebuffed by the Kremlin.';
  assert.deepEqual(positions(text), [['kremlin', 'peacekeeping-force', 'opposes', 'sentence']]);
});

test('a narrative stance belongs to the one urging, not to the one pressed to agree', () => {
  assert.deepEqual(positions('Trump urged a ceasefire on Monday.'), [['donald-trump', 'ceasefire', 'supports', 'sentence']]);
  assert.deepEqual(positions('Trump tried to coax Putin to agree to a ceasefire.'), [['donald-trump', 'ceasefire', 'supports', 'sentence']]);
  assert.deepEqual(positions('The talks were an attempt to coax Putin to agree to a ceasefire.'), []);
});

test('quotes get a tone', () => {
  const doc = fixture('Trump said: “Putin is absolutely crazy.”', { actors: WAR_ACTORS, quotes: [{ text: 'Putin is absolutely crazy.', actor: 'donald-trump' }] });
  findPositions(doc);
  assert.ok((doc.quotes[0].tone ?? 0) < 0);
});

test('acts show stances; a sentence already read as a stance is not counted twice', async () => {
  const { codeEvents } = await import('./events.js');
  const doc = fixture('Trump resumed arms shipments to Ukraine. The White House has put arms deliveries to Ukraine on pause.', { actors: WAR_ACTORS });
  doc.events = codeEvents(doc);
  const ps = findPositions(doc).map((p) => [p.actor, p.issue, p.stance, p.via]);
  assert.deepEqual(ps, [
    ['white-house', 'arms-supply', 'opposes', 'sentence'],
    ['donald-trump', 'arms-supply', 'supports', 'event'],
  ]);
});
