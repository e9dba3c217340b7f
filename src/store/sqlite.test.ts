import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite.js';
import { storeContract } from './store.contract.js';

// A file (not :memory:) so that open() can give a second connection to the same database.
storeContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
  return {
    open: () => new SqliteStore(join(dir, 'test.db')),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
