// JSONL: one article per line, {title, text | html, published, url, publisher, authors | author}.
// A broken line is reported with its line number; the other lines are kept.
import { InputError } from './errors.js';
import { MAX_INPUT_BYTES, tooLarge } from './limits.js';
import type { RawItem } from './raw.js';

function strings(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/\s*(?:;|,|\band\b)\s*/).filter(Boolean);
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? [x] : x && typeof x === 'object' && typeof x.name === 'string' ? [x.name] : []));
  return [];
}

const opt = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** One JSONL line as an item; `source` is `file.jsonl:LINE`. Throws InputError for a bad line. */
export function parseJsonlLine(line: string, source: string): RawItem {
  if (line.length > MAX_INPUT_BYTES) throw new InputError(source, tooLarge(Buffer.byteLength(line)));
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (err) {
    throw new InputError(source, `invalid JSON (${(err as Error).message})`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new InputError(source, 'not a JSON object');
  const o = v as Record<string, unknown>;
  const text = typeof o.text === 'string' && o.text.trim() ? o.text : null;
  const html = typeof o.html === 'string' && o.html.trim() ? o.html : null;
  if (!text && !html) throw new InputError(source, 'no "text" or "html" field');
  return {
    source,
    format: text ? 'text' : 'html',
    content: (text ?? html)!,
    url: opt(o.url),
    meta: {
      title: opt(o.title),
      published: opt(o.published) ?? opt(o.date) ?? opt(o.datePublished),
      publisher: opt(o.publisher) ?? opt(o.source_name),
      authors: strings(o.authors ?? o.author),
      dateline: opt(o.dateline),
    },
  };
}
