// PostgreSQL store: being written (issue 7). Until then, a postgres:// location is refused clearly.
import type { Store } from './store.js';
import { StoreError } from './store.js';

export class PostgresStore {
  readonly engine = 'postgres' as const;
  constructor(url: string) {
    throw new StoreError(`PostgreSQL support is not available in this build (${url.replace(/\/\/[^@]*@/, '//')})`, 'unavailable');
  }
}
export type { Store };
