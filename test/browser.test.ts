// The web app in headless Chromium, the way an analyst uses it: ingest an article on the Ingest
// page, read it with its quotes highlighted, open the speaker, open a relation, search a quote.
// Each step asserts what a person sees; screenshots go to test-results/ (and the Reader to
// docs/screenshot.png for the README when it is missing or PARLEY_UPDATE_SCREENSHOT=1).
// Without Chromium the test skips, except in CI.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { ingest } from '../src/ingest/ingest.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { createServer } from '../src/server/app.js';
import { repoRoot } from './shared.js';

const CHROMIUM = [process.env.PARLEY_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
const SKIP = CHROMIUM || process.env.CI ? false : 'no Chromium found (install Debian\'s "chromium" or set PARLEY_CHROMIUM): browser tests skipped';

const HELD_OUT = join(repoRoot, 'examples', 'text', '2025-02-13-trump-putin-call-opens-talks.txt');
const TITLE = 'Trump and Putin Agree to Start Negotiations After Lengthy Phone Call';
const QUOTE = 'We both reflected on the great history of our Nations';
const results = join(repoRoot, 'test-results');

let dir: string;
let store: Store;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base: string;
const problems: string[] = [];

/** Builds the web app from source into a temp folder, so the test never sees a stale build. */
async function buildWebApp(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'web', 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
}

/** The examples minus the article the test ingests through the page. */
function examplesWithout(held: string, into: string): string {
  const root = join(repoRoot, 'examples');
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p !== held && !e.startsWith('.') && !/readme/i.test(e)) symlinkSync(p, join(into, p.slice(root.length + 1).replace(/[\\/]/g, '__')));
    }
  };
  walk(root);
  return into;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(results, `browser-${name}.png`) });
}

