// The system over time: merged timeline, dyads, positions, reversals and the brief, as computed
// by src/analyze. An engine without an analysis query answers 501 rather than guess.
import { z } from 'zod';
import { actorPositions, buildBrief, dyadSeries, renderHtml, renderMarkdown, resolveActorId, reversals, timeline } from '../../index.js';
import { analysisStore } from '../../analyze/capabilities.js';
import { BRIEF_STYLE_HASH } from '../../analyze/brief.js';
import type { Store } from '../../store/store.js';
import { pageArray } from '../core.js';
import { route } from '../define.js';
import { HttpError } from '../errors.js';
import { contentSecurityPolicy } from '../security.js';
import { actorId, eventType, idParams, isoDate, paging } from '../schemas.js';

const range = { from: isoDate.optional(), to: isoDate.optional() };

async function knownActor(store: Store, id: string): Promise<string> {
  const a = await store.getActor(id);
  if (!a) throw new HttpError('not-found', `no actor "${id}"`);
  return a.id;
}

export function analysisRoutes(store: Store) {
  return [
    route({
      method: 'GET',
      url: '/api/timeline',
      tag: 'analysis',
      summary: 'Dated events across the corpus; reports of one event by several articles merged, each report kept',
      query: z.object({ ...paging, actor: actorId.optional(), type: eventType.optional(), ...range, negated: z.enum(['true', 'false']).optional().describe('include denied events') }),
      handler: async ({ query }) => {
        const { limit, cursor, negated, ...filter } = query;
        const actor = filter.actor ? await resolveActorId(store, filter.actor) : undefined;
        return pageArray(await timeline(store, { ...filter, actor, negated: negated === 'true' }), { limit, cursor });
      },
    }),
    route({
      method: 'GET',
      url: '/api/dyads',
      tag: 'analysis',
      summary: 'Directed actor pairs with event counts, mean cooperation–conflict intensity (−10…+10) and tone of quotes (−3…+3)',
      query: z.object({ ...paging, actor: actorId.optional(), ...range }),
      errors: [501],
      handler: async ({ query }) => {
        const { limit, cursor, ...filter } = query;
        const actor = filter.actor ? await resolveActorId(store, filter.actor) : undefined;
        const items = await analysisStore(store, 'dyads').dyads({ ...filter, actor, limit: 100_000 });
        return pageArray(items, { limit, cursor });
      },
    }),
    route({
      method: 'GET',
      url: '/api/dyads/:a/:b',
      tag: 'analysis',
      summary: 'What A did to B and how A spoke of B, per day, week or month (A and B include their affiliates unless exact=true)',
      params: z.object({ a: actorId, b: actorId }),
      query: z.object({ granularity: z.enum(['day', 'week', 'month']).default('month'), exact: z.enum(['true', 'false']).optional(), ...range }),
      errors: [404, 501],
      handler: async ({ params, query }) => {
        const [a, b] = await Promise.all([knownActor(store, params.a), knownActor(store, params.b)]);
        return dyadSeries(store, a, b, { by: query.granularity, from: query.from, to: query.to, exact: query.exact === 'true' });
      },
    }),
    route({
      method: 'GET',
      url: '/api/positions',
      tag: 'analysis',
      summary: 'Stated positions (supports, opposes, conditional) on issues, oldest first, each with its evidence',
      query: z.object({ ...paging, actor: actorId.optional(), issue: z.string().max(200).optional(), ...range }),
      errors: [501],
      handler: async ({ query }) => {
        const actor = query.actor ? await resolveActorId(store, query.actor) : undefined;
        return analysisStore(store, 'positions').positions({ ...query, actor });
      },
    }),
    route({
      method: 'GET',
      url: '/api/actors/:id/positions',
      tag: 'analysis',
      summary: "An actor's positions grouped by issue, with the current stance and every piece of evidence",
      params: idParams,
      query: z.object({ ...paging, ...range }),
      errors: [404, 501],
      handler: async ({ params, query }) => {
        const id = await knownActor(store, params.id);
        const { limit, cursor, ...o } = query;
        return pageArray(await actorPositions(store, id, o), { limit, cursor });
      },
    }),
    route({
      method: 'GET',
      url: '/api/reversals',
      tag: 'analysis',
      summary: 'An actor taking the opposite position on the same issue at a later date, with both pieces of evidence',
      query: z.object({ ...paging, actor: actorId.optional(), issue: z.string().max(200).optional(), ...range }),
      errors: [501],
      handler: async ({ query }) => {
        const { limit, cursor, ...o } = query;
        const actor = o.actor ? await resolveActorId(store, o.actor) : undefined;
        return pageArray(await reversals(store, { ...o, actor }), { limit, cursor });
      },
    }),
    route({
      method: 'GET',
      url: '/api/brief',
      tag: 'analysis',
      summary: 'A brief: what happened, who said what, which relations moved, who stands where and who reversed, citing articles',
      query: z.object({ actor: actorId.optional(), ...range, format: z.enum(['md', 'html', 'json']).default('md'), download: z.enum(['1', 'true']).optional().describe('HTML as an attachment instead of a page'), limit: z.coerce.number().int().min(1).max(100).optional() }),
      produces: ['text/markdown', 'text/html', 'application/json'],
      errors: [501],
      handler: async ({ query, reply }) => {
        const brief = await buildBrief(store, { actor: query.actor, from: query.from, to: query.to, limit: query.limit });
        if (query.format === 'json') return brief;
        if (query.format === 'html') {
          // A page to read in the browser: the strict CSP plus the brief's own style block, by
          // its hash (still no scripts, no other inline style); download=1 sends it as an attachment.
          reply.type('text/html; charset=utf-8');
          reply.header('Content-Security-Policy', contentSecurityPolicy([BRIEF_STYLE_HASH]));
          if (query.download) reply.header('Content-Disposition', 'attachment; filename="parley-brief.html"');
          return renderHtml(brief);
        }
        reply.type('text/markdown; charset=utf-8');
        return renderMarkdown(brief);
      },
    }),
  ];
}
