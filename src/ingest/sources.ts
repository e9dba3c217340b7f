// Every form an input arrives in — file, folder (recursive), URL, feed, JSONL, standard input
// (`-`), or an item handed over by the API — read into raw items. A bad input becomes one
// Failure naming it; reading goes on with the next.
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync } from 'node:zlib';
import { declaredCharset, decodeText } from './decode.js';
import { failure, InputError, type Failure } from './errors.js';
import { parseFeed, type FeedItem } from './feed.js';
import { fetchUrl, type FetchOptions } from './fetch.js';
import { parseJsonlLine } from './jsonl.js';
import { MAX_INPUT_BYTES, tooLarge } from './limits.js';
import type { RawItem } from './raw.js';
import { kindFromContent, kindFromContentType, kindFromName, type InputKind } from './sniff.js';

export type Input = string | RawItem;

export interface ReadOptions extends FetchOptions {
  /** Where `-` reads from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Called as inputs are discovered (files in folders, feed items, JSONL lines), for progress. */
  onFound?: (n: number) => void;
}

export const isUrl = (s: string) => /^https?:\/\//i.test(s);
// `ftp://x` is a URL the user meant, not a file name: say so instead of "no such file".
const otherScheme = (s: string) => /^([a-z][a-z0-9+.-]*:)\/\//i.exec(s)?.[1].toLowerCase();

export async function* readInputs(inputs: Input[], options: ReadOptions = {}): AsyncGenerator<RawItem | Failure> {
  options.onFound?.(inputs.length);
  for (const input of inputs) {
    if (typeof input !== 'string') {
      yield input;
      continue;
    }
    try {
      if (input === '-') yield* fromBytes(await readStdin(options.stdin ?? process.stdin), 'stdin', { options });
      else if (isUrl(input)) yield* readUrl(input, options);
      else if (otherScheme(input)) throw new InputError(input, `unsupported URL scheme ${otherScheme(input)} (http and https only)`);
      else yield* readPath(input, options, true);
    } catch (err) {
      yield failure(input, err);
    }
  }
}

async function* readUrl(url: string, options: ReadOptions): AsyncGenerator<RawItem | Failure> {
  const res = await fetchUrl(url, options);
  yield* fromBytes(res.body, url, { url: res.url, contentType: res.contentType, options });
}