before(async () => {
  if (SKIP) return;
  if (!CHROMIUM) throw new Error('CI is set but no Chromium was found: install Debian\'s "chromium" (the browser test never skips in CI)');
  dir = mkdtempSync(join(tmpdir(), 'parley-browser-'));
  mkdirSync(results, { recursive: true });
  const web = join(dir, 'web');
  const examples = join(dir, 'examples');
  mkdirSync(examples);
  store = await openStore(join(dir, 'browser.db'));
  await Promise.all([buildWebApp(web), ingest([examplesWithout(HELD_OUT, examples)], store)]);
  app = await createServer({ store, webRoot: web });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/`;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(20_000);
  // CSP violations and script errors are failures: the app must work under its own policy.
  // (A 4xx answer is logged as a failed load; the API sends those on purpose, e.g. for a bad upload.)
  page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
});

after(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an analyst ingests, reads, follows a speaker and a relation, and finds a quote', { skip: SKIP }, async (t) => {
  await t.test('Ingest page: paste an article, see it stored with its title', async () => {
    await page.goto(base + '#/ingest');
    await page.getByLabel('Article text').fill(readFileSync(HELD_OUT, 'utf8'));
    await page.getByRole('button', { name: 'Ingest', exact: true }).click();
    const row = page.locator('table.results tbody tr').first();
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${TITLE}[\\s\\S]*Stored`));
    assert.match(await page.locator('.progress').innerText(), /1 of 1/);
    await shot('1-ingest');
    await row.getByRole('link', { name: /Open in reader/ }).click();
  });

  await t.test('Reader: the quotes are highlighted; hovering one shows its speaker', async () => {
    await page.locator('h1', { hasText: TITLE }).waitFor();
    const quote = page.locator('.hl-quote', { hasText: 'great history' }).first();
    await quote.waitFor();
    const highlighted = (await page.locator('.hl-quote').allInnerTexts()).join('');
    assert.ok(highlighted.includes(QUOTE), 'the direct quote is drawn as a quote');
    assert.ok(highlighted.includes('start negotiations immediately'));
    await quote.hover();
    const tip = page.locator('.tip');
    await tip.waitFor();
    assert.match(await tip.innerText(), /direct quote[\s\S]*Speaker: Donald Trump/i);
    await shot('2-reader');
    // The README's screenshot: made here, rewritten only on request so test runs leave git clean.
    const readme = join(repoRoot, 'docs', 'screenshot.png');
    if (process.env.PARLEY_UPDATE_SCREENSHOT || !existsSync(readme)) await page.screenshot({ path: readme });
    // Article text is shown as text: markup in it would be visible, never parsed.
    assert.equal(await page.locator('.article-text script, .article-text img, .article-text a').count(), 0);
  });

  await t.test("Actor page: clicking the quote opens its speaker, with their quotes", async () => {
    await page.locator('.hl-quote', { hasText: 'great history' }).first().click();
    await page.locator('h1', { hasText: 'Donald Trump' }).waitFor();
    assert.match(page.url(), /#\/actor\/donald-trump$/);
    assert.match(await page.locator('.role').innerText(), /President/);
    // Newest first: page back through "Load more" as a reader would, to the February quote.
    const mine = page.locator('.quote-card', { hasText: 'great history of our Nations' });
    await page.locator('.quote-card').first().waitFor();
    for (let i = 0; i < 20 && (await mine.count()) === 0; i++) {
      const more = page.getByRole('button', { name: 'Load more' }).first();
      if (!(await more.isVisible())) break;
      await more.click();
      await page.waitForFunction(() => !document.querySelector('button.more[disabled]'));
    }
    await mine.first().scrollIntoViewIfNeeded();
    assert.ok((await mine.count()) > 0, "the quote is among the speaker's quotes");
    await shot('3-actor');
  });

  await t.test('Dyad view: the relation with Putin over time, with its evidence', async () => {
    await page.locator('li.relation', { hasText: 'Vladimir Putin' }).locator('a[href^="#/dyad/"]').click();
    await page.locator('h1', { hasText: /Donald Trump\s*↔\s*Vladimir Putin/ }).waitFor();
    await page.locator('[data-testid="dyad-chart"] canvas').first().waitFor();
    const events = page.locator('.event-card');
    await events.first().waitFor();
    assert.ok((await events.count()) > 0);
    assert.match(await page.locator('.two-col').innerText(), /CONSULT|THREATEN|SANCTION|AGREE/);
    await shot('4-dyad');
  });

  await t.test('Search: find the quote and jump to its place in the article', async () => {
    await page.getByLabel('Search everything').fill('great history of our Nations');
    await page.getByLabel('Search everything').press('Enter');
    const card = page.locator('.quote-card', { hasText: QUOTE }).first();
    await card.waitFor();
    assert.match(await card.innerText(), /Donald Trump/);
    await shot('5-search');
    await card.locator('a.in-article').click();
    await page.locator('h1', { hasText: TITLE }).waitFor();
    await page.locator('.flash').first().waitFor();
    assert.match(await page.locator('.flash').first().innerText(), /great history|We both/);
    await shot('6-quote-in-article');
  });

  await t.test('Ingest page: uploading files reports each one, errors included', async () => {
    await page.goto(base + '#/ingest');
    await page.getByRole('tab', { name: 'Upload files' }).click();
    await page.getByLabel('Files').setInputFiles([
      { name: 'call.txt', mimeType: 'text/plain', buffer: readFileSync(HELD_OUT) },
      { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0]) },
    ]);
    await page.getByRole('button', { name: 'Ingest', exact: true }).click();
    await page.locator('.progress', { hasText: '2 of 2' }).waitFor();
    const rows = await page.locator('table.results tbody tr').allInnerTexts();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /Already stored/);
    assert.match(rows[1], /Failed[\s\S]*photo\.png: binary/);
    await shot('7-upload');
  });

  await t.test('Ingest page: one URL per line; a bad line is one item with a plain message', async () => {
    await page.goto(base + '#/ingest');
    await page.getByRole('tab', { name: 'URLs' }).click();
    await page.getByLabel('URLs').fill('  not a url  \n\nftp://x\n');
    await page.getByRole('button', { name: 'Ingest', exact: true }).click();
    await page.locator('.progress', { hasText: '2 of 2' }).waitFor();
    const rows = await page.locator('table.results tbody tr').allInnerTexts();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /Failed[\s\S]*not a url: not a web address/);
    assert.match(rows[1], /Failed[\s\S]*ftp:\/\/x: unsupported URL scheme ftp: \(http and https only\)/);
  });

  await t.test('article content is shown as text, never run as HTML', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const text = `KYIV -- Officials said on Monday that a hostile page had posted ${payload} in a comment, and that it was removed.`;
    const res = await fetch(base + 'api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, title: `Markup test ${payload}` }) });
    const [item] = ((await res.json()) as { results: { id: string }[] }).results;
    let dialogs = 0;
    page.on('dialog', (d) => (dialogs++, d.dismiss()));
    await page.goto(base + `#/article/${item.id}`);
    await page.locator('.article-text', { hasText: 'hostile page' }).waitFor();
    assert.ok((await page.locator('.article-text').innerText()).includes(payload), 'the markup is visible as characters');
    assert.ok((await page.locator('h1').innerText()).includes('<script>'));
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(dialogs, 0);
  });

  await t.test('no script errors or CSP violations on the way', () => {
    assert.deepEqual(problems, []);
  });
});

