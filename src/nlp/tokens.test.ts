import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize, wink } from './tokens.js';

const sentencesOf = (text: string) => tokenize(text).sentences.map((s) => text.slice(s.start, s.end));

test('token offsets index the text exactly, including curly quotes and contractions', () => {
  const text = '“It’s like a great team,” Trump posted. He can’t stop the 3½-year-long war.';
  const { tokens } = tokenize(text);
  assert.ok(tokens.length > 15);
  for (const t of tokens) {
    const s = text.slice(t.start, t.end);
    assert.ok(s.length > 0 && !/^\s|\s$/.test(s), `token ${JSON.stringify(s)}`);
  }
  assert.equal(text.slice(tokens[0].start, tokens[0].end), '“');
  const trump = tokens.find((t) => text.slice(t.start, t.end) === 'Trump')!;
  assert.equal(trump.pos, 'PROPN');
  const posted = tokens.find((t) => text.slice(t.start, t.end) === 'posted')!;
  assert.equal(posted.lemma, 'post');
  assert.deepEqual([...new Set(tokens.map((t) => t.sentence))], [0, 1]);
});

test('abbreviations do not end sentences; paragraphs always do', () => {
  assert.deepEqual(sentencesOf('Gen. Mark Milley met Mr. Putin in the U.S. capital. Then he left.'), [
    'Gen. Mark Milley met Mr. Putin in the U.S. capital.',
    'Then he left.',
  ]);
  assert.deepEqual(sentencesOf('Executive Summary\n\nAs Ukraine endures the bombardment, talks stall'), [
    'Executive Summary',
    'As Ukraine endures the bombardment, talks stall',
  ]);
  assert.deepEqual(sentencesOf('A heading\nThe first line of the body.'), ['A heading', 'The first line of the body.']);
});

test('a closing quote stays with its sentence', () => {
  assert.deepEqual(sentencesOf('He said: “Interesting times ahead!!!" Then he left.'), [
    'He said: “Interesting times ahead!!!"',
    'Then he left.',
  ]);
});

test('empty text gives no tokens', () => {
  assert.deepEqual(tokenize(''), { sentences: [], tokens: [] });
});

test('lemmas (cached by surface and tag) are the ones wink gives each token', () => {
  // Same surfaces under different tags, contractions, and a second pass over a warm cache.
  const text = 'They book a book. He’s left; she left the left lane. We can’t, can we? It’s his. Running runs ran.';
  const w = wink();
  // One line, no blank tokens: wink's tokens and ours correspond one to one.
  const direct = (w.readDoc(text).tokens().out(w.its.lemma as unknown as typeof w.its.value) as string[]).map((l) => l.toLowerCase());
  for (let pass = 0; pass < 2; pass++) assert.deepEqual(tokenize(text).tokens.map((t) => t.lemma), direct);
});
