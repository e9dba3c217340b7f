// What a reader hands on: one article's content as read, not yet cleaned. Plain data (no
// functions, no Buffers), so a batch can be sent to worker threads or a job queue as is.
export interface RawMeta {
  title?: string | null;
  published?: string | null;
  publisher?: string | null;
  authors?: string[];
  dateline?: string | null;
}

export interface RawItem {
  /** Where it came from: a path, a URL, `stdin`, `feed.xml#3`, `file.jsonl:12`. */
  source: string;
  format: 'text' | 'html';
  content: string;
  url?: string | null;
  /** Metadata the source states (JSONL fields, feed item fields); it wins over what the text says. */
  meta?: RawMeta;
}

export function isRawItem(x: unknown): x is RawItem {
  return typeof x === 'object' && x !== null && typeof (x as RawItem).content === 'string' && typeof (x as RawItem).source === 'string';
}
