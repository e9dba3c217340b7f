// Bad input, end to end through ingest() into a real SQLite store: each broken input yields one
// one-line failure naming it, and every good input of the same run is stored.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ingest, type IngestOptions } from '../src/ingest/ingest.js';
import { openStore } from '../src/store/open.js';

let dir: string;
let server: Server;
let host: string;

const article = (topic: string) =>
  `${topic}\n\nBy Jane Fielding\n\nKYIV, Ukraine -- Officials said on Monday that ${topic.toLowerCase()} would continue, and that delegations would meet again next week in Geneva to discuss a ceasefire.\n\n"We are ready," a spokesman said.`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-bad-'));
  server = createServer((req, res) => {
    if (req.url === '/story') return res.writeHead(200, { 'content-type': 'text/plain' }).end(article('Story Served Over HTTP'));
    if (req.url === '/story2') return res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><article>${'<p>Second linked story: the envoys met again on Thursday and said that progress had been made on a prisoner exchange.</p>'.repeat(3)}</article></body></html>`);
    if (req.url === '/to-private') return res.writeHead(302, { location: 'http://10.0.0.1/internal' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

async function run(name: string, inputs: string[], options: IngestOptions = {}) {
  const store = await openStore(join(dir, `${name}.db`));
  try {
    const summary = await ingest(inputs, store, options);
    const log = (await store.ingestLog({ limit: 100 })).items;
    const stored = (await store.listArticles({ limit: 100 })).items;
    return { summary, log, stored };
  } finally {
    await store.close();
  }
}

function assertOneFailure(r: Awaited<ReturnType<typeof run>>, input: string | RegExp, problem: RegExp, storedCount = 1) {
  assert.equal(r.summary.failed.length, 1, JSON.stringify(r.summary.failed));
  const f = r.summary.failed[0];
  if (typeof input === 'string') assert.equal(f.input, input);
  else assert.match(f.input, input);
  assert.match(f.error, problem);
  assert.doesNotMatch(f.error, /\n/);
  assert.equal(r.summary.stored, storedCount);
  assert.equal(r.stored.length, storedCount);
  assert.ok(r.log.some((e) => e.status === 'failed' && e.source === f.input && e.message === f.error), 'failure is in the ingest log');
}

test('empty file', async () => {
  const good = file('empty/good.txt', article('Empty Case Talks'));
  const bad = file('empty/empty.txt', '');
  assertOneFailure(await run('empty', [good, bad]), bad, /empty input/);
});

test('binary file', async () => {
  const good = file('bin/good.txt', article('Binary Case Talks'));
  const bad = file('bin/photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 0, 0]));
  assertOneFailure(await run('binary', [good, bad]), bad, /binary content/);
});

test('a 50 MB file is refused above the documented cap', async () => {
  const good = file('big/good.txt', article('Large File Case Talks'));
  const bad = file('big/huge.txt', '');
  truncateSync(bad, 50 * 1024 * 1024);
  assertOneFailure(await run('big', [good, bad]), bad, /too large \(50\.0 MB; the limit is 10\.0 MB per article\)/);
});

test('malformed HTML: readable text is kept, unreadable markup is refused', async () => {
  const good = file('mal/good.html', `<html><body><div><p>${'Negotiators met in Geneva on Monday <b>and talked <i>for hours</b> about a ceasefire</i>. '.repeat(5)}<p>More talks follow.</div></span></body>`);
  const bad = file('mal/bad.html', '<html><body><<<div <p <p>> </ >< >>< /body');
  const r = await run('malformed', [good, bad]);
  assertOneFailure(r, bad, /no article text found/);
});

test('HTML with no article', async () => {
  const good = file('noart/good.txt', article('No Article Case Talks'));
  const bad = file('noart/nav.html', '<!doctype html><html><head><title>Home</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><footer>© 2025 Example</footer></body></html>');
  assertOneFailure(await run('noarticle', [good, bad]), bad, /no article text found in the page/);
});

test('JSONL with one broken line among good ones', async () => {
  const lines = [
    JSON.stringify({ title: 'One', text: article('JSONL One Talks'), published: '2025-07-01' }),
    '{"title": "broken", "text": ',
    JSON.stringify({ title: 'Three', text: article('JSONL Three Talks'), published: '2025-07-03', authors: ['A B'] }),
  ];
  const bad = file('jsonl/batch.jsonl', lines.join('\n') + '\n');
  assertOneFailure(await run('jsonl', [bad]), `${bad}:2`, /invalid JSON/, 2);
});

test('an unreachable URL', async () => {
  const good = file('unreach/good.txt', article('Unreachable Case Talks'));
  assertOneFailure(await run('unreachable', [good, 'http://127.0.0.1:1/story'], { allowPrivate: true }), 'http://127.0.0.1:1/story', /connection refused/);
});

test('a URL that redirects to a private address', async () => {
  const r = await run('redirect', [`http://${host}/story`, `http://${host}/to-private`], { allowHosts: [host] });
  assertOneFailure(r, `http://${host}/to-private`, /redirect to http:\/\/10\.0\.0\.1\/internal goes to a private address/);
  assert.equal(r.stored[0].source, `http://${host}/story`);
});

test('a feed that is not XML', async () => {
  const good = file('feed/good.txt', article('Feed Case Talks'));
  const bad = file('feed/news.rss', 'Breaking: this is { not } an XML feed at all <<');
  assertOneFailure(await run('feed', [good, bad]), bad, /not a valid RSS\/Atom feed/);
});

test('a folder with one unreadable file among many', async () => {
  for (let i = 1; i <= 4; i++) file(`folder/sub${i % 2}/story${i}.txt`, article(`Folder Story ${i} Talks`));
  const broken = join(dir, 'folder', 'sub1', 'gone.txt');
  symlinkSync(join(dir, 'does-not-exist.txt'), broken);
  const r = await run('folder', [join(dir, 'folder')]);
  assertOneFailure(r, broken, /cannot read: broken symbolic link/, 4);
});

test('ingesting the same inputs twice changes nothing', async () => {
  const a = file('twice/a.txt', article('Twice Case Talks'));
  const first = await run('twice', [a]);
  const second = await run('twice', [a, a]);
  assert.equal(first.summary.stored, 1);
  assert.equal(second.summary.stored, 0);
  assert.equal(second.summary.duplicates, 2);
  assert.equal(second.stored.length, 1);
});

test('a feed whose items link to articles: links fetched, in feed order, one dead link reported', async () => {
  const items = ['story', 'missing', 'story2']
    .map((p, i) => `<item><title>Item ${i + 1}</title><link>http://${host}/${p}</link><description>Teaser…</description></item>`)
    .join('');
  const feed = file('links/feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>${items}</channel></rss>`);
  const r = await run('feedlinks', [feed], { allowHosts: [host] });
  assertOneFailure(r, `${feed}#2 (http://${host}/missing)`, /HTTP 404/, 2);
  assert.deepEqual(r.stored.map((a) => a.title).sort(), ['Item 1', 'Item 3']);
  assert.equal(r.stored.find((a) => a.title === 'Item 3')?.publisher, 'Desk');
});
