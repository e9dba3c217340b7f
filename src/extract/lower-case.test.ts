import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lowerCaseAligned } from './lower-case.js';

test('a text lower-cased once gives every slice its own lower case, or null when it could not', () => {
  const text = 'The U.S. Envoy, ÉLYSÉE’s Guest, Said: “NO.”';
  const lower = lowerCaseAligned(text)!;
  for (let a = 0; a < text.length; a++) for (let b = a; b <= text.length; b++) assert.equal(lower.slice(a, b), text.slice(a, b).toLowerCase());
  assert.equal(lowerCaseAligned('İstanbul'), null); // İ lower-cases to two code units
  assert.equal(lowerCaseAligned('ΟΔΟΣ ΣΟΦΙΑΣ'), null); // a final Σ depends on the next letter
  assert.equal(lowerCaseAligned('𐐀 Deseret'), null); // a slice could split the pair
});
