// Choose the engine from a location: a postgres:// URL or a file path (default ./parley.db).
import { migrations } from './migrations.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export const DEFAULT_DB = './parley.db';

export function resolveDbLocation(explicit?: string | null): string {
  return explicit || process.env.PARLEY_DB || DEFAULT_DB;
}

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The location as safe to print: a URL's password is hidden. */
export function describeLocation(location: string): string {
  return location.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

export async function openStore(location?: string | null, options: { migrate?: boolean } = {}): Promise<Store> {
  const where = resolveDbLocation(location);
  let store: Store;
  if (isPostgresLocation(where)) {
    const { PostgresStore } = await import('./postgres.js');
    store = new PostgresStore(where);
  } else {
    store = new SqliteStore(where);
  }
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (err) {
      // A pool left open would keep the process alive after the error is reported.
      await store.close().catch(() => {});
      throw err;
    }
  }
  return store;
}

export interface MigrateReport {
  engine: Store['engine'];
  location: string;
  /** Versions this run applied, in order (empty when the database was up to date). */
  applied: number[];
  /** The newest version the code knows; the database is at it after a successful run. */
  version: number;
}

/** Open without migrating, apply what is pending, and say what was applied (`parley migrate`). */
export async function migrateStore(location?: string | null): Promise<MigrateReport> {
  const where = resolveDbLocation(location);
  const store = await openStore(where, { migrate: false });
  try {
    const applied = await store.migrate();
    return { engine: store.engine, location: describeLocation(where), applied, version: Math.max(...migrations.map((m) => m.version)) };
  } finally {
    await store.close();
  }
}
