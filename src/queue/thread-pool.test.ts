import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { prepare } from '../ingest/prepare.js';
import type { RawItem } from '../ingest/raw.js';
import { createDefaultPipeline } from '../stages.js';
import { syntheticArticle } from '../../test/synthetic.js';
import { PipelinePool, poolProcessor } from './thread-pool.js';

const raws: RawItem[] = Array.from({ length: 12 }, (_, i) => {
  const a = syntheticArticle(i, 5);
  return { source: `synthetic:${i}`, format: 'text', content: a.text, meta: { title: a.title, published: a.published } };
});

let pool: PipelinePool;
before(() => {
  pool = new PipelinePool({ size: 2 });
});
after(async () => {
  await pool.close();
});

test('documents from the pool threads equal those of the pipeline on this thread', { timeout: 120_000 }, async () => {
  const pipeline = createDefaultPipeline();
  const expected = raws.map((r) => pipeline.run(prepare(r)));
  const got = await poolProcessor(pool)(raws);
  // Every layer comes back but tokens, which stay in the thread (nothing after the pipeline reads them).
  assert.deepEqual(got, expected.map((d) => ({ ...d, tokens: [] })));
  assert.ok(expected.every((d) => d.tokens.length), 'the pipeline made tokens in this thread');
  assert.ok(expected.some((d) => d.quotes.length && d.mentions.length), 'the pipeline found something to compare');
});

test('an input with no article comes back as a failure naming it; the others are unaffected', { timeout: 120_000 }, async () => {
  const bad: RawItem = { source: 'menu.html', format: 'html', content: '<html><body><nav><a href="/">Home</a></nav></body></html>' };
  const [ok, failed] = await poolProcessor(pool)([raws[0], bad]);
  assert.equal((ok as { id: string }).id, prepare(raws[0]).id);
  assert.equal((failed as { input: string }).input, 'menu.html');
  assert.match((failed as { error: string }).error, /no article text/);
});

test('a closed pool refuses work', async () => {
  const p = new PipelinePool({ size: 1 });
  await p.close();
  await assert.rejects(p.processRaw(raws[0]), /closed/);
});
