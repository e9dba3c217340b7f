// Request pieces every route group shares (paging, dates, ids), and the documented shapes of
// article responses.
import { z } from 'zod';
import { EVENT_TYPES } from '../document.js';

export const paging = {
  limit: z.coerce.number().int().min(1).max(1000).optional().describe('page size (default 50, max 1000)'),
  cursor: z.string().max(2000).optional().describe('opaque cursor from the previous page\'s "next"'),
};

export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

export const actorId = z.string().min(1).max(200);
export const eventType = z.enum(EVENT_TYPES);
export const idParams = z.object({ id: z.string().min(1).max(200) });

/** The contract's `source` (src/contract.ts): the same object in the API as in `parley show` and `extract`. */
export const sourceRef = z
  .object({ name: z.string().describe('the input as ingested: a path, a URL, stdin, feed.xml#3, file.jsonl:12'), path: z.string().optional(), url: z.string().optional() })
  .nullable()
  .describe('where the article came from');

const articleMeta = {
  id: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  publisher: z.string().nullable(),
  authors: z.array(z.string()),
  dateline: z.string().nullable(),
  url: z.string().nullable(),
  source: sourceRef,
};

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

/** Listing rows; further fields (snippet, counts, duplicateOf, …) as the store returns them. */
export const articleSummary = z.looseObject(articleMeta);
export const articlePage = page(articleSummary);
export const searchHitPage = page(z.looseObject({ ...articleMeta, excerpt: z.string(), rank: z.number() }));
/** The document contract (PRODUCT.md): text and every layer, offsets into `text`. */
export const articleDocument = z.looseObject({
  ...articleMeta,
  text: z.string(),
  actors: z.array(z.looseObject({})),
  mentions: z.array(z.looseObject({})),
  quotes: z.array(z.looseObject({})),
  times: z.array(z.looseObject({})),
  events: z.array(z.looseObject({})),
});
