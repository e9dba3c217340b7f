import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cueFinder } from './cue-finder.js';

const TEXT = 'He said-so, -said, said’ 𝐀said said𝐀 said. According\n\tto him; according  to; In the words of\u00a0Bob, she called  for calls on X. Told, pointed outright, pointed out';
const found = (forms: string[], text = TEXT) => cueFinder(forms)(text).map((m) => [text.slice(m.start, m.end), m.raw]);

test('cues are whole words with any blanks between their words; the longest form wins', () => {
  const forms = ['said', 'According to', 'according to', 'in the words of', 'In the words of', 'called for', 'calls on', 'told', 'pointed', 'pointed out'];
  assert.deepEqual(
    found(forms).map(([, raw]) => raw),
    ['said', 'According\n\tto', 'according  to', 'In the words of', 'called  for', 'calls on', 'pointed', 'pointed out'],
  );
});

test('forms with other characters fall back to the regular expression, with the same matches', () => {
  const forms = ['said', 'according to', 'called for', 'pointed', 'pointed out'];
  assert.deepEqual(found([...forms, 'x.y']), found(forms));
  assert.deepEqual(found(['U.S. said'], 'The U.S. said so; U.S.  said.'), [['U.S. said', 'U.S. said'], ['U.S.  said', 'U.S.  said']]);
});
