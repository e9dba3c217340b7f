// Actors: the dictionary and what the corpus says about each one.
import { z } from 'zod';
import { actorProfile } from '../../index.js';
import type { Store } from '../../store/store.js';
import { route } from '../define.js';
import { HttpError } from '../errors.js';
import { idParams, isoDate, paging } from '../schemas.js';

const ACTOR_TYPES = ['PERSON', 'COUNTRY', 'ORG', 'GROUP', 'LOCATION'] as const;

const newActor = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$|^[A-Z]{3}$/, 'expected kebab-case (vladimir-putin) or an ISO alpha-3 code (RUS)'),
  name: z.string().trim().min(1).max(200),
  type: z.enum(ACTOR_TYPES),
  aliases: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  role: z.string().max(200).nullable().default(null),
  country: z.string().max(200).nullable().default(null),
  affiliation: z.string().max(200).nullable().default(null),
});

async function actorOr404(store: Store, id: string) {
  const actor = await store.getActor(id);
  if (!actor) throw new HttpError('not-found', `no actor "${id}"`);
  return actor;
}

export function actorRoutes(store: Store) {
  return [
    route({
      method: 'GET',
      url: '/api/actors',
      tag: 'actors',
      summary: 'Actors, most mentioned first',
      query: z.object({ ...paging, type: z.enum(ACTOR_TYPES).optional(), search: z.string().trim().min(1).max(200).optional() }),
      handler: async ({ query }) => store.listActors(query),
    }),
    route({
      method: 'POST',
      url: '/api/actors',
      tag: 'actors',
      summary: 'Add an actor to the dictionary (409 when the id exists)',
      body: newActor,
      errors: [409],
      successStatus: 201,
      handler: async ({ body }) => {
        if (await store.getActor(body.id)) throw new HttpError('conflict', `actor "${body.id}" already exists`);
        await store.upsertActors([body], 'user');
        return store.getActor(body.id);
      },
    }),
    route({
      method: 'GET',
      url: '/api/actors/:id',
      tag: 'actors',
      summary: 'One actor by id, name or alias, with mention counts',
      params: idParams,
      errors: [404],
      handler: async ({ params }) => actorOr404(store, params.id),
    }),
    route({
      method: 'GET',
      url: '/api/actors/:id/profile',
      tag: 'actors',
      summary: 'An actor across the corpus: roles articles gave it, the articles naming it (newest first, with context) and the actors named alongside',
      params: idParams,
      query: z.object({ articles: z.coerce.number().int().min(1).max(500).default(50).describe('how many of the newest articles to scan') }),
      errors: [404],
      handler: async ({ params, query }) => {
        const profile = await actorProfile(store, params.id, { articles: query.articles });
        if (!profile) throw new HttpError('not-found', `no actor "${params.id}"`);
        return profile;
      },
    }),
    route({
      method: 'GET',
      url: '/api/actors/:id/quotes',
      tag: 'actors',
      summary: "An actor's quotes, newest first",
      params: idParams,
      query: z.object({ ...paging, about: z.string().max(200).optional(), from: isoDate.optional(), to: isoDate.optional() }),
      errors: [404],
      handler: async ({ params, query }) => {
        const actor = await actorOr404(store, params.id);
        return store.quotes({ ...query, by: actor.id });
      },
    }),
    route({
      method: 'GET',
      url: '/api/actors/:id/events',
      tag: 'actors',
      summary: 'Events where the actor is source or target',
      params: idParams,
      query: z.object({ ...paging, from: isoDate.optional(), to: isoDate.optional() }),
      errors: [404],
      handler: async ({ params, query }) => {
        const actor = await actorOr404(store, params.id);
        return store.events({ ...query, actor: actor.id });
      },
    }),
  ];
}
