// The CLI end to end: real processes on a temporary database.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli, type CliRun } from './run-cli.js';
import { hasShared, sharedPath } from './shared.js';

let dir: string;
let db: string;

function parley(args: string[], input?: string): Promise<CliRun> {
  return runCli(args, input);
}

const story = (title: string, body: string) => `${title}\n\nBy Olena Hart\nJul 09, 2025\n\nKYIV, Ukraine -- ${body}\n\nWrite to Olena Hart at olena.hart@northline.example\n`;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  db = join(dir, 'test.db');
  writeFileSync(join(dir, 'a.txt'), story('Envoys Meet in Geneva', 'Envoys from both sides met in Geneva on Tuesday to discuss a prisoner exchange and a partial ceasefire.'));
  writeFileSync(join(dir, 'b.txt'), story('Drone Strikes Hit Odesa Port', 'Drones struck the port of Odesa overnight, damaging grain silos, regional officials said on Wednesday.'));
  writeFileSync(join(dir, 'empty.txt'), '');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('--help on every command', async () => {
  // in process for each command (cheap), through a real process for one
  const { Command } = await import('commander');
  const { commands } = await import('../src/cli/commands/index.js');
  const program = new Command('parley');
  for (const register of commands) register(program, () => {});
  for (const name of ['ingest', 'extract', 'list', 'show', 'search']) {
    const cmd = program.commands.find((c) => c.name() === name);
    assert.ok(cmd, name);
    assert.ok(cmd.description().length > 10, name);
    assert.match(cmd.helpInformation(), new RegExp(`^Usage: parley ${name}`));
  }
  const r = await parley(['ingest', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: parley ingest/);
  assert.match(r.stdout, /--allow-private/);
  assert.match(r.stdout, /10 MB/);
});

test('ingest, then list, show, search; exit 1 when one input fails', async () => {
  const ing = await parley(['--db', db, 'ingest', join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'empty.txt')]);
  assert.equal(ing.code, 1, ing.stderr);
  assert.match(ing.stderr, /stored 2, duplicates 0, failed 1/);
  assert.match(ing.stderr, /failed: .*empty\.txt: empty input/);

  const [again, list] = await Promise.all([parley(['--db', db, 'ingest', join(dir, 'a.txt')]), parley(['--db', db, 'list', '--json'])]);
  assert.equal(again.code, 0);
  assert.match(again.stderr, /stored 0, duplicates 1, failed 0/);

  assert.equal(list.code, 0);
  const rows = list.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((r) => r.title).sort(), ['Drone Strikes Hit Odesa Port', 'Envoys Meet in Geneva']);
  const geneva = rows.find((r) => r.title === 'Envoys Meet in Geneva');

  const [show, search, missing] = await Promise.all([
    parley(['--db', db, 'show', geneva.id]),
    parley(['--db', db, 'search', 'grain silos', '--json']),
    parley(['--db', db, 'show', 'no-such-id']),
  ]);
  assert.equal(show.code, 0);
  const doc = JSON.parse(show.stdout);
  assert.equal(doc.published, '2025-07-09');
  assert.deepEqual(doc.authors, ['Olena Hart']);
  assert.equal(doc.dateline, 'KYIV, Ukraine');
  assert.ok(doc.text.startsWith('Envoys Meet in Geneva\n\nEnvoys from both sides'));
  assert.equal(search.code, 0);
  const hits = search.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(hits.map((h) => h.title), ['Drone Strikes Hit Odesa Port']);
  // list, search and show give `source` in one shape: the document contract's.
  assert.deepEqual(geneva.source, doc.source);
  assert.deepEqual(doc.source, { name: join(dir, 'a.txt'), path: join(dir, 'a.txt') });
  assert.deepEqual(hits[0].source, { name: join(dir, 'b.txt'), path: join(dir, 'b.txt') });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no article with id no-such-id/);
});

test('extract prints the document contract and stores nothing; stdin with -; the seeds', async () => {
  const extractDb = join(dir, 'extract.db');
  const seeds = hasShared ? readdirSync(sharedPath('seeds')).sort().map((f) => sharedPath('seeds', f)) : [];
  const r = await parley(['--db', extractDb, 'extract', join(dir, 'a.txt'), '-', ...seeds], story('Talks From Stdin', 'Delegations read from standard input agreed to meet again in Istanbul next month.'));
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(docs.length, 2 + seeds.length);
  for (const d of docs) for (const k of ['id', 'title', 'published', 'publisher', 'authors', 'dateline', 'text', 'actors', 'mentions', 'quotes', 'times', 'events']) assert.ok(k in d, k);
  assert.equal(docs[1].title, 'Talks From Stdin');
  assert.deepEqual(docs[1].source, { name: 'stdin' });
  assert.deepEqual(docs[0].source, { name: join(dir, 'a.txt'), path: join(dir, 'a.txt') });
  assert.ok(!existsSync(extractDb), 'extract opened no database');
  if (seeds.length) {
    // `parley extract ../shared/seeds/*.txt` (the field-by-field checks are in src/ingest/messy-text.test.ts)
    assert.deepEqual(
      docs.slice(2).map((d) => [d.title, d.published, d.publisher, d.authors.join('; '), d.dateline]),
      [
        [null, '2025-08-22', null, 'Alexander Ward; Michael R. Gordon', null],
        ["Putin's Strategy of Paying Lip Service to Peace Falters as Trump Loses Patience", '2025-07-09', 'The Wall Street Journal', 'Matthew Luxmoore', 'KYIV, Ukraine'],
        ['Trump Faces Challenges in Ukraine Peace Efforts', null, null, '', null],
        [null, '2025-07-07', null, '', null],
        ['Trump Pushes for Ceasefire, Putin Pushes for Kyiv', null, null, '', null],
      ],
    );
  }
});

test('usage errors exit 2', async () => {
  const [noInputs, badLimit] = await Promise.all([parley(['--db', db, 'ingest']), parley(['--db', db, 'list', '--limit', 'many'])]);
  assert.equal(noInputs.code, 2);
  assert.match(noInputs.stderr, /missing required argument/);
  assert.equal(badLimit.code, 2);
  assert.match(badLimit.stderr, /--limit must be a positive whole number/);
  const [emptySearch, ftp] = await Promise.all([parley(['--db', db, 'search', ' ']), parley(['--db', join(dir, 'ftp.db'), 'ingest', 'ftp://x'])]);
  assert.equal(emptySearch.code, 2);
  assert.equal(emptySearch.stdout, '');
  assert.match(emptySearch.stderr, /^parley: search needs words .*\n$/);
  assert.equal(ftp.code, 1);
  assert.match(ftp.stderr, /ftp:\/\/x: unsupported URL scheme ftp: \(http and https only\)/);
});

test('--lexicon is repeatable and leaves the subcommand alone', async () => {
  // in process: a probe command reads the global the way every command does
  const { createProgram } = await import('../src/cli/main.js');
  const { globals } = await import('../src/cli/io.js');
  const program = createProgram().exitOverride();
  let seen: { lexicon?: string[]; input?: string } = {};
  program.command('probe').argument('<input>').action((input: string, _opts, cmd) => (seen = { lexicon: globals(cmd).lexicon, input }));
  await program.parseAsync(['node', 'parley', '--lexicon', 'a.yaml', '--lexicon', 'b.yaml', 'probe', 'news/']);
  assert.deepEqual(seen, { lexicon: ['a.yaml', 'b.yaml'], input: 'news/' });
});