/** A page of its own at a given width, whose script errors and CSP violations count as problems. */
async function pageAt(width: number): Promise<Page> {
  const p = await browser.newPage({ viewport: { width, height: 844 } });
  p.setDefaultTimeout(20_000);
  p.on('console', (m) => m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && problems.push(m.text()));
  p.on('pageerror', (e) => problems.push(e.message));
  return p;
}

// Read in the page: the Cytoscape instance its container holds, node positions, and where labels sit.
const NETWORK_STATE = `(() => {
  const cy = document.querySelector('[data-testid="network"]')._cyreg.cy;
  const labelled = cy.nodes().filter((n) => n.pstyle('label').strValue !== '');
  return {
    nodes: cy.nodes().length,
    positions: cy.nodes().map((n) => [n.id(), Math.round(n.position('x') * 100), Math.round(n.position('y') * 100)]),
    labels: labelled.map((n) => ({ id: n.id(), size: n.data('size'), box: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) })),
    unlabelledSizes: cy.nodes().filter((n) => n.pstyle('label').strValue === '').map((n) => n.data('size')),
    renderedFont: Math.min(...labelled.map((n) => parseFloat(n.renderedStyle('font-size')))),
    minZoomedFont: cy.nodes()[0].pstyle('min-zoomed-font-size').pfValue,
  };
})()`;

interface NetworkState {
  nodes: number;
  positions: [string, number, number][];
  labels: { id: string; size: number; box: { x1: number; x2: number; y1: number; y2: number } }[];
  unlabelledSizes: number[];
  renderedFont: number;
  minZoomedFont: number;
}

/** In the page (a function, not a string: the app's CSP forbids eval): laid out, and not the one drawn before a change. */
function networkReady(): boolean {
  const reg = (document.querySelector('[data-testid="network"]') as unknown as { _cyreg?: { cy?: unknown; previous?: boolean } } | null)?._cyreg;
  return !!reg?.cy && !reg.previous && !document.querySelector('.state.loading');
}

/** The network once laid out; after `change`, the network drawn anew for it. */
async function networkState(p: Page, change?: () => Promise<void>): Promise<NetworkState> {
  if (change) {
    // Marks the registry Cytoscape keeps on its container; a new instance gets a new one.
    await p.evaluate(`document.querySelector('[data-testid="network"]')._cyreg.previous = true`);
    await change();
  }
  await p.waitForFunction(networkReady);
  return (await p.evaluate(NETWORK_STATE)) as NetworkState;
}

function overlapping(labels: NetworkState['labels']): string[] {
  const out: string[] = [];
  for (const [i, a] of labels.entries())
    for (const b of labels.slice(i + 1)) if (a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2) out.push(`${a.id} / ${b.id}`);
  return out;
}

