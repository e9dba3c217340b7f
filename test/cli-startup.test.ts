// The CLI starts light: `parley --help` and the light commands load no database driver, server,
// queue or language pipeline, because every command imports its implementation when it runs.
// What a process loaded is recorded by a loader hook (test/record-imports.mjs); the start-up
// time itself is measured by hand (`time parley --help`), never asserted here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from './shared.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-cli-startup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI from source and returns what it printed and every module it loaded (repo-relative). */
function loaded(args: string[]): { code: number | null; stdout: string; modules: string[] } {
  const log = join(dir, `imports-${args.join('-').replace(/\W+/g, '_')}.txt`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/record-imports.mjs', 'src/cli/main.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, PARLEY_DB: '', PARLEY_IMPORT_LOG: log },
  });
  const root = new URL(`file://${repoRoot}/`).href;
  const modules = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith(root)).map((u) => u.slice(root.length));
  return { code: r.status, stdout: r.stdout, modules };
}

const HEAVY_PACKAGES = ['fastify', 'better-sqlite3', 'pg', 'pg-boss', 'wink-nlp', 'chrono-node', 'linkedom', '@mozilla/readability', 'cli-progress'];
const pkg = (m: string) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m)?.[1];

test('parley --help lists every command and loads none of their implementations', () => {
  const r = loaded(['--help']);
  assert.equal(r.code, 0);
  for (const c of ['ingest', 'extract', 'list', 'show', 'search', 'quotes', 'dyad', 'brief', 'serve', 'worker', 'jobs']) assert.match(r.stdout, new RegExp(`\\n  ${c}\\b`));
  assert.ok(r.modules.includes('src/cli/commands/ingest.ts'), 'the recorder sees the command modules');
  const heavy = r.modules.filter((m) => HEAVY_PACKAGES.includes(pkg(m) ?? '') || /^src\/(ingest\/(?!limits)|nlp|extract|queue|store|server\/(?!defaults|paths)|analyze)/.test(m));
  assert.deepEqual(heavy, []);
});

test('parley list opens the store and loads nothing else heavy', () => {
  const r = loaded(['--db', join(dir, 'empty.db'), 'list', '--json']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
  assert.ok(r.modules.some((m) => pkg(m) === 'better-sqlite3'), 'the SQLite driver is loaded when a command needs it');
  // (The store itself uses the ingest stage's fingerprints for near duplicates.)
  const heavy = r.modules.filter((m) => ['fastify', 'pg-boss', 'wink-nlp', 'chrono-node', 'linkedom'].includes(pkg(m) ?? '') || /^src\/(ingest\/(?!limits|fingerprint)|nlp|extract|queue|server\/(?!defaults|paths))/.test(m));
  assert.deepEqual(heavy, []);
});

test('help texts written out to stay light match the values they name', async () => {
  const [{ createProgram }, { QUEUE_DEFAULTS }, { JOB_STATES }, { DEFAULT_HOST, DEFAULT_PORT }] = await Promise.all([
    import('../src/cli/main.js'),
    import('../src/queue/boss.js'),
    import('../src/queue/status.js'),
    import('../src/server/listen.js'),
  ]);
  const program = createProgram();
  const option = (cmd: string, flag: string) => program.commands.find((c) => c.name() === cmd)!.options.find((o) => o.long === flag)!;
  assert.match(option('worker', '--sweep-seconds').description, new RegExp(`\\(default ${QUEUE_DEFAULTS.maintenanceIntervalSeconds}\\)$`));
  assert.match(option('jobs', '--state').description, new RegExp(`\\(${JOB_STATES.join(', ')}\\)$`));
  assert.equal(option('serve', '--host').defaultValue, DEFAULT_HOST);
  assert.equal(option('start', '--port').defaultValue, Number(process.env.PARLEY_PORT) || DEFAULT_PORT);
});
