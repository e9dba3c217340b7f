import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { documentId, hammingDistance, NEAR_DUPLICATE_DISTANCE, plainWordHashes, simhash, simhashBands, wordHashes } from './fingerprint.js';

const story = [
  'Russian and Ukrainian delegations met in Istanbul on Friday for the first direct talks in more than three years, agreeing to exchange a thousand prisoners of war each.',
  'The meeting at the Dolmabahce Palace lasted less than two hours and produced no agreement on a ceasefire, which Kyiv and its European allies had demanded before any further negotiations.',
  'Turkish Foreign Minister Hakan Fidan opened the session by telling both sides that there were two paths ahead, one leading to peace and the other to more destruction and death.',
  'The Russian delegation was led by Vladimir Medinsky, an aide to President Vladimir Putin, while Ukraine sent its defence minister, Rustem Umerov, with a team of military officers.',
  'Officials from both countries said afterwards that they would present detailed proposals for a ceasefire at a later meeting, without naming a date or a place for it.',
  'In Washington, President Trump said that nothing would happen until he met Putin himself, and European leaders threatened new sanctions if Moscow refused an unconditional truce.',
].join('\n\n');
const other =
  'NATO leaders meeting in The Hague agreed on Wednesday to raise military spending to five percent of economic output within a decade, after months of pressure from Washington, while Spain won an exception and several members questioned whether the target could be met in time.';

test('exact duplicates share an id whatever the case, quote marks or spacing', () => {
  assert.equal(documentId('Peskov said: “No.”\n\nThat’s all.'), documentId('peskov said: "no."  that\'s all.'));
  assert.notEqual(documentId('Peskov said no.'), documentId('Peskov said yes.'));
});

test('SimHash: a re-published story with small edits is near, an unrelated story is far', () => {
  const h = simhash(story);
  assert.match(h, /^[0-9a-f]{16}$/);
  for (const edited of [story.replace('on Friday', 'on Friday afternoon'), story + '\n\nThis story has been updated.', story.replace('Ukraine sent', 'Kyiv sent')])
    assert.ok(hammingDistance(h, simhash(edited)) <= NEAR_DUPLICATE_DISTANCE, edited.slice(-60));
  assert.ok(hammingDistance(h, simhash(other)) > NEAR_DUPLICATE_DISTANCE * 3);
});

test('bands: hashes within the near-duplicate distance always share a band', () => {
  const a = 'f0f0f0f0f0f0f0f0';
  const b = 'f0f1f0f0f0f1f0f1'; // 3 bits differ, in three different bands
  assert.equal(hammingDistance(a, b), 3);
  assert.ok(simhashBands(a).some((x) => simhashBands(b).includes(x)));
});

test('the one-pass word hashing of plain text finds exactly the words the Unicode pattern finds', () => {
  assert.deepEqual(plainWordHashes(story), wordHashes(story));
  assert.deepEqual(plainWordHashes('“No,” Peskov said — it’s 2025… ok'), wordHashes('“No,” Peskov said — it’s 2025… ok'));
  assert.deepEqual(plainWordHashes(''), []);
  // Letters outside ASCII take the general path: their letter class and lower case need Unicode.
  assert.equal(plainWordHashes('Zelensky visited Kyiv. Ще не вмерла.'), null);
  assert.equal(plainWordHashes('ΣΟΦΙΑ'), null);
  assert.deepEqual(plainWordHashes('BOGOTÁ, Colombia — Éric Zemmour'), wordHashes('bogotá, colombia — éric zemmour'));
  const chars = [...'aZz09 _-.,\n\t\'"', '\u2019', '\u201c', '\u2014', '\u00a0', '\u2026', 'é', 'É', 'ß', 'ÿ', '×', '÷', 'À', 'Þ', 'Ω'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 80 }), (cs) => {
      const text = cs.join('');
      const plain = plainWordHashes(text);
      if (text.includes('Ω')) assert.equal(plain, null);
      else assert.deepEqual(plain, wordHashes(text));
    }),
    { numRuns: 500 },
  );
});
