// Turns what the API receives (pasted text, HTML, a URL, uploaded files) into inputs of the
// library's ingest(), and its outcomes into one result per item with the right error status.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createDefaultPipeline, ingest, storePipelineOptions, type Input, type IngestItemResult as CoreResult, type Pipeline, type RawItem } from '../index.js';
import type { Store } from '../store/store.js';
import { HttpError, type ErrorCode } from './errors.js';

export interface IngestMeta {
  title?: string;
  published?: string;
  publisher?: string;
  url?: string;
}

export type IngestItem =
  | { kind: 'text'; name: string; text: string; meta?: IngestMeta }
  | { kind: 'html'; name: string; html: string; meta?: IngestMeta }
  | { kind: 'url'; name: string; url: string }
  | { kind: 'file'; name: string; data: Buffer; mimetype?: string };

export interface IngestItemResult {
  input: string;
  status: 'stored' | 'duplicate' | 'near-duplicate' | 'failed';
  id?: string;
  title?: string | null;
  duplicateOf?: string | null;
  error?: ErrorCode;
  message?: string;
}

export interface IngestOptions {
  lexicons?: string[];
  allowPrivate?: boolean;
}

/** A batch item refused before ingestion (malformed, unsupported URL scheme): it fails alone. */
export interface InvalidItem {
  kind: 'invalid';
  name: string;
  message: string;
}

const PRIVATE_HINT = 'private/loopback addresses are refused by this server';

// Building the pipeline loads the language model and lexicons (seconds); a server builds it once,
// and again only when the store's user actors (POST /api/actors) have changed since.
const pipelines = new WeakMap<IngestOptions, { key: string; pipeline: Pipeline }>();
async function pipelineFor(store: Store, options: IngestOptions): Promise<Pipeline> {
  const pipelineOptions = await storePipelineOptions(store, { lexicons: options.lexicons });
  const key = JSON.stringify(pipelineOptions.actors ?? []);
  let p = pipelines.get(options);
  if (!p || p.key !== key) pipelines.set(options, (p = { key, pipeline: createDefaultPipeline(pipelineOptions) }));
  return p.pipeline;
}

/** Which status a reader's one-line problem deserves. */
export function statusOfProblem(problem: string): ErrorCode {
  if (/too large/i.test(problem)) return 'payload-too-large';
  if (/binary content|unknown text encoding|not an RSS or Atom feed|unsupported/i.test(problem)) return 'unsupported-media-type';
  return 'unprocessable';
}

function rawItem(item: IngestItem & { kind: 'text' | 'html' }): RawItem {
  const meta = item.meta ?? {};
  return {
    source: item.name,
    format: item.kind,
    content: item.kind === 'text' ? item.text : item.html,
    url: meta.url ?? null,
    meta: { title: meta.title ?? null, published: meta.published ?? null, publisher: meta.publisher ?? null },
  };
}

/**
 * Ingest every item through the library; one item's failure never stops the others. Uploaded
 * files go through a private temp folder so every reader (encodings, feeds, JSONL, gzip) applies,
 * under their own names. A single item's failure is thrown so the API answers with its status.
 */
export async function ingestItems(store: Store, all: (IngestItem | InvalidItem)[], options: IngestOptions, single: boolean): Promise<IngestItemResult[]> {
  const items = all.filter((i): i is IngestItem => i.kind !== 'invalid');
  const invalid: IngestItemResult[] = all
    .filter((i): i is InvalidItem => i.kind === 'invalid')
    .map((i) => ({ input: i.name, status: 'failed', error: 'bad-request', message: `${i.name}: ${i.message}` }));
  const files = items.filter((i): i is IngestItem & { kind: 'file' } => i.kind === 'file');
  const dir = files.length ? await mkdtemp(join(tmpdir(), 'parley-upload-')) : null;
  try {
    const inputs: Input[] = [];
    const names = new Map<string, string>();
    for (const [n, item] of items.entries()) {
      if (item.kind === 'text' || item.kind === 'html') inputs.push(rawItem(item));
      else if (item.kind === 'url') inputs.push(item.url);
      else {
        // A numbered folder per file keeps two uploads of the same name apart.
        const path = join(dir!, String(n), basename(item.name).replace(/^\.+/, '_') || 'upload');
        await mkdir(join(dir!, String(n)), { recursive: true });
        await writeFile(path, item.data);
        names.set(path, item.name);
        inputs.push(path);
      }
    }
    const core: CoreResult[] = [];
    if (inputs.length) await ingest(inputs, store, { pipeline: await pipelineFor(store, options), allowPrivate: options.allowPrivate, privateHint: PRIVATE_HINT, onItem: (r) => core.push(r) });
    const rename = (input: string) => {
      for (const [path, name] of names) if (input.startsWith(path)) return name + input.slice(path.length);
      return input;
    };
    const out: IngestItemResult[] = core.map((r) =>
      r.status === 'failed'
        ? { input: rename(r.input), status: 'failed', error: statusOfProblem(r.error ?? ''), message: `${rename(r.input)}: ${r.error ?? 'failed'}` }
        : { input: rename(r.input), status: r.status, id: r.id, duplicateOf: r.duplicateOf ?? null },
    );
    out.push(...invalid);
    for (const r of out.slice(0, 100)) if (r.id) r.title = (await store.getArticle(r.id))?.title ?? null;
    if (single && out.length === 1 && out[0].status === 'failed') throw new HttpError(out[0].error!, out[0].message!);
    return out;
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

export function summarise(results: IngestItemResult[]) {
  const count = (s: IngestItemResult['status']) => results.filter((r) => r.status === s).length;
  return { stored: count('stored'), duplicate: count('duplicate'), nearDuplicate: count('near-duplicate'), failed: count('failed') };
}
