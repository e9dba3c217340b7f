import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite.js';
import { test } from 'node:test';
import { doc, storeContract } from './store.contract.js';

// A file (not :memory:) so that open() can give a second connection to the same database.
storeContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
  return {
    open: () => new SqliteStore(join(dir, 'test.db')),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

test('a bulk load checkpoints from a background thread, never from the writer, and hands back after', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bulk-'));
  const path = join(dir, 'bulk.db');
  const store = new SqliteStore(path);
  try {
    await store.migrate();
    const before = statSync(path).size;
    const end = store.beginBulkLoad();
    assert.equal(store.db.pragma('wal_autocheckpoint', { simple: true }), 0);
    const words = 'ceasefire talks delegations prisoners sanctions drones Kyiv Moscow Geneva envoy'.split(' ');
    for (let b = 0; b < 5; b++)
      await store.saveDocuments(
        Array.from({ length: 40 }, (_, i) => doc({ text: `Story ${b}-${i}. ` + Array.from({ length: 400 }, (_, k) => words[(k * (i + 3) + b) % words.length]).join(' ') + '.' })),
      );
    // The writer does not checkpoint now, so the database file grows only by the thread's checkpoints.
    const deadline = Date.now() + 20_000;
    while (statSync(path).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(statSync(path).size > before, 'the background thread copied the log into the database file');
    await end();
    assert.equal(store.db.pragma('wal_autocheckpoint', { simple: true }), 1000);
    assert.equal((await store.stats()).articles, 200);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
