import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadIssueLexicon } from '../analyze/issueLexicon.js';
import { issuesPossibleIn } from './issue-prefilter.js';

const lex = loadIssueLexicon();
const ids = (text: string) => issuesPossibleIn(text, lex).map((i) => i.id);

test('an issue named anywhere in a text, even split by blanks or cut inside a word, is possible in it', () => {
  const text = 'Leaders met on Monday. Both want to END  THE\nfighting, and the unsanctioned talks went on.';
  const possible = ids(text);
  for (const issue of lex.issues) {
    // Every stretch the positions stage may try: sentences, quotes, windows cut anywhere.
    const named = [...Array(text.length).keys()].some((a) => {
      issue.pattern.lastIndex = 0;
      return issue.pattern.test(text.slice(a, a + 60));
    });
    if (named) assert.ok(possible.includes(issue.id), issue.id);
  }
  assert.ok(possible.includes('ceasefire') && possible.includes('sanctions'));
});

test('issues whose phrases do not occur are ruled out', () => {
  assert.deepEqual(ids('The weather was fine and nobody said anything.'), []);
});
