// The merged, dated timeline of events across the corpus.
import type { EventType } from '../document.js';
import type { EventFilter, Store, StoredEvent } from '../store/store.js';
import { mergeEvents, type MergedEvent } from './merge.js';

export interface TimelineOptions {
  actor?: string;
  type?: EventType;
  from?: string;
  to?: string;
  /** Keep denied events ("didn't attack"); left out by default. */
  negated?: boolean;
  /** Upper bound on the events read from the store. */
  maxEvents?: number;
}

/** Every stored event matching the filter, following the store's pages. */
export async function allEvents(store: Store, filter: EventFilter, max = 50_000): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.events({ ...filter, limit: 1000, cursor });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor && out.length < max);
  return out.slice(0, max);
}

export async function timeline(store: Store, o: TimelineOptions = {}): Promise<MergedEvent[]> {
  const events = await allEvents(store, { actor: o.actor, type: o.type, from: o.from, to: o.to }, o.maxEvents);
  return mergeEvents(o.negated ? events : events.filter((e) => e.modality !== 'negated'));
}
