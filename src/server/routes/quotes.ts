// Quotes across the corpus, filtered by speaker, subject, date, words or article.
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { route } from '../define.js';
import { actorId, isoDate, paging } from '../schemas.js';

export const quoteQuery = z.object({
  ...paging,
  by: actorId.optional().describe('speaker actor id'),
  about: actorId.optional().describe('actor id the quote is about'),
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
      summary: 'Quotes, newest first, with speaker, cue, subjects and the article they come from',
      query: quoteQuery,
      handler: async ({ query }) => store.quotes(query),
    }),
  ];
}
