// One search box across articles, actors and quotes.
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { route } from '../define.js';
import { searchHitPage } from '../schemas.js';
import { contractPage } from '../../contract.js';

export function searchRoutes(store: Store) {
  return [
    route({
      method: 'GET',
      url: '/api/search',
      tag: 'search',
      summary: 'Search articles, actors and quotes at once (first page of each; page further on the per-resource routes)',
      query: z.object({ q: z.string().trim().min(1, 'q is required').max(500), limit: z.coerce.number().int().min(1).max(100).optional() }),
      response: z.looseObject({ query: z.string(), articles: searchHitPage }),
      handler: async ({ query }) => {
        const limit = query.limit ?? 10;
        const [articles, actors, quotes] = await Promise.all([
          store.searchArticles(query.q, { limit }),
          store.listActors({ search: query.q, limit }),
          store.quotes({ search: query.q, limit }),
        ]);
        return { query: query.q, articles: contractPage(articles), actors, quotes };
      },
    }),
  ];
}
