// The serialised document contract (PRODUCT.md): what `parley extract`, `parley show` and the
// API print. Contract fields come first in their documented order, then whatever later
// stages add; tokens stay internal. `source` becomes an object so scorers and scripts can
// match a document to its file (`source.path`) or page (`source.url`).
import type { Document } from './document.js';
import type { Page } from './store/store.js';

export interface SourceRef {
  /** What the ingest log calls this input: a path, a URL, `stdin`, `feed.xml#3`, `file.jsonl:12` … */
  name: string;
  path?: string;
  url?: string;
}

export function sourceRef(source: string | null | undefined, url?: string | null): SourceRef | null {
  if (!source) return url ? { name: url, url } : null;
  if (/^https?:\/\//i.test(source)) return { name: source, url: source };
  // Feed items and JSONL lines are named after their file with a `#n` or `:n` suffix.
  const file = source === 'stdin' || source === '-' || /^paste:/.test(source) ? undefined : source.replace(/(#\d+|:\d+)$/, '');
  return { name: source, ...(file ? { path: file } : {}), ...(url ? { url } : {}) };
}

/** A document as the contract serialises it: `source` as a SourceRef, no tokens. */
export type ContractDocument = Omit<Document, 'source' | 'tokens'> & { source: SourceRef | null };

/** An article listing row (ArticleSummary, SearchHit) with `source` in the contract's shape. */
export type ContractRow<T extends { source: string | null; url: string | null }> = Omit<T, 'source'> & { source: SourceRef | null };

export function rowToContract<T extends { source: string | null; url: string | null }>(row: T): ContractRow<T> {
  return { ...row, source: sourceRef(row.source, row.url) };
}

export function contractPage<T extends { source: string | null; url: string | null }>(page: Page<T>): Page<ContractRow<T>> {
  return { ...page, items: page.items.map(rowToContract) };
}

export function toContract(doc: Document): ContractDocument {
  const { id, title, published, publisher, authors, dateline, url, source, text, actors, mentions, quotes, times, events, tokens: _tokens, ...rest } = doc;
  return { id, title, published, publisher, authors, dateline, url, source: sourceRef(source, url), text, actors, mentions, quotes, times, events, ...rest };
}
