// `parley start`, the main job: load the examples, serve the app, print the URL; run again and
// nothing changes (every example is already stored) and nothing fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './shared.js';

interface Started {
  out: string;
  url: string;
  stop: () => Promise<void>;
}

function start(db: string, command = ['start', '--port', '0']): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'cli', 'main.ts'), '--db', db, ...command], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PARLEY_TOKEN: '' },
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    const on = (b: Buffer) => {
      out += b.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ out, url: m[1], stop: () => (child.kill('SIGTERM'), exited) });
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.once('exit', (code) => reject(new Error(`parley start exited (${code}) before serving:\n${out}`)));
  });
}

test('parley start loads the examples and serves the app; a second start changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-start-'));
  const db = join(dir, 'parley.db');
  try {
    const first = await start(db);
    let articles: number;
    try {
      const m = /examples: (\d+) stored, 0 already stored/.exec(first.out);
      assert.ok(m, first.out);
      assert.doesNotMatch(first.out, /failed/);
      const status = (await (await fetch(first.url + 'api/status')).json()) as { counts: { articles: number; quotes: number } };
      articles = status.counts.articles;
      assert.equal(articles, Number(m[1]));
      assert.ok(status.counts.quotes > 0);
      const page = await fetch(first.url);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    } finally {
      await first.stop();
    }
    const second = await start(db);
    try {
      assert.match(second.out, new RegExp(`examples: 0 stored, ${articles} already stored`));
      assert.doesNotMatch(second.out, /failed|error/i);
      const status = (await (await fetch(second.url + 'api/status')).json()) as { counts: { articles: number } };
      assert.equal(status.counts.articles, articles);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parley serve --workers 2: several processes answer on one port; stopping the primary stops them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-workers-'));
  try {
    const s = await start(join(dir, 'parley.db'), ['serve', '--port', '0', '--workers', '2']);
    try {
      assert.match(s.out, /with 2 processes/);
      const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(s.url + 'api/status').then((r) => r.status)));
      assert.deepEqual(answers, [200, 200, 200, 200, 200, 200]);
    } finally {
      await s.stop();
    }
    await assert.rejects(fetch(s.url + 'api/status'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
