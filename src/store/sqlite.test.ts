import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from './sqlite.js';
import { emptyDocument } from '../document.js';
import { documentId } from '../ingest/fingerprint.js';

function doc(text: string, published: string | null = '2025-08-22') {
  return { ...emptyDocument({ id: documentId(text), text }), title: text.slice(0, 20), published };
}

test('stores a document once, lists, searches and finds near duplicates', async () => {
  const s = new SqliteStore(':memory:');
  assert.deepEqual(await s.migrate(), [1]);
  assert.deepEqual(await s.migrate(), []);
  const body = [
    'Russian forces launched a large drone and missile attack on Kyiv overnight, officials said on Thursday, hours after the leaders spoke by phone about a ceasefire and a summit.',
    'The air force said it shot down most of the drones, but debris fell on several districts of the capital and damaged apartment buildings, a school and a power line.',
    'The mayor said rescue crews were still searching the rubble in the morning and that the city would open shelters for families who lost their homes in the strikes.',
    'European leaders condemned the attack and called for new sanctions, while the Kremlin said the strikes were aimed only at military targets and defence factories.',
    'Ukraine\'s foreign minister said the attack showed that Moscow was not interested in peace and urged partners to speed up deliveries of air-defence systems before winter.',
    'In Washington, the White House said the president had been briefed and would speak to European leaders later in the week about the next round of talks and about security guarantees.',
    'Analysts said the timing of the strike, hours after the call, was meant to show that Russia would keep up the pressure on the battlefield while the diplomacy went on.',
    'The Kremlin spokesman told reporters that a meeting between the two presidents was possible but that it needed careful preparation and could not happen within weeks.',
  ].join('\n\n');
  const a = doc(body);
  assert.equal((await s.saveDocument(a)).status, 'stored');
  assert.equal((await s.saveDocument(a)).status, 'duplicate');
  const near = doc(body.replace('Thursday', 'Friday'));
  const r = await s.saveDocument(near);
  assert.equal(r.status, 'near-duplicate');
  assert.equal(r.duplicateOf, a.id);
  const list = await s.listArticles({ limit: 1 });
  assert.equal(list.items.length, 1);
  assert.ok(list.next);
  const rest = await s.listArticles({ limit: 1, cursor: list.next });
  assert.equal(rest.items.length, 1);
  assert.notEqual(rest.items[0].id, list.items[0].id);
  const hits = await s.searchArticles('drone attack');
  assert.equal(hits.items.length, 2);
  assert.match(hits.items[0].excerpt, /drone/);
  assert.equal((await s.searchArticles('tariffs')).items.length, 0);
  assert.equal((await s.getArticle(a.id))?.text, body);
  await s.close();
});
