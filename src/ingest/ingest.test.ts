import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Document } from '../document.js';
import { createPipeline } from '../pipeline.js';
import { openStore } from '../store/open.js';
import { isFailure, type Failure } from './errors.js';
import { extract, ingest, localProcessor } from './ingest.js';
import type { RawItem } from './raw.js';

const pipeline = createPipeline([]);
const item = (n: number, text = `Story ${n}: delegations met in Geneva on day ${n} and agreed to keep talking about a ceasefire.`): RawItem => ({ source: `paste:${n}`, format: 'text', content: text });

test('extract keeps input order, failures in place, and runs every pipeline stage', async () => {
  const stamped = createPipeline([() => ({ name: 'stamp', run: (d: Document) => void (d.language = 'en') })]);
  const out: Array<Document | Failure> = [];
  for await (const r of extract([item(1), '/no/such/file.txt', item(2)], { pipeline: stamped, batchSize: 2 })) out.push(r);
  assert.deepEqual(out.map((r) => (isFailure(r) ? `failed ${r.input}` : r.source)), ['paste:1', 'failed /no/such/file.txt', 'paste:2']);
  assert.equal((out[0] as Document).language, 'en');
});

test('raw items are plain data: a processor that only sees structured clones gives the same documents', async () => {
  const local = localProcessor(pipeline);
  // what a worker thread or a job queue receives: a copy, no functions, no prototypes
  const viaCopies = async (batch: RawItem[]) => structuredClone(await local(structuredClone(batch)));
  const a: unknown[] = [];
  const b: unknown[] = [];
  for await (const r of extract([item(1), item(2)], { pipeline })) a.push(r);
  for await (const r of extract([item(1), item(2)], { processor: viaCopies })) b.push(r);
  assert.deepEqual(b, a);
});

test('ingest stores in batches, counts duplicates and near duplicates, and logs every item', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
  try {
    const long = [
      'Russian and Ukrainian delegations met in Istanbul on Friday for the first direct talks in more than three years, agreeing to exchange a thousand prisoners of war each.',
      'The meeting at the Dolmabahce Palace lasted less than two hours and produced no agreement on a ceasefire, which Kyiv and its European allies had demanded.',
      'Turkish Foreign Minister Hakan Fidan opened the session by telling both sides that there were two paths ahead, one leading to peace and the other to more destruction.',
      'The Russian delegation was led by Vladimir Medinsky, an aide to President Vladimir Putin, while Ukraine sent its defence minister, Rustem Umerov.',
      'Officials from both countries said afterwards that they would present detailed proposals for a ceasefire at a later meeting, without naming a date.',
      'In Washington, President Trump said that nothing would happen until he met Putin himself, and European leaders threatened new sanctions on Moscow.',
    ].join('\n\n');
    writeFileSync(join(dir, 'a.txt'), long);
    const store = await openStore(join(dir, 'p.db'));
    const seen: string[] = [];
    const s = await ingest([item(1), item(1), join(dir, 'a.txt'), item(3, long + '\n\nThis story has been updated.'), ''], store, { pipeline, batchSize: 2, onItem: (r) => seen.push(r.status) });
    assert.equal(s.stored, 3);
    assert.equal(s.duplicates, 1);
    assert.equal(s.nearDuplicates, 1);
    assert.equal(s.failed.length, 1);
    assert.deepEqual(seen, ['stored', 'duplicate', 'stored', 'near-duplicate', 'failed']);
    const log = (await store.ingestLog({ limit: 10 })).items.reverse();
    assert.deepEqual(log.map((e) => e.status), seen);
    assert.equal(log[3].message, `near duplicate of ${log[2].articleId}`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('actors a user added to the store resolve in later ingested articles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-user-actors-'));
  const store = await openStore(join(dir, 'p.db'));
  try {
    await store.upsertActors([{ id: 'jane-tester', name: 'Jane Tester', type: 'PERSON', aliases: ['Tester'], role: 'Mayor of Testville', country: 'UKR', affiliation: null }], 'user');
    const text = 'Tester said on Monday that the city would reopen its schools next week after the shelling stopped.';
    const s = await ingest([{ source: 'paste:tester', format: 'text', content: text }], store);
    assert.equal(s.stored, 1);
    const doc = await store.getArticle(s.ids[0]);
    const m = doc!.mentions.find((x) => doc!.text.slice(x.start, x.end) === 'Tester');
    assert.equal(m?.actor, 'jane-tester');
    assert.deepEqual((await store.userActors()).map((a) => a.id), ['jane-tester'], 'still a user actor after the text named it');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("threads 'auto': the first batch runs on this thread, the rest in pipeline threads, with the same documents", { timeout: 120_000 }, async () => {
  const items = [1, 2, 3, 4, 5].map((n) => item(n));
  const one: Document[] = [];
  const auto: Document[] = [];
  for await (const r of extract(items, { batchSize: 2 })) one.push(r as Document);
  for await (const r of extract(items, { batchSize: 2, threads: 'auto' })) auto.push(r as Document);
  // Threads keep the tokens layer to themselves (nothing after the pipeline reads it): that is how
  // the documents show where they were made.
  const threaded = availableParallelism() > 1;
  assert.deepEqual(auto.map((d) => d.tokens.length > 0), [true, true, !threaded, !threaded, !threaded]);
  assert.deepEqual(auto.map((d) => ({ ...d, tokens: [] })), one.map((d) => ({ ...d, tokens: [] })));
  assert.ok(one.every((d) => d.mentions.length), 'the default pipeline ran');
});
