import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceRef, toContract } from './contract.js';
import { emptyDocument } from './document.js';

test('source becomes an object naming the file or the page', () => {
  assert.deepEqual(sourceRef('corpus/text/a.txt'), { name: 'corpus/text/a.txt', path: 'corpus/text/a.txt' });
  assert.deepEqual(sourceRef('feeds/world.xml#3'), { name: 'feeds/world.xml#3', path: 'feeds/world.xml' });
  assert.deepEqual(sourceRef('news.jsonl:12', 'https://example.org/a'), { name: 'news.jsonl:12', path: 'news.jsonl', url: 'https://example.org/a' });
  assert.deepEqual(sourceRef('https://example.org/a'), { name: 'https://example.org/a', url: 'https://example.org/a' });
  assert.deepEqual(sourceRef('stdin'), { name: 'stdin' });
  assert.equal(sourceRef(null), null);
});

test('contract fields first, tokens left out, later layers kept', () => {
  const doc = { ...emptyDocument({ id: 'x', text: 'Hello.' }), source: 'a.txt' };
  doc.tokens.push({ start: 0, end: 5, pos: 'INTJ', lemma: 'hello', sentence: 0 });
  const out = toContract(doc);
  assert.deepEqual(Object.keys(out).slice(0, 14), ['id', 'title', 'published', 'publisher', 'authors', 'dateline', 'url', 'source', 'text', 'actors', 'mentions', 'quotes', 'times', 'events']);
  assert.equal('tokens' in out, false);
  assert.ok('sentences' in out);
  assert.deepEqual(out.source, { name: 'a.txt', path: 'a.txt' });
});
