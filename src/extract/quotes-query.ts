// Quotes over the store, for the CLI, the HTTP API and the web app alike: actors given by id or
// by name ("Putin", "Vladimir Putin", "vladimir-putin"), most recent first.
import type { Page, QuoteFilter, Store, StoredQuote } from '../store/store.js';

/** The store's quote filter, with `by` and `about` also accepting names. */
export type QuoteQuery = QuoteFilter;

export class UnknownActorError extends Error {
  constructor(
    readonly role: 'by' | 'about',
    readonly actor: string,
  ) {
    super(`no actor "${actor}" in the store (give an actor id or a name it is known by)`);
  }
}

async function actorId(store: Store, role: 'by' | 'about', idOrName: string | undefined): Promise<string | undefined> {
  if (!idOrName) return undefined;
  const a = await store.getActor(idOrName.trim());
  if (!a) throw new UnknownActorError(role, idOrName);
  return a.id;
}

export async function queryQuotes(store: Store, q: QuoteQuery = {}): Promise<Page<StoredQuote>> {
  const filter: QuoteFilter = {
    by: await actorId(store, 'by', q.by),
    about: await actorId(store, 'about', q.about),
    from: q.from,
    to: q.to,
    search: q.search?.trim() || undefined,
    articleId: q.articleId,
    limit: q.limit,
    cursor: q.cursor,
  };
  return store.quotes(filter);
}
