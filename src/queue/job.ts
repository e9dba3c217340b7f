// What one ingestion job carries. A job is self-contained: a local file's article travels inside
// the job as the reader produced it (a RawItem: decoded text or HTML plus stated metadata), so a
// worker on another machine needs no shared disk; a URL is fetched by whichever worker takes it.
import type { RawItem } from '../ingest/raw.js';

export interface IngestJobData {
  /** Names the input in messages and the ingestion log: a path, a URL, `feed.xml#3`, `a.jsonl:12`. */
  input: string;
  /** The article as read where it was enqueued. */
  raw?: RawItem;
  /** A URL the worker fetches itself (a page, or a feed whose items become new jobs). */
  url?: string;
}

export function jobInputName(data: unknown): string {
  const d = data as Partial<IngestJobData> | null;
  return typeof d?.input === 'string' ? d.input : '(unnamed job)';
}

export function rawJob(raw: RawItem): IngestJobData {
  return { input: raw.source, raw };
}
