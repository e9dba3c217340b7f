import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyDocument } from '../document.js';
import { excerpt, ftsQuery, mentionCounts, mergeActor } from './rows.js';
import { wordsTsQuery } from './postgres.js';

test('excerpt: words around the first match, cut marks only where the text was cut, plain text', () => {
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
  words[40] = 'Sanctions';
  const text = words.join(' ');
  const e = excerpt(text, 'sanction');
  assert.ok(e.startsWith('…w34 '), e);
  assert.ok(e.includes('Sanctions'));
  assert.ok(e.endsWith('w57…'), e);
  assert.equal(excerpt('A <b>short</b>\n\ntext.', 'zebra'), 'A <b>short</b> text', 'no match: the start; markup stays text, never interpreted');
  assert.equal(excerpt('', 'x'), '');
  const far = `${words.slice(0, 40).join(' ')} the cease-fire held ${words.slice(0, 20).join(' ')}`;
  assert.ok(excerpt(far, 'ceasefire').includes('cease-fire'), 'the other spelling of a compound');
});

test('ftsQuery keeps only letters and digits, quoted, so no input is read as query syntax', () => {
  assert.equal(ftsQuery(`drone' OR 1=1 -- NEAR(x) "y"*`), '"drone" "OR" "1" "1" "NEAR" "x" "y"');
  assert.equal(ftsQuery('"peace talks" Kyiv "one" "unclosed phrase'), '"peace talks" "Kyiv" "one" "unclosed phrase"');
  assert.equal(ftsQuery('"" "!"'), '');
  assert.equal(ftsQuery('  !?* '), '');
});

test('ftsQuery and wordsTsQuery: hyphenated and listed joined compounds match both spellings', () => {
  assert.equal(ftsQuery('ceasefire'), '("ceasefire" OR "cease fire")');
  assert.equal(ftsQuery('cease-fire talks'), '("cease fire" OR "ceasefire") AND "talks"');
  assert.equal(ftsQuery('Airstrikes'), '("Airstrikes" OR "air strikes")');
  assert.equal(ftsQuery('"cease-fire talks" Kyiv'), '"cease fire talks" "Kyiv"', 'a quoted phrase stays as written');
  assert.equal(ftsQuery('firebreak'), '"firebreak"', 'an unlisted word is never guessed apart');
  assert.equal(ftsQuery('cease-fire) OR x'), '("cease fire" OR "ceasefire") AND "OR" AND "x"');
  assert.equal(wordsTsQuery('ceasefire talks'), '(ceasefire | (cease <-> fire)) & talks');
  assert.equal(wordsTsQuery('drone-strike'), '((drone <-> strike) | dronestrike)');
});

test('mergeActor keeps every alias and the first name', () => {
  const a = { id: 'x', name: 'A', type: 'PERSON' as const, aliases: ['B'], role: null, country: null };
  assert.deepEqual(mergeActor(a, { ...a, name: 'C', aliases: ['D'], role: 'R' }).aliases, ['B', 'C', 'D']);
});

test('mentionCounts: mentions of each actor in a document, a span counted once (first actor wins)', () => {
  const d = emptyDocument({ id: 'x', text: 'Putin met Zelensky. Putin left. Kremlin said.' });
  const m = (start: number, end: number, actor: string) => ({ start, end, text: d.text.slice(start, end), actor, type: 'PERSON' as const });
  d.mentions = [m(0, 5, 'vladimir-putin'), m(10, 18, 'volodymyr-zelensky'), m(20, 25, 'vladimir-putin'), m(20, 25, 'someone-else'), m(32, 39, 'RUS')];
  assert.deepEqual([...mentionCounts(d)], [['vladimir-putin', 2], ['volodymyr-zelensky', 1], ['RUS', 1]]);
  assert.equal(mentionCounts(emptyDocument({ id: 'y', text: '' })).size, 0);
});
