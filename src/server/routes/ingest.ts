// Ingestion over HTTP: JSON (one item or a batch), a raw text/plain or text/html body, or a
// multipart upload of files (plus optional text/url fields). A batch answers per item.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import { route } from '../define.js';
import { describeZod, HttpError } from '../errors.js';
import { ingestItems, summarise, type IngestItem, type IngestOptions, type InvalidItem } from '../ingest.js';
import { isoDate, paging } from '../schemas.js';

const meta = {
  title: z.string().max(1000).optional(),
  published: isoDate.optional(),
  publisher: z.string().max(300).optional(),
  name: z.string().max(500).optional().describe('label for this item in results and the ingestion log'),
};

const item = z.union([
  z.object({ text: z.string().max(5_000_000), ...meta }).strict(),
  z.object({ html: z.string().max(10_000_000), url: z.string().url().optional(), ...meta }).strict(),
  z.object({ url: z.string().url().refine((u) => /^https?:/i.test(u), 'unsupported URL scheme (http and https only)'), name: meta.name }).strict(),
]);
type Item = z.infer<typeof item>;

// Batch items are checked one by one (batchItem) so a malformed item fails alone instead of the batch.
const ingestBody = z.union([
  item,
  z.object({ items: z.array(z.unknown().describe('one item: {text}, {html} or {url}, as for a single item; an invalid item fails alone')).min(1).max(500) }).strict(),
]);

function batchItem(x: unknown, i: number): IngestItem | InvalidItem {
  const o = (x && typeof x === 'object' ? x : {}) as Record<string, unknown>;
  const name = typeof o.name === 'string' && o.name ? o.name : typeof o.url === 'string' && !('html' in o) ? o.url : `item #${i + 1}`;
  const scheme = typeof o.url === 'string' && !('html' in o) ? /^([a-z][a-z0-9+.-]*:)/i.exec(o.url)?.[1].toLowerCase() : undefined;
  if (scheme && scheme !== 'http:' && scheme !== 'https:') return { kind: 'invalid', name, message: `unsupported URL scheme ${scheme} (http and https only)` };
  const r = item.safeParse(x);
  if (!r.success) return { kind: 'invalid', name, message: describeZod(r.error, 'item') };
  return toItem(r.data, i);
}

function toItem(x: Item, i: number): IngestItem {
  const m = { title: 'title' in x ? x.title : undefined, published: 'published' in x ? x.published : undefined, publisher: 'publisher' in x ? x.publisher : undefined };
  if ('text' in x) return { kind: 'text', name: x.name ?? `text #${i + 1}`, text: x.text, meta: m };
  if ('html' in x) return { kind: 'html', name: x.name ?? x.url ?? `html #${i + 1}`, html: x.html, meta: { ...m, url: x.url } };
  return { kind: 'url', name: x.name ?? x.url, url: x.url };
}

async function multipartItems(req: FastifyRequest): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      items.push({ kind: 'file', name: part.filename || part.fieldname, data, mimetype: part.mimetype });
    } else {
      const value = String(part.value ?? '').trim();
      if (!value) continue;
      if (part.fieldname === 'url') for (const u of value.split(/\s+/)) items.push({ kind: 'url', name: u, url: u });
      else if (part.fieldname === 'text') items.push({ kind: 'text', name: `text #${items.length + 1}`, text: value });
      else if (part.fieldname === 'html') items.push({ kind: 'html', name: `html #${items.length + 1}`, html: value });
      else throw new HttpError('bad-request', `unknown form field "${part.fieldname}" (expected files, text, html or url)`);
    }
  }
  if (!items.length) throw new HttpError('bad-request', 'the upload holds no file and no text, html or url field');
  return items;
}

export function ingestRoutes(store: Store, options: IngestOptions) {
  return [
    route({
      method: 'POST',
      url: '/api/ingest',
      tag: 'ingest',
      summary:
        'Ingest one item ({text}|{html}|{url}), a batch ({items:[…]}), a raw text/plain or text/html body, or a multipart upload of files. One item: its failure is the response status. A batch: 200 with a result per item.',
      body: ingestBody,
      consumes: ['text/plain', 'text/html', 'multipart/form-data'],
      errors: [413, 415, 422],
      handler: async ({ req, body }) => {
        let items: (IngestItem | InvalidItem)[];
        let single: boolean;
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (req.isMultipart()) {
          items = await multipartItems(req);
          single = items.length === 1;
        } else if (type === 'text/plain' || type === 'text/html') {
          const raw = String(req.body ?? '');
          const name = String(req.headers['x-parley-name'] ?? (type === 'text/html' ? 'html body' : 'text body'));
          items = [type === 'text/html' ? { kind: 'html', name, html: raw } : { kind: 'text', name, text: raw }];
          single = true;
        } else {
          const b = body as z.infer<typeof ingestBody>;
          single = !('items' in b);
          items = 'items' in b ? b.items.map(batchItem) : [toItem(b, 0)];
        }
        const results = await ingestItems(store, items, options, single);
        return { results, summary: summarise(results) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/ingest/log',
      tag: 'ingest',
      summary: 'The ingestion log: what came from where, when, and every failure',
      query: z.object(paging),
      handler: async ({ query }) => store.ingestLog(query),
    }),
  ];
}
