import { test } from 'node:test';
import assert from 'node:assert/strict';
import { urlLines, urlProblem } from './ingest-urls';

test('URLs are split on line breaks only, trimmed, blank lines skipped', () => {
  assert.deepEqual(urlLines('  https://a.example/x  \r\n\nnot a url\n   \nhttps://b.example/y'), ['https://a.example/x', 'not a url', 'https://b.example/y']);
  assert.deepEqual(urlLines(' \n '), []);
});

test('each bad line gets a message a person can act on', () => {
  assert.equal(urlProblem('https://a.example/x'), null);
  assert.match(urlProblem('not a url')!, /not a web address .*spaces/);
  assert.match(urlProblem('example.org/news')!, /should start with http:\/\/ or https:\/\//);
  assert.equal(urlProblem('ftp://x'), 'unsupported URL scheme ftp: (http and https only)');
});