test('the network has the same layout on every load, with labels that do not collide', { skip: SKIP }, async () => {
  const p = await pageAt(1400);
  try {
    await p.goto(base + '#/network');
    const first = await networkState(p);
    assert.ok(first.nodes > 5, 'the examples link several actors');
    await p.reload();
    const again = await networkState(p);
    assert.deepEqual(again.positions, first.positions, 'same store, same picture');
    assert.deepEqual(overlapping(first.labels), []);
    assert.ok(first.labels.length >= Math.min(first.nodes, 10), 'most actors keep their label');
    assert.ok(first.renderedFont >= 8, `labels drawn at ${first.renderedFont} px`);
    assert.ok(first.minZoomedFont >= 8, 'labels hide rather than shrink below a legible size');
    await p.screenshot({ path: join(results, 'browser-8-network.png') });
    // Crowded: every actor, linked or not. Only the larger nodes keep a label; still no collisions.
    await networkState(p, () => p.getByLabel('unlinked actors').check());
    const crowded = await networkState(p, async () => void (await p.locator('.legend select').selectOption('250')));
    assert.ok(crowded.nodes > first.nodes);
    assert.ok(crowded.labels.length <= 30, `${crowded.labels.length} labels`);
    assert.deepEqual(overlapping(crowded.labels), []);
    assert.ok(Math.max(...crowded.unlabelledSizes) <= Math.max(...crowded.labels.map((l) => l.size)), 'the largest actor keeps its label');
  } finally {
    await p.close();
  }
});

test('on a 390 px phone: no page scrolls sideways, and the sections are behind a menu', { skip: SKIP }, async () => {
  const p = await pageAt(390);
  const first = ((await (await fetch(base + 'api/articles?limit=1')).json()) as { items: { id: string }[] }).items[0].id;
  try {
    for (const route of ['#/', `#/article/${first}`, '#/quotes', '#/timeline', '#/network', '#/dyad/donald-trump/vladimir-putin', '#/actor/donald-trump', '#/search?q=ceasefire', '#/ingest']) {
      await p.goto(base + route);
      await p.locator('main h1').first().waitFor();
      await p.waitForLoadState('networkidle');
      const { scroll, width } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
      assert.ok(scroll <= width, `${route}: the page is ${scroll} px wide in a ${width} px window`);
    }
    await p.screenshot({ path: join(results, 'browser-9-phone.png') });
    const nav = p.locator('nav#sections');
    assert.equal(await nav.isVisible(), false, 'folded away until asked for');
    await p.getByRole('button', { name: 'Menu' }).click();
    const links = nav.getByRole('link');
    assert.equal(await links.count(), 6);
    for (const link of await links.all()) {
      const b = (await link.boundingBox())!;
      assert.ok(b.x >= 0 && b.x + b.width <= 390, `${await link.innerText()} is on screen`);
    }
    assert.ok(await p.getByLabel('Search everything').isVisible());
    await nav.getByRole('link', { name: 'Quotes' }).click();
    await p.locator('main h1', { hasText: 'Quotes' }).waitFor();
    assert.equal(await nav.isVisible(), false, 'following a link folds the menu');
  } finally {
    await p.close();
  }
});

test('the HTML brief is styled under its CSP', { skip: SKIP }, async () => {
  const p = await pageAt(1000);
  try {
    await p.goto(base + 'api/brief?format=html');
    await p.locator('h1').waitFor();
    const style = await p.evaluate(() => ({ maxWidth: getComputedStyle(document.body).maxWidth, citeStyle: getComputedStyle(document.querySelector('cite') ?? document.body).fontStyle }));
    assert.equal(style.maxWidth, '960px', 'the inline style applies (60rem)');
    assert.equal(style.citeStyle, 'normal');
  } finally {
    await p.close();
  }
  assert.deepEqual(problems, [], 'no CSP violation on these pages');
});
