import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonlLine } from './jsonl.js';

test('JSONL fields become the item and its stated metadata', () => {
  const r = parseJsonlLine(JSON.stringify({ title: 'T', text: 'Body.', published: '2025-03-14 20:30:26Z', url: 'https://v.example/1', publisher: 'VOA', author: 'Jeff Seldin' }), 'a.jsonl:1');
  assert.equal(r.format, 'text');
  assert.equal(r.url, 'https://v.example/1');
  assert.deepEqual(r.meta, { title: 'T', published: '2025-03-14 20:30:26Z', publisher: 'VOA', authors: ['Jeff Seldin'], dateline: null });
  assert.equal(parseJsonlLine('{"html":"<p>x</p>","authors":["A B","C D"]}', 'a.jsonl:2').format, 'html');
});

test('broken lines are named with their line number', () => {
  assert.throws(() => parseJsonlLine('{"title": "x", ', 'a.jsonl:7'), /a\.jsonl:7: invalid JSON/);
  assert.throws(() => parseJsonlLine('{"title": "x"}', 'a.jsonl:8'), /a\.jsonl:8: no "text" or "html" field/);
  assert.throws(() => parseJsonlLine('[1,2]', 'a.jsonl:9'), /a\.jsonl:9: not a JSON object/);
});
