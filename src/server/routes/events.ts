// Coded events (who did what to whom, when) as stored per article.
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { route } from '../define.js';
import { actorId, eventType, isoDate, paging } from '../schemas.js';

export const eventQuery = z.object({
  ...paging,
  actor: actorId.optional().describe('source or target'),
  source: actorId.optional(),
  target: actorId.optional(),
  type: eventType.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  articleId: z.string().max(200).optional(),
});

export function eventRoutes(store: Store) {
  return [
    route({
      method: 'GET',
      url: '/api/events',
      tag: 'events',
      summary: 'Events in date order, each with the sentence that reports it',
      query: eventQuery,
      handler: async ({ query }) => store.events(query),
    }),
  ];
}
