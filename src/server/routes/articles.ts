// Articles: listing, full-text search, one article with every layer. Every article answer has
// the document contract's shape (src/contract.ts), `source` included.
import { z } from 'zod';
import { contractPage, toContract } from '../../contract.js';
import type { Store } from '../../store/store.js';
import { route } from '../define.js';
import { HttpError } from '../errors.js';
import { actorId, articleDocument, articlePage, idParams, isoDate, paging, searchHitPage } from '../schemas.js';

export function articleRoutes(store: Store) {
  return [
    route({
      method: 'GET',
      url: '/api/articles',
      tag: 'articles',
      summary: 'List articles, newest first',
      query: z.object({ ...paging, from: isoDate.optional(), to: isoDate.optional(), publisher: z.string().optional(), actor: actorId.optional() }),
      response: articlePage,
      handler: async ({ query }) => contractPage(await store.listArticles(query)),
    }),
    route({
      method: 'GET',
      url: '/api/articles/search',
      tag: 'articles',
      summary: 'Full-text search over titles and bodies',
      query: z.object({ q: z.string().trim().min(1, 'q is required').max(500), ...paging }),
      response: searchHitPage,
      handler: async ({ query }) => contractPage(await store.searchArticles(query.q, query)),
    }),
    route({
      method: 'GET',
      url: '/api/articles/:id',
      tag: 'articles',
      summary: 'One article with all its layers (actors, mentions, quotes, times, events)',
      params: idParams,
      errors: [404],
      response: articleDocument,
      handler: async ({ params }) => {
        const doc = await store.getArticle(params.id);
        if (!doc) throw new HttpError('not-found', `no article with id ${params.id}`);
        return toContract(doc);
      },
    }),
  ];
}
