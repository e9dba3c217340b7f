import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadIssueLexicon } from '../analyze/issueLexicon.js';
import { issuesPossibleIn } from './issue-prefilter.js';

const lex = loadIssueLexicon();
const ids = (text: string, starts: number[] = []) => issuesPossibleIn(text, lex, starts).map((i) => i.id);

test('an issue a stretch of a text names, even split by blanks or cut inside a word, is possible in it', () => {
  const text = 'Leaders met on Monday. Both want to END  THE\nfighting, and the unsanctioned talks went on: no sanctions.';
  const starts = [...Array(text.length).keys()];
  for (const issue of lex.issues) {
    for (const a of starts) {
      issue.pattern.lastIndex = 0;
      if (issue.pattern.test(text.slice(a, a + 60))) assert.ok(ids(text, [a]).includes(issue.id), `${issue.id} at ${a}`);
    }
  }
  assert.deepEqual(ids(text), ['ceasefire', 'sanctions']);
  // "sanction" inside "unsanctioned" opens a match only on a stretch cut there.
  assert.deepEqual(ids('The unsanctioned talks.'), []);
  assert.deepEqual(ids('The unsanctioned talks.', [6]), ['sanctions']);
});

test('issues whose phrases do not occur are ruled out', () => {
  assert.deepEqual(ids('The weather was fine and nobody said anything.'), []);
});
