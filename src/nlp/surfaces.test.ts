import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenKey, tokenKeys, tokenSurfaces } from './surfaces.js';
import { tokenize } from './tokens.js';

const text = '“It’s like a great team,” Trump posted.\n\nHe can’t stop the 3½-year-long war; O’Neill agreed.';

test('surfaces and keys the tokens stage records are those of the text', () => {
  const { tokens } = tokenize(text);
  assert.deepEqual(tokenSurfaces(text, tokens), tokens.map((t) => text.slice(t.start, t.end)));
  assert.deepEqual(tokenKeys(text, tokens), tokens.map((t) => tokenKey(text.slice(t.start, t.end))));
  assert.ok(tokenKeys(text, tokens).includes("o'neill"));
});

test('a token list from elsewhere (a stored document) gets its surfaces and keys from the text', () => {
  const stored = JSON.parse(JSON.stringify(tokenize(text).tokens)) as { start: number; end: number }[];
  assert.deepEqual(tokenSurfaces(text, stored), stored.map((t) => text.slice(t.start, t.end)));
  assert.deepEqual(tokenKeys(text, stored), tokenKeys(text, tokenize(text).tokens));
});
