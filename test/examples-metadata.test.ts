// Our example articles (examples/, documented in examples/README.md) through the readers and the
// cleaning: the metadata table of that README is the expectation for every article.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Document } from '../src/document.js';
import { isFailure } from '../src/ingest/errors.js';
import { extract } from '../src/ingest/ingest.js';
import { createPipeline } from '../src/pipeline.js';
import { repoRoot } from './shared.js';

interface Expected {
  source: string;
  published: string | null;
  title: string | null;
  publisher: string | null;
  authors: string[];
  dateline: string | null;
}

const readme = join(repoRoot, 'examples', 'README.md');

function expectations(): Expected[] {
  const out: Expected[] = [];
  let parent = '';
  for (const line of readFileSync(readme, 'utf8').split('\n')) {
    if (!line.startsWith('| ')) continue;
    const cells = line.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|$/g, '').trim());
    const file = /^`([^`]+)`$/.exec(cells[0]);
    const sub = /^↳ (item|line) (\d+)/.exec(cells[0]);
    if (file) parent = file[1];
    if (!file && !sub) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(cells[2] ?? '')) continue;
    const none = (v: string) => (!v || v === 'null' || v === '—' ? null : v);
    out.push({
      source: sub ? `${parent}${sub[1] === 'item' ? '#' : ':'}${sub[2]}` : parent,
      published: cells[2],
      title: none(cells[3]),
      publisher: none(cells[4]),
      authors: none(cells[5]) ? cells[5].split(/\s*,\s*/) : [],
      dateline: none(cells[6]),
    });
  }
  return out;
}

test('every example article gets the title, date, publisher, authors and dateline its README states', { skip: !existsSync(readme) && 'examples/ is absent' }, async () => {
  const want = expectations();
  assert.ok(want.length >= 8, `only ${want.length} rows in the examples table`);
  const got = new Map<string, Document>();
  for await (const d of extract([join(repoRoot, 'examples')], { pipeline: createPipeline([]) })) {
    assert.ok(!isFailure(d), isFailure(d) ? `${d.input}: ${d.error}` : '');
    if (!isFailure(d)) got.set(d.source!.slice(join(repoRoot, 'examples').length + 1), d);
  }
  for (const w of want) {
    const d = got.get(w.source);
    assert.ok(d, `no document from ${w.source}`);
    const { source, ...fields } = w;
    assert.deepEqual({ published: d.published, title: d.title, publisher: d.publisher, authors: d.authors, dateline: d.dateline }, fields, source);
    assert.doesNotMatch(d.text, /@[\w-]+\.example|All rights reserved|Most Discussed|^By \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$|^Advertisement/mu, source);
  }
});
