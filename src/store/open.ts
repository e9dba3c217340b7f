// Choose the engine from a location: a postgres:// URL or a file path (default ./parley.db).
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export const DEFAULT_DB = './parley.db';

export function resolveDbLocation(explicit?: string | null): string {
  return explicit || process.env.PARLEY_DB || DEFAULT_DB;
}

export async function openStore(location?: string | null, options: { migrate?: boolean } = {}): Promise<Store> {
  const where = resolveDbLocation(location);
  let store: Store;
  if (/^postgres(ql)?:\/\//i.test(where)) {
    const { PostgresStore } = await import('./postgres.js');
    store = new PostgresStore(where) as unknown as Store;
  } else {
    store = new SqliteStore(where);
  }
  if (options.migrate !== false) await store.migrate();
  return store;
}
