// The serialised document contract (PRODUCT.md): what `parley extract`, `parley show` and the
// API print. Contract fields come first in their documented order, then whatever later
// stages add; tokens stay internal. `source` becomes an object so scorers and scripts can
// match a document to its file (`source.path`) or page (`source.url`).
import type { Document } from './document.js';

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

export function toContract(doc: Document): Record<string, unknown> {
  const { id, title, published, publisher, authors, dateline, url, source, text, actors, mentions, quotes, times, events, tokens: _tokens, ...rest } = doc;
  return { id, title, published, publisher, authors, dateline, url, source: sourceRef(source, url), text, actors, mentions, quotes, times, events, ...rest };
}
