// Quotes across the corpus, filtered by speaker, subject, date, words or article.
import { z } from 'zod';
import { queryQuotes } from '../../index.js';
import type { Store } from '../../store/store.js';
import { route } from '../define.js';
import { actorId, isoDate, paging } from '../schemas.js';

export const quoteQuery = z.object({
  ...paging,
  by: actorId.optional().describe('speaker: actor id or a name it is known by'),
  about: actorId.optional().describe('actor the quote is about: id or name'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  search: z.string().trim().min(1).max(500).optional().describe('words in the quote'),
  articleId: z.string().max(200).optional(),
});

export function quoteRoutes(store: Store) {
  return [
    route({
      method: 'GET',
      url: '/api/quotes',
      tag: 'quotes',
      summary: 'Quotes, newest first, with speaker, cue, subjects and the article they come from (404 for an unknown speaker or subject)',
      query: quoteQuery,
      errors: [404],
      handler: async ({ query }) => queryQuotes(store, query),
    }),
  ];
}
