// Helpers the routes share around the library core.
import { createDefaultPipeline } from '../index.js';
import { decodeCursor, encodeCursor, pageLimit, type Page, type PageRequest, type Store } from '../store/store.js';
import { HttpError } from './errors.js';

/** Cursor paging over a computed list (analysis results are computed, not stored rows). */
export function pageArray<T>(items: T[], page: PageRequest): Page<T> {
  const limit = pageLimit(page);
  const offset = Number(decodeCursor(page.cursor)?.[0] ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw new HttpError('bad-request', `invalid cursor: ${page.cursor}`);
  const slice = items.slice(offset, offset + limit);
  return { items: slice, next: offset + limit < items.length ? encodeCursor([offset + limit]) : null };
}

/** Which layers this build and engine have, so the web app can say what is missing. */
let stageNames: string[] | null = null;

export function capabilities(store: Store) {
  stageNames ??= createDefaultPipeline().stages.map((s) => s.name);
  return {
    stages: stageNames,
    dyads: typeof store.dyads === 'function' && typeof store.dyadSeries === 'function',
    positions: typeof store.positions === 'function',
  };
}
