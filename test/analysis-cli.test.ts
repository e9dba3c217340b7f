// The analysis commands end to end on a small store: events, timeline, dyad, positions,
// reversals, brief, export — their output, and clear usage errors for bad arguments.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../src/cli/main.js';
import { eventsStage } from '../src/extract/events.js';
import { positionsStage } from '../src/extract/positions.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { fixture, WAR_ACTORS } from './fixtures/document.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-acli-'));
const db = join(dir, 'cli.db');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  // Strings are the command's output; the test runner's own reports to the parent are binary
  // chunks on the same stdout, and may be flushed while a command awaits its imports.
  process.stdout.write = ((s: string | Uint8Array, ...rest: never[]) => (typeof s === 'string' ? ((out += s), true) : w1(s, ...rest))) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array, ...rest: never[]) => (typeof s === 'string' ? ((err += s), true) : w2(s, ...rest))) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'parley', '--db', db, ...args]);
    return { code, out, err };
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
}

before(async () => {
  const store = new SqliteStore(db);
  await store.migrate();
  const ev = eventsStage({});
  const pos = positionsStage({});
  const mk = (id: string, text: string, published: string, quote?: string) => {
    const d = fixture(text, { id, actors: WAR_ACTORS, published, quotes: quote ? [{ text: quote, actor: 'donald-trump', about: ['vladimir-putin'] }] : [] });
    d.title = `<script>alert(${id})</script>`;
    ev.run(d);
    pos.run(d);
    return d;
  };
  await store.saveDocuments([
    mk('c1', 'Russia attacked Kyiv overnight. Trump said: “I disagree with sending long-range missiles into Russia.”', '2024-12-10', 'I disagree with sending long-range missiles into Russia.'),
    mk('c2', 'Russia launched a massive attack on Ukraine.', '2024-12-11'),
    mk('c3', 'Trump said: “Putin is absolutely crazy, Ukraine should be allowed to use long-range missiles.” The U.S. imposed sanctions on Russia.', '2025-07-20', 'Putin is absolutely crazy, Ukraine should be allowed to use long-range missiles.'),
  ]);
  await store.close();
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('parley events and timeline: the same attack from two articles is one timeline line', async () => {
  const ev = await run('events', '--type', 'ASSAULT', '--json');
  assert.equal(ev.code, 0);
  assert.equal(ev.out.trim().split('\n').length, 2);
  const tl = await run('timeline', '--type', 'assault', '--json');
  const lines = tl.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 1);
  assert.deepEqual(lines[0].articles.sort(), ['c1', 'c2']);
});

test('parley dyad, positions and reversals', async () => {
  const d = await run('dyad', 'Trump', 'Putin', '--by', 'month', '--json');
  const series = JSON.parse(d.out);
  assert.equal(series.source, 'donald-trump');
  assert.ok(series.points.find((p: { period: string; tone: number }) => p.period === '2025-07').tone < 0);
  const p = await run('positions', 'Trump');
  assert.match(p.out, /long-range-strikes/);
  const r = await run('reversals');
  assert.match(r.out, /donald-trump on long-range-strikes\n {2}before opposes \(2024-12\).*\n {2}after {2}supports \(2025-07\)/);
});

test('parley brief escapes article content in HTML; export gives GraphML and CSV', async () => {
  const html = await run('brief', '--format', 'html');
  assert.equal(html.code, 0);
  assert.ok(!html.out.includes('<script>'), 'no live script from an article title');
  assert.match(html.out, /&lt;script&gt;/);
  const md = await run('brief', '--actor', 'Trump');
  assert.match(md.out, /^# Brief: /);
  const g = await run('export', '--format', 'graphml');
  assert.match(g.out, /<graphml/);
  const csv = await run('export', '--format', 'csv', '--table', 'dyads');
  assert.match(csv.out, /^source,target,events,intensity,quotes,tone,first,last\n/);
});

test('bad arguments: one clear line and a non-zero exit', async () => {
  const a = await run('dyad', 'Trump', 'Putin', '--by', 'year');
  assert.equal(a.code, 2);
  assert.match(a.err, /--by "year": use day, week, month/);
  const b = await run('events', '--from', '2025-13-01');
  assert.equal(b.code, 2);
  assert.match(b.err, /--from "2025-13-01" is not a date/);
  const c = await run('positions', 'Nobody');
  assert.equal(c.code, 1);
  assert.match(c.err, /no actor "Nobody" in the store/);
  const e = await run('export', '--format', 'xml');
  assert.equal(e.code, 2);
  const t = await run('events', '--type', 'PUNCH');
  assert.match(t.err, /--type "PUNCH" is not an event type/);
});
