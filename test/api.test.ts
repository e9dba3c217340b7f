// The HTTP API end to end: every route through fastify.inject against a temporary SQLite store,
// the ingestion routes through the real pipeline, and every error status the API promises.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { toContract } from '../src/contract.js';
import { emptyDocument, type Document } from '../src/document.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { createServer } from '../src/server/app.js';
import { CONTENT_SECURITY_POLICY, resolveToken } from '../src/server/security.js';
import { repoRoot } from './shared.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-api-'));
let store: Store;
let app: FastifyInstance;

const EXAMPLE = join(repoRoot, 'examples', 'text', '2025-02-13-trump-putin-call-opens-talks.txt');

/** A document with known layers, so filters and paging have exact answers. */
function fixture(): Document {
  const text =
    'Russia launched a missile attack on Ukraine on Monday. Trump called Putin the next day. ' +
    '"We want peace," Putin said. "It is a disgrace," Zelensky said about Russia.';
  const doc = emptyDocument({ id: 'fixture-1', text, title: 'Fixture: strike and call', published: '2025-07-04', publisher: 'Test Wire' });
  const at = (s: string, from = 0) => {
    const start = text.indexOf(s, from);
    return { start, end: start + s.length, text: s };
  };
  doc.actors = [
    { id: 'RUS', name: 'Russia', type: 'COUNTRY', aliases: [], role: null, country: 'RUS' },
    { id: 'UKR', name: 'Ukraine', type: 'COUNTRY', aliases: [], role: null, country: 'UKR' },
    { id: 'donald-trump', name: 'Donald Trump', type: 'PERSON', aliases: ['Trump'], role: 'President of the United States', country: 'USA' },
    { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'PERSON', aliases: ['Putin'], role: 'President of Russia', country: 'RUS' },
    { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', type: 'PERSON', aliases: ['Zelensky'], role: 'President of Ukraine', country: 'UKR' },
  ];
  doc.mentions = [
    { ...at('Russia'), actor: 'RUS', type: 'COUNTRY' },
    { ...at('Ukraine'), actor: 'UKR', type: 'COUNTRY' },
    { ...at('Trump'), actor: 'donald-trump', type: 'PERSON' },
    { ...at('Putin'), actor: 'vladimir-putin', type: 'PERSON' },
    { ...at('Putin said'), end: at('Putin said').start + 5, text: 'Putin', actor: 'vladimir-putin', type: 'PERSON' },
    { ...at('Zelensky'), actor: 'volodymyr-zelensky', type: 'PERSON' },
  ];
  doc.quotes = [
    { ...at('We want peace,'), direct: true, speaker: at('Putin said'.slice(0, 5), text.indexOf('Putin said')), actor: 'vladimir-putin', cue: at('said'), about: [] },
    { ...at('It is a disgrace,'), direct: true, speaker: at('Zelensky'), actor: 'volodymyr-zelensky', cue: at('said', text.indexOf('Zelensky')), about: ['RUS'] },
  ];
  doc.events = [
    { type: 'ASSAULT', source: 'RUS', target: 'UKR', modality: 'asserted', date: '2025-06-30', intensity: -9, trigger: at('attack'), sentence: { start: 0, end: 54 } },
    { type: 'CONSULT', source: 'donald-trump', target: 'vladimir-putin', modality: 'asserted', date: '2025-07-01', intensity: 3, trigger: at('called'), sentence: { start: 55, end: 87 } },
  ];
  return doc;
}

async function multipart(files: { name: string; content: string | Buffer; type?: string }[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([f.content], { type: f.type ?? 'text/plain' }), f.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}

const get = async (url: string) => {
  const r = await app.inject({ url });
  return { status: r.statusCode, body: r.json(), headers: r.headers };
};

before(async () => {
  store = await openStore(join(dir, 'api.db'));
  await store.saveDocument(fixture());
  const web = join(dir, 'web');
  rmSync(web, { recursive: true, force: true });
  (await import('node:fs')).mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Parley test shell</title><div id="root"></div>');
  app = await createServer({ store, webRoot: web });
});

after(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('meta, safety and the web app', () => {
  test('OpenAPI document lists every API route with its parameters', async () => {
    const { status, body } = await get('/api/openapi.json');
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    for (const p of ['/api/articles', '/api/articles/search', '/api/articles/{id}', '/api/search', '/api/ingest', '/api/ingest/log', '/api/actors', '/api/actors/{id}', '/api/actors/{id}/quotes', '/api/actors/{id}/events', '/api/actors/{id}/profile', '/api/actors/{id}/positions', '/api/quotes', '/api/events', '/api/timeline', '/api/dyads', '/api/dyads/{a}/{b}', '/api/positions', '/api/reversals', '/api/brief', '/api/export', '/api/status'])
      assert.ok(body.paths[p], `missing ${p}`);
    const params = body.paths['/api/quotes'].get.parameters.map((x: { name: string }) => x.name);
    assert.deepEqual(params.sort(), ['about', 'articleId', 'by', 'cursor', 'from', 'limit', 'search', 'to']);
    assert.ok(body.paths['/api/ingest'].post.responses['415']);
  });

  test('every response carries a strict Content-Security-Policy', async () => {
    for (const url of ['/', '/api/status', '/api/nope']) {
      const r = await app.inject({ url });
      assert.equal(r.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    }
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|\*/);
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'/);
  });

  test('the web app is served from the same origin; unknown API paths are JSON 404s', async () => {
    const r = await app.inject({ url: '/' });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Parley test shell/);
    const miss = await get('/api/nope');
    assert.equal(miss.status, 404);
    assert.deepEqual(Object.keys(miss.body).sort(), ['error', 'message']);
  });

  test('status reports counts, engine and which layers exist', async () => {
    const { body } = await get('/api/status');
    assert.equal(body.engine, 'sqlite');
    assert.ok(body.counts.articles >= 1);
    assert.equal(body.layers.dyads, true);
    assert.equal(body.writeRequiresToken, false);
  });

  test('binding beyond loopback needs PARLEY_TOKEN', () => {
    assert.throws(() => resolveToken('0.0.0.0', undefined), /PARLEY_TOKEN/);
    assert.throws(() => resolveToken('192.168.1.4', '  '), /PARLEY_TOKEN/);
    assert.equal(resolveToken('0.0.0.0', 's3cret'), 's3cret');
    assert.equal(resolveToken('127.0.0.1', undefined), null);
    assert.equal(resolveToken('::1', undefined), null);
  });

  test('on loopback: foreign host names (DNS rebinding) and cross-origin writes are refused', async () => {
    const rebound = await app.inject({ url: '/api/status', headers: { host: 'attacker.example' } });
    assert.equal(rebound.statusCode, 403);
    assert.equal(rebound.json().error, 'forbidden');
    assert.equal((await app.inject({ url: '/api/status', headers: { host: '127.0.0.1:3000' } })).statusCode, 200);
    assert.equal((await app.inject({ url: '/api/status', headers: { host: '[::1]:3000' } })).statusCode, 200);
    const body = { text: 'A form on another site tries to write.' };
    const csrf = await app.inject({ method: 'POST', url: '/api/ingest', payload: body, headers: { origin: 'https://attacker.example' } });
    assert.equal(csrf.statusCode, 403);
    const site = await app.inject({ method: 'POST', url: '/api/ingest', payload: body, headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(site.statusCode, 403);
    const same = await app.inject({ method: 'POST', url: '/api/actors', payload: { id: 'same-origin-org', name: 'Same Origin Org', type: 'ORG' }, headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' } });
    assert.equal(same.statusCode, 201);
  });

  test('with a token, every write needs it as a bearer token; reads do not', async () => {
    const locked = await createServer({ store, token: 's3cret', webRoot: false });
    try {
      const body = { id: 'token-test-actor', name: 'Token Test', type: 'ORG' };
      assert.equal((await locked.inject({ method: 'POST', url: '/api/actors', payload: body })).statusCode, 401);
      assert.equal((await locked.inject({ method: 'POST', url: '/api/actors', payload: body, headers: { authorization: 'Bearer wrong' } })).statusCode, 401);
      const ok = await locked.inject({ method: 'POST', url: '/api/actors', payload: body, headers: { authorization: 'Bearer s3cret' } });
      assert.equal(ok.statusCode, 201);
      assert.equal((await locked.inject({ url: '/api/actors/token-test-actor' })).statusCode, 200);
      assert.equal((await locked.inject({ url: '/api/status' })).json().writeRequiresToken, true);
    } finally {
      await locked.close();
    }
  });
});

describe('articles and search', () => {
  test('list pages with a cursor and filters by date and actor', async () => {
    await store.saveDocument({ ...emptyDocument({ id: 'fixture-2', text: 'A later, unrelated report about grain exports.', title: 'Grain', published: '2025-08-01' }) });
    const p1 = await get('/api/articles?limit=1');
    assert.equal(p1.status, 200);
    assert.equal(p1.body.items.length, 1);
    assert.ok(p1.body.next);
    const p2 = await get(`/api/articles?limit=1&cursor=${p1.body.next}`);
    assert.notEqual(p2.body.items[0].id, p1.body.items[0].id);
    const byActor = await get('/api/articles?actor=vladimir-putin');
    assert.deepEqual(byActor.body.items.map((a: { id: string }) => a.id), ['fixture-1']);
    const before = await get('/api/articles?to=2025-07-31');
    assert.ok(before.body.items.every((a: { published: string }) => a.published <= '2025-07-31'));
  });

  test('bad paging and filters are 400s', async () => {
    assert.equal((await get('/api/articles?cursor=%%%')).status, 400);
    assert.equal((await get('/api/articles?limit=5000')).status, 400);
    assert.equal((await get('/api/articles?from=yesterday')).status, 400);
    const r = await get('/api/articles?limit=abc');
    assert.equal(r.body.error, 'bad-request');
    assert.match(r.body.message, /limit/);
  });

  test('one article with every layer; unknown id is 404', async () => {
    const r = await get('/api/articles/fixture-1');
    assert.equal(r.status, 200);
    assert.equal(r.body.quotes.length, 2);
    assert.equal(r.body.events.length, 2);
    assert.equal(r.body.text.slice(r.body.quotes[0].start, r.body.quotes[0].end), 'We want peace,');
    const miss = await get('/api/articles/does-not-exist');
    assert.equal(miss.status, 404);
    assert.equal(miss.body.error, 'not-found');
  });

  test('full-text search finds the article; q is required', async () => {
    const r = await get('/api/articles/search?q=missile');
    assert.equal(r.status, 200);
    assert.equal(r.body.items[0].id, 'fixture-1');
    assert.match(r.body.items[0].excerpt, /missile/);
    assert.equal((await get('/api/articles/search')).status, 400);
  });

  test("every article answer gives `source` in the contract's shape, as `parley show` does", async () => {
    // A store of its own, so the other tests' exact counts are untouched.
    const own = await openStore(join(dir, 'source.db'));
    const doc = { ...fixture(), id: 'sourced-1', source: 'feeds/world.xml#3', url: 'https://example.org/strike' };
    await own.saveDocument(doc);
    const server = await createServer({ store: own, webRoot: join(dir, 'web') });
    try {
      const body = async (url: string) => (await server.inject({ url })).json();
      const expected = { name: 'feeds/world.xml#3', path: 'feeds/world.xml', url: 'https://example.org/strike' };
      const one = await body('/api/articles/sourced-1');
      assert.deepEqual(one.source, expected);
      assert.deepEqual(one, JSON.parse(JSON.stringify(toContract((await own.getArticle('sourced-1'))!))));
      assert.equal('tokens' in one, false);
      assert.deepEqual((await body('/api/articles')).items[0].source, expected);
      assert.deepEqual((await body('/api/articles/search?q=missile')).items[0].source, expected);
      assert.deepEqual((await body('/api/search?q=missile')).articles.items[0].source, expected);
      const schema = (await body('/api/openapi.json')).paths['/api/articles/{id}'].get.responses['200'].content['application/json'].schema;
      assert.deepEqual(schema.properties.source.anyOf[0].required, ['name']);
      assert.deepEqual(Object.keys(schema.properties.source.anyOf[0].properties).sort(), ['name', 'path', 'url']);
    } finally {
      await server.close();
      await own.close();
    }
  });

  test('one search across articles, actors and quotes', async () => {
    const r = await get('/api/search?q=Putin');
    assert.equal(r.status, 200);
    assert.ok(r.body.actors.items.some((a: { id: string }) => a.id === 'vladimir-putin'));
    const q = await get('/api/search?q=disgrace');
    assert.equal(q.body.quotes.items[0].actor, 'volodymyr-zelensky');
    assert.equal((await get('/api/search?q=')).status, 400);
  });
});

describe('actors, quotes and events', () => {
  test('actors list, by id and by alias; unknown is 404', async () => {
    const list = await get('/api/actors?type=PERSON&limit=2');
    assert.equal(list.body.items.length, 2);
    assert.ok(list.body.items.every((a: { type: string }) => a.type === 'PERSON'));
    assert.ok(list.body.next);
    assert.equal((await get('/api/actors/vladimir-putin')).body.name, 'Vladimir Putin');
    assert.equal((await get('/api/actors/Putin')).body.id, 'vladimir-putin');
    assert.equal((await get('/api/actors/nobody-at-all')).status, 404);
    assert.equal((await get('/api/actors?type=ALIEN')).status, 400);
  });

  test("an actor's quotes and events", async () => {
    const q = await get('/api/actors/volodymyr-zelensky/quotes');
    assert.deepEqual(q.body.items.map((x: { text: string }) => x.text), ['It is a disgrace,']);
    assert.deepEqual(q.body.items[0].about, ['RUS']);
    const e = await get('/api/actors/RUS/events');
    assert.deepEqual(e.body.items.map((x: { type: string }) => x.type), ['ASSAULT']);
    assert.match(e.body.items[0].evidence, /missile attack/);
    assert.equal((await get('/api/actors/nobody-at-all/quotes')).status, 404);
    const profile = await get('/api/actors/vladimir-putin/profile?articles=10');
    assert.equal(profile.status, 200);
    assert.deepEqual(profile.body.appearances.map((a: { articleId: string }) => a.articleId), ['fixture-1']);
    assert.ok(profile.body.coMentioned.some((c: { id: string }) => c.id === 'donald-trump'));
    assert.equal((await get('/api/actors/nobody-at-all/profile')).status, 404);
    assert.equal((await get('/api/actors/nobody-at-all/events')).status, 404);
  });

  test('creating an actor: 201, then 409 for the same id, 400 for a bad one', async () => {
    const body = { id: 'iaea', name: 'International Atomic Energy Agency', type: 'ORG', aliases: ['IAEA'] };
    const r = await app.inject({ method: 'POST', url: '/api/actors', payload: body });
    assert.equal(r.statusCode, 201);
    assert.equal(r.json().name, 'International Atomic Energy Agency');
    const again = await app.inject({ method: 'POST', url: '/api/actors', payload: body });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error, 'conflict');
    assert.equal((await app.inject({ method: 'POST', url: '/api/actors', payload: { ...body, id: 'Not Kebab' } })).statusCode, 400);
  });

  test('quotes filter by speaker, subject, words and date, and page', async () => {
    assert.equal((await get('/api/quotes?by=vladimir-putin')).body.items.length, 1);
    assert.equal((await get('/api/quotes?by=Putin')).body.items[0].actor, 'vladimir-putin');
    const unknown = await get('/api/quotes?about=nobody-at-all');
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.message, /nobody-at-all/);
    assert.equal((await get('/api/quotes?about=RUS')).body.items[0].actor, 'volodymyr-zelensky');
    assert.equal((await get('/api/quotes?search=peace')).body.items[0].actor, 'vladimir-putin');
    assert.equal((await get('/api/quotes?from=2030-01-01')).body.items.length, 0);
    const p1 = await get('/api/quotes?articleId=fixture-1&limit=1');
    const p2 = await get(`/api/quotes?articleId=fixture-1&limit=1&cursor=${p1.body.next}`);
    assert.notEqual(p1.body.items[0].id, p2.body.items[0].id);
    assert.equal(p2.body.next, null);
  });

  test('events filter by type, source, target and date; an unknown type is 400', async () => {
    assert.deepEqual((await get('/api/events?type=CONSULT')).body.items.map((e: { source: string }) => e.source), ['donald-trump']);
    assert.equal((await get('/api/events?source=RUS&target=UKR')).body.items.length, 1);
    assert.equal((await get('/api/events?actor=UKR&from=2025-07-01')).body.items.length, 0);
    assert.equal((await get('/api/events?type=HUG')).status, 400);
  });
});

describe('analysis and exports', () => {
  test('timeline merges reports and pages; filters by actor and type', async () => {
    const all = await get('/api/timeline');
    assert.equal(all.status, 200);
    const assault = all.body.items.find((e: { type: string }) => e.type === 'ASSAULT');
    assert.equal(assault.source, 'RUS');
    assert.equal(assault.reports[0].articleId, 'fixture-1');
    assert.match(assault.reports[0].evidence, /missile attack/);
    const p1 = await get('/api/timeline?limit=1');
    assert.equal(p1.body.items.length, 1);
    assert.ok(p1.body.next);
    const byType = await get('/api/timeline?type=CONSULT&actor=Putin');
    assert.deepEqual(byType.body.items.map((e: { source: string; target: string }) => `${e.source}>${e.target}`), ['donald-trump>vladimir-putin']);
    assert.equal((await get('/api/timeline?type=consult')).status, 400);
  });

  test('dyads list and one dyad over time; unknown actors are 404', async () => {
    const list = await get('/api/dyads?actor=RUS');
    assert.equal(list.status, 200);
    const d = list.body.items.find((x: { source: string; target: string }) => x.source === 'RUS' && x.target === 'UKR');
    assert.equal(d.events, 1);
    assert.equal(d.intensity, -9);
    const s = await get('/api/dyads/RUS/UKR?granularity=month');
    assert.equal(s.status, 200);
    assert.deepEqual(s.body.points.map((p: { period: string; events: number }) => [p.period, p.events]), [['2025-06', 1]]);
    assert.equal((await get('/api/dyads/RUS/nobody-at-all')).status, 404);
    assert.equal((await get('/api/dyads/RUS/UKR?granularity=year')).status, 400);
  });

  test('positions and reversals answer as pages', async () => {
    for (const url of ['/api/positions', '/api/positions?actor=donald-trump&issue=ceasefire', '/api/reversals', '/api/reversals?actor=donald-trump', '/api/actors/donald-trump/positions']) {
      const r = await get(url);
      assert.equal(r.status, 200, url);
      assert.ok(Array.isArray(r.body.items), url);
      assert.ok('next' in r.body, url);
    }
    assert.equal((await get('/api/actors/nobody-at-all/positions')).status, 404);
  });

  test('the brief as Markdown, HTML (a page, or a download on request) and JSON', async () => {
    const md = await app.inject({ url: '/api/brief?format=md' });
    assert.equal(md.statusCode, 200);
    assert.match(md.headers['content-type'] as string, /text\/markdown/);
    assert.match(md.body, /ASSAULT|assault/i);
    const html = await app.inject({ url: '/api/brief?format=html' });
    assert.equal(html.statusCode, 200);
    assert.equal(html.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(html.headers['content-disposition'], undefined);
    assert.doesNotMatch(html.body, /<script/i);
    const download = await app.inject({ url: '/api/brief?format=html&download=1' });
    assert.match(download.headers['content-disposition'] as string, /attachment; filename="parley-brief\.html"/);
    assert.equal(download.body, html.body);
    const json = await get('/api/brief?format=json&actor=RUS');
    assert.equal(json.status, 200);
    assert.ok(Array.isArray(json.body.timeline));
    assert.equal((await get('/api/brief?format=pdf')).status, 400);
  });

  test("the HTML brief's CSP admits its own style block by hash, and nothing else is loosened", async () => {
    const html = await app.inject({ url: '/api/brief?format=html' });
    const styles = [...html.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    assert.equal(styles.length, 1, 'one style block');
    const hash = `'sha256-${createHash('sha256').update(styles[0]).digest('base64')}'`;
    const csp = html.headers['content-security-policy'] as string;
    const directive = (policy: string, name: string) => policy.split(/;\s*/).find((d) => d.startsWith(name + ' '));
    assert.equal(directive(csp, 'style-src'), `style-src 'self' ${hash}`);
    // Everything but style-src is the strict policy, and inline scripts stay blocked.
    const rest = (policy: string) => policy.split(/;\s*/).filter((d) => !d.startsWith('style-src ')).join('; ');
    assert.equal(rest(csp), rest(CONTENT_SECURITY_POLICY));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // The page's own meta policy (for a saved copy) names the same hash.
    assert.ok(html.body.includes(`style-src ${hash}`));
    assert.equal((await app.inject({ url: '/api/brief?format=html&download=1' })).headers['content-security-policy'], csp);
    for (const url of ['/api/brief?format=md', '/api/brief?format=json', '/api/brief?format=pdf', '/api/status', '/'])
      assert.equal((await app.inject({ url })).headers['content-security-policy'], CONTENT_SECURITY_POLICY, url);
  });

  test('exports in JSON, CSV, GraphML and Markdown as downloads', async () => {
    const json = await app.inject({ url: '/api/export?format=json' });
    assert.equal(json.statusCode, 200);
    assert.ok(json.json().events.some((e: { type: string }) => e.type === 'ASSAULT'));
    const csv = await app.inject({ url: '/api/export?format=csv&table=events' });
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(csv.headers['content-disposition'] as string, /parley-events\.csv/);
    assert.match(csv.body.split('\n')[0], /type/);
    const graphml = await app.inject({ url: '/api/export?format=graphml' });
    assert.match(graphml.body, /<graphml/);
    assert.match(graphml.body, /source="RUS" target="UKR"/);
    const md = await app.inject({ url: '/api/export?format=md' });
    assert.match(md.headers['content-type'] as string, /markdown/);
    assert.equal((await get('/api/export?format=xlsx')).status, 400);
    assert.equal((await get('/api/export')).status, 400);
  });
});

describe('ingest', () => {
  test('pasted text is stored with its layers; the same text again is a duplicate', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const r = await app.inject({ method: 'POST', url: '/api/ingest', payload: { text, name: 'call.txt' } });
    assert.equal(r.statusCode, 200);
    const [item] = r.json().results;
    assert.equal(item.status, 'stored');
    assert.equal(item.title, 'Trump and Putin Agree to Start Negotiations After Lengthy Phone Call');
    const doc = (await get(`/api/articles/${item.id}`)).body;
    assert.ok(doc.quotes.some((q: { text: string; direct: boolean }) => q.direct && q.text.startsWith('start negotiations immediately')));
    const again = await app.inject({ method: 'POST', url: '/api/ingest', payload: { text, name: 'call.txt' } });
    assert.equal(again.json().results[0].status, 'duplicate');
    assert.equal(again.json().results[0].id, item.id);
    const log = await get('/api/ingest/log?limit=5');
    assert.ok(log.body.items.some((e: { source: string; status: string }) => e.source === 'call.txt' && e.status === 'duplicate'));
  });

  test('an actor added through the API is resolved in articles ingested after it', async () => {
    const actor = { id: 'jane-tester', name: 'Jane Tester', aliases: ['Tester'], type: 'PERSON', role: 'Mayor of Testville', country: 'UKR' };
    assert.equal((await app.inject({ method: 'POST', url: '/api/actors', payload: actor })).statusCode, 201);
    const text = 'Tester said on Monday that the city would reopen its schools next week after the shelling stopped.';
    const [item] = (await app.inject({ method: 'POST', url: '/api/ingest', payload: { text, name: 'tester.txt' } })).json().results;
    assert.equal(item.status, 'stored');
    const doc = (await get(`/api/articles/${item.id}`)).body;
    const m = doc.mentions.find((x: { start: number; end: number }) => doc.text.slice(x.start, x.end) === 'Tester');
    assert.equal(m?.actor, 'jane-tester');
  });

  test('a raw text/plain or text/html body is one item', async () => {
    const t = await app.inject({ method: 'POST', url: '/api/ingest', payload: 'KYIV -- Ukraine said on Tuesday that talks with Russia would resume in Geneva next week, officials said.', headers: { 'content-type': 'text/plain', 'x-parley-name': 'raw.txt' } });
    assert.equal(t.statusCode, 200);
    assert.equal(t.json().results[0].input, 'raw.txt');
    const html = '<html><head><title>Talks resume</title></head><body><article><h1>Talks resume in Geneva</h1><p>Negotiators from Ukraine and Russia met in Geneva on Friday for a third round of talks, officials said. The delegations discussed a prisoner exchange and humanitarian corridors, and agreed to meet again.</p><p>“We made progress,” the Ukrainian negotiator said after the meeting.</p></article></body></html>';
    const h = await app.inject({ method: 'POST', url: '/api/ingest', payload: html, headers: { 'content-type': 'text/html' } });
    assert.equal(h.statusCode, 200);
    assert.equal(h.json().results[0].status, 'stored');
  });

  test('uploaded files are ingested under their own names', async () => {
    const m = await multipart([{ name: 'trump-putin-call.txt', content: readFileSync(EXAMPLE) }]);
    const r = await app.inject({ method: 'POST', url: '/api/ingest', ...m });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().results[0].input, 'trump-putin-call.txt');
    assert.equal(r.json().results[0].status, 'duplicate');
  });

  test('a batch reports each item; one bad item does not stop the others', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      payload: { items: [{ text: '   ', name: 'blank' }, { text: 'MOSCOW -- The Kremlin said on Wednesday that it had no plans for a summit, its spokesman told reporters.', name: 'kremlin' }] },
    });
    assert.equal(r.statusCode, 200);
    const [bad, good] = r.json().results;
    assert.equal(bad.status, 'failed');
    assert.equal(bad.error, 'unprocessable');
    assert.match(bad.message, /^blank: /);
    assert.equal(good.status, 'stored');
    assert.deepEqual(r.json().summary, { stored: 1, duplicate: 0, nearDuplicate: 0, failed: 1 });
    const files = await multipart([
      { name: 'ok.txt', content: 'WASHINGTON -- The Senate on Thursday passed a sanctions bill targeting buyers of Russian oil, lawmakers said.' },
      { name: 'blob.bin', content: Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]), type: 'application/octet-stream' },
    ]);
    const u = await app.inject({ method: 'POST', url: '/api/ingest', ...files });
    assert.deepEqual(u.json().results.map((x: { input: string; status: string }) => `${x.input}:${x.status}`), ['ok.txt:stored', 'blob.bin:failed']);
  });

  test('a batch with malformed items stores the good ones and reports each bad one', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/ingest',
      payload: { items: [{ text: 'Putin said talks were good.' }, { text: '  ' }, { url: 'ftp://x' }, { txt: 'typo', name: 'typo' }, { url: 'http://127.0.0.1:9/a' }] },
    });
    assert.equal(r.statusCode, 200);
    const results: { input: string; status: string; error?: string; message?: string; id?: string }[] = r.json().results;
    const by = (input: string) => results.find((x) => x.input === input)!;
    assert.equal(by('text #1').status, 'stored');
    assert.ok((await get(`/api/articles/${by('text #1').id}`)).body.text.startsWith('Putin said talks were good.'));
    assert.equal(by('text #2').status, 'failed');
    assert.equal(by('text #2').error, 'unprocessable');
    assert.deepEqual([by('ftp://x').error, by('ftp://x').message], ['bad-request', 'ftp://x: unsupported URL scheme ftp: (http and https only)']);
    assert.equal(by('typo').error, 'bad-request');
    assert.match(by('typo').message!, /^typo: invalid item/);
    assert.match(by('http://127.0.0.1:9/a').message!, /private\/loopback addresses are refused by this server/);
    assert.doesNotMatch(by('http://127.0.0.1:9/a').message!, /--allow-private/);
    assert.deepEqual(r.json().summary, { stored: 1, duplicate: 0, nearDuplicate: 0, failed: 4 });
  });

  test('400: malformed JSON, an empty body, unknown fields', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/ingest', payload: '{"text": ', headers: { 'content-type': 'application/json' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error, 'bad-request');
    assert.equal((await app.inject({ method: 'POST', url: '/api/ingest', payload: {} })).statusCode, 400);
    assert.equal((await app.inject({ method: 'POST', url: '/api/ingest', payload: { txt: 'typo' } })).statusCode, 400);
    assert.equal((await app.inject({ method: 'POST', url: '/api/ingest', payload: { items: [] } })).statusCode, 400);
    assert.equal((await app.inject({ method: 'POST', url: '/api/ingest', payload: { url: 'ftp://example.org/a' } })).statusCode, 400);
  });

  test('415: an unsupported content type, or a binary upload', async () => {
    const pdf = await app.inject({ method: 'POST', url: '/api/ingest', payload: '%PDF-1.7', headers: { 'content-type': 'application/pdf' } });
    assert.equal(pdf.statusCode, 415);
    assert.equal(pdf.json().error, 'unsupported-media-type');
    const bin = await app.inject({ method: 'POST', url: '/api/ingest', ...(await multipart([{ name: 'image.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) }])) });
    assert.equal(bin.statusCode, 415);
    assert.match(bin.json().message, /image\.png: binary/);
  });

  test('422: well-formed but nothing to ingest (blank text, a private address)', async () => {
    const blank = await app.inject({ method: 'POST', url: '/api/ingest', payload: { text: '  \n ' } });
    assert.equal(blank.statusCode, 422);
    assert.equal(blank.json().error, 'unprocessable');
    const priv = await app.inject({ method: 'POST', url: '/api/ingest', payload: { url: 'http://127.0.0.1:9/article' } });
    assert.equal(priv.statusCode, 422);
    assert.match(priv.json().message, /private address/);
    assert.doesNotMatch(priv.json().message, /--allow-private/);
  });

  test('413: a body or file over the limit', async () => {
    const small = await createServer({ store, maxBodyBytes: 2048, webRoot: false });
    try {
      const big = 'x'.repeat(4096);
      const json = await small.inject({ method: 'POST', url: '/api/ingest', payload: { text: big } });
      assert.equal(json.statusCode, 413);
      assert.equal(json.json().error, 'payload-too-large');
      const file = await small.inject({ method: 'POST', url: '/api/ingest', ...(await multipart([{ name: 'big.txt', content: big }])) });
      assert.equal(file.statusCode, 413);
    } finally {
      await small.close();
    }
  });
});
