// Dyads come directed (what A did to B); the network and the actor page show pairs.
import type { DyadSummary } from '../../src/store/store.js';

export type { DyadSummary };

export interface Pair {
  a: string;
  b: string;
  events: number;
  quotes: number;
  /** Mean intensity over both directions' events, null when they have none. */
  intensity: number | null;
}

export function pairs(dyads: DyadSummary[]): Pair[] {
  const m = new Map<string, Pair & { sum: number }>();
  for (const d of dyads) {
    if (d.source === d.target) continue;
    const [a, b] = [d.source, d.target].sort();
    const k = `${a}|${b}`;
    const p = m.get(k) ?? { a, b, events: 0, quotes: 0, intensity: null, sum: 0 };
    p.events += d.events;
    p.quotes += d.quotes;
    if (d.intensity !== null) p.sum += d.intensity * d.events;
    m.set(k, p);
  }
  return [...m.values()].map(({ sum, ...p }) => ({ ...p, intensity: p.events ? sum / p.events : null }));
}
