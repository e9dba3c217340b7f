// `parley actors` and `parley actor`: real processes on a temporary database.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli, type CliRun } from './run-cli.js';

let dir: string;
let db: string;

function parley(args: string[]): Promise<CliRun> {
  return runCli(['--db', db, ...args]);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-actors-'));
  db = join(dir, 'test.db');
  writeFileSync(join(dir, 'a.txt'), 'Talks in Geneva\n\n date 2025-08-20 President Vladimir Putin spoke with Donald Trump on Tuesday. The Russian leader said talks were useful. Mr. Putin later met Kremlin spokesman Dmitry Peskov.\n');
  writeFileSync(join(dir, 'b.txt'), 'Zelenskyy in Berlin\n\n date 2025-08-21 Ukrainian President Volodymyr Zelenskyy met German Chancellor Friedrich Merz in Berlin. Zelensky said Putin must stop the war.\n');
  const r = await parley(['ingest', join(dir, 'a.txt'), join(dir, 'b.txt')]);
  assert.equal(r.code, 0, r.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('actors lists every actor with mentions and articles, filtered by type and search', async () => {
  const r = await parley(['actors', '--json', '-n', '100']);
  assert.equal(r.code, 0, r.stderr);
  const actors = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const putin = actors.find((a) => a.id === 'vladimir-putin');
  assert.equal(putin.articles, 2);
  assert.ok(putin.mentions >= 4, `Putin mentions: ${putin.mentions}`);
  // Two spellings, one actor.
  assert.equal(actors.filter((a) => /zelensk/i.test(a.id)).length, 1);
  const people = (await parley(['actors', '--type', 'person', '--search', 'pesk', '--json'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(people.map((a) => a.id), ['dmitry-peskov']);
  const bad = await parley(['actors', '--type', 'planet']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--type must be one of/);
});

test('actor shows aliases, roles, where it is mentioned and who is named alongside it', async () => {
  const r = await parley(['actor', 'Putin', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const p = JSON.parse(r.stdout);
  assert.equal(p.actor.id, 'vladimir-putin');
  assert.ok(p.roles.includes('President of Russia'));
  assert.equal(p.appearances.length, 2);
  const co = p.coMentioned.map((c: { id: string }) => c.id);
  for (const id of ['donald-trump', 'dmitry-peskov', 'volodymyr-zelensky', 'friedrich-merz']) assert.ok(co.includes(id), `${id} in ${co}`);
  const text = await parley(['actor', 'vladimir-putin']);
  assert.match(text.stdout, /aliases: .*Putin/);
  assert.match(text.stdout, /co-mentioned actors/);
  const missing = await parley(['actor', 'Nobody Atall']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no actor named "Nobody Atall"/);
});
