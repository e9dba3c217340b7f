#!/usr/bin/env node
// Runs every unit test (src/**/*.test.ts, beside the code) and end-to-end test (test/**/*.test.ts)
// with Node's own test runner; TypeScript is loaded through tsx, so no build is needed first.
// Usage: npm test [-- PATTERN…]   (only files whose path contains one of the patterns)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) find(p, out);
    else if (/\.test\.(ts|tsx|mjs)$/.test(e)) out.push(p);
  }
  return out;
}

const patterns = process.argv.slice(2);
let files = [...find('src'), ...find('test'), ...find('web/src')].sort();
if (patterns.length) files = files.filter((f) => patterns.some((p) => f.includes(p)));
if (!files.length) {
  console.error('no test files matched');
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, PARLEY_TEST: '1' } },
);
process.exit(r.status ?? 1);