async function* readPath(path: string, options: ReadOptions, top: boolean): AsyncGenerator<RawItem | Failure> {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const dangling = e.code === 'ENOENT' && (await lstat(path).then((l) => l.isSymbolicLink()).catch(() => false));
    throw new InputError(path, dangling ? 'cannot read: broken symbolic link' : e.code === 'ENOENT' ? 'no such file or directory' : `cannot read (${e.code ?? e.message})`);
  }
  if (st.isDirectory()) {
    const files = await walk(path);
    options.onFound?.(files.length - (top ? 1 : 0));
    for (const f of files) {
      try {
        yield* readPath(f, options, false);
      } catch (err) {
        yield failure(f, err);
      }
    }
    return;
  }
  if (!st.isFile()) throw new InputError(path, 'not a regular file');
  const byName = kindFromName(path);
  if (byName === 'jsonl' && !path.endsWith('.gz')) {
    yield* readJsonlFile(path, options);
    return;
  }
  if (st.size > MAX_INPUT_BYTES) throw new InputError(path, tooLarge(st.size));
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    throw new InputError(path, `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  yield* fromBytes(buf, path, { name: path, options });
}

// A folder's own documentation is not an article.
const NOT_ARTICLES = /^(?:readme|license|licence|changelog|contributing|copying|notice)(?:\.[\w]+)?$/i;

/** Regular files under a folder, depth first, in name order; hidden entries are skipped. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || NOT_ARTICLES.test(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

async function* readJsonlFile(path: string, options: ReadOptions): AsyncGenerator<RawItem | Failure> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  let items = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    // the file itself was counted as one input already
    if (items++) options.onFound?.(1);
    try {
      yield parseJsonlLine(line, `${path}:${n}`);
    } catch (err) {
      yield failure(`${path}:${n}`, err);
    }
  }
  if (n === 0) throw new InputError(path, 'empty input');
}

interface BytesContext {
  name?: string;
  url?: string;
  contentType?: string;
  options: ReadOptions;
  /** Inside a feed: a fetched link must be an article, not another feed. */
  inFeed?: boolean;
}

async function* fromBytes(buf: Buffer, source: string, ctx: BytesContext): AsyncGenerator<RawItem | Failure> {
  if (buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf, { maxOutputLength: MAX_INPUT_BYTES });
    } catch (err) {
      throw new InputError(source, /buffer|length/i.test(String(err)) ? tooLarge(MAX_INPUT_BYTES + 1) : 'broken gzip data');
    }
  }
  const known: InputKind | null = (ctx.contentType && kindFromContentType(ctx.contentType)) || (ctx.name && kindFromName(ctx.name)) || (ctx.url && kindFromName(new URL(ctx.url).pathname)) || null;
  const content = decodeText(buf, source, /charset=([\w-]+)/i.exec(ctx.contentType ?? '')?.[1] ?? declaredCharset(buf));
  const sniffed = kindFromContent(content);
  // A page served as XML or named .xml may still be HTML; content decides between the two.
  const kind: InputKind = known === 'feed' && sniffed === 'html' ? 'html' : known === 'text' && sniffed === 'html' ? 'html' : (known ?? sniffed);
  if (kind === 'feed') {
    if (ctx.inFeed) throw new InputError(source, 'the item link is a feed, not an article');
    yield* readFeed(content, source, ctx.options);
  } else if (kind === 'jsonl') {
    const lines = content.split(/\r?\n/);
    ctx.options.onFound?.(lines.filter((l) => l.trim()).length - 1);
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      try {
        yield parseJsonlLine(lines[i], `${source}:${i + 1}`);
      } catch (err) {
        yield failure(`${source}:${i + 1}`, err);
      }
    }
  } else {
    yield { source, format: kind === 'html' ? 'html' : 'text', content, url: ctx.url ?? null };
  }
}

/** Links of one feed fetched at a time at most this many; results still come in feed order. */
const FEED_FETCHES = 4;

async function* readFeed(xml: string, source: string, options: ReadOptions): AsyncGenerator<RawItem | Failure> {
  const items = parseFeed(xml, source);
  if (!items.length) throw new InputError(source, 'the feed has no items');
  options.onFound?.(items.length - 1);
  const readItem = async (it: FeedItem): Promise<Array<RawItem | Failure>> => {
    if (it.item) return [it.item];
    if (!it.link) return [failure(it.source, new InputError(it.source, 'the item has neither content nor a link'))];
    const name = `${it.source} (${it.link})`;
    try {
      const res = await fetchUrl(it.link, options);
      const out: Array<RawItem | Failure> = [];
      for await (const r of fromBytes(res.body, it.link, { url: res.url, contentType: res.contentType, options, inFeed: true }))
        out.push('content' in r ? { ...r, meta: { ...it.meta, ...definedOnly(r.meta) } } : r);
      return out;
    } catch (err) {
      return [failure(name, err instanceof InputError ? new InputError(name, err.problem) : err)];
    }
  };
  const pending: Promise<Array<RawItem | Failure>>[] = [];
  let next = 0;
  while (next < items.length || pending.length) {
    while (next < items.length && pending.length < FEED_FETCHES) pending.push(readItem(items[next++]));
    yield* await pending.shift()!;
  }
}

function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length))) as Partial<T>;
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += b.length;
    if (size > MAX_INPUT_BYTES) throw new InputError('stdin', `${tooLarge(size)}; pass a large JSONL file by its path instead`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
