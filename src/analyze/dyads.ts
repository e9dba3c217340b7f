// Dyads: how an ordered pair of actors (or the states they belong to) relate over time.
import { StoreError, type DyadBucket, type DyadPoint, type DyadSummary, type Store } from '../store/store.js';
import { analysisStore } from './capabilities.js';

export interface DyadSeries {
  source: string;
  target: string;
  by: DyadBucket;
  points: DyadPoint[];
}

/** Accept ids or names ("Putin", "Russia"): resolve through the store's aliases. */
export async function resolveActorId(store: Store, idOrName: string): Promise<string> {
  const a = await store.getActor(idOrName);
  return a?.id ?? idOrName;
}

/** Like resolveActorId, but an actor the store does not know is an error naming it. */
export async function requireActorId(store: Store, idOrName: string): Promise<string> {
  const a = await store.getActor(idOrName);
  if (!a) throw new StoreError(`no actor "${idOrName}" in the store (see parley actors)`, 'not-found');
  return a.id;
}

export async function dyadSeries(
  store: Store,
  a: string,
  b: string,
  o: { by?: DyadBucket; from?: string; to?: string; exact?: boolean } = {},
): Promise<DyadSeries> {
  const by = o.by ?? 'month';
  if (!['day', 'week', 'month'].includes(by)) throw new Error(`unknown period "${by}": use day, week or month`);
  const [source, target] = await Promise.all([resolveActorId(store, a), resolveActorId(store, b)]);
  const points = await analysisStore(store, 'dyadSeries').dyadSeries({ source, target, by, from: o.from, to: o.to, exact: o.exact });
  return { source, target, by, points };
}

export interface DyadMove extends DyadSummary {
  /** Change from the first half of the dyad's dated activity to the second: intensity and tone. */
  intensityChange: number | null;
  toneChange: number | null;
  before: { intensity: number | null; tone: number | null; until: string | null };
  after: { intensity: number | null; tone: number | null; from: string | null };
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null);

/** Dyads whose cooperation–conflict or tone changed most within the period. */
export async function dyadsThatMoved(store: Store, o: { from?: string; to?: string; actor?: string; limit?: number } = {}): Promise<DyadMove[]> {
  const pairs = await analysisStore(store, 'dyads').dyads({ from: o.from, to: o.to, actor: o.actor, limit: 100 });
  const out: DyadMove[] = [];
  for (const d of pairs) {
    const s = await analysisStore(store, 'dyadSeries').dyadSeries({ source: d.source, target: d.target, by: 'day', from: o.from, to: o.to, exact: true });
    if (s.length < 2) continue;
    const half = Math.ceil(s.length / 2);
    const [early, late] = [s.slice(0, half), s.slice(half)];
    const int = (ps: DyadPoint[]) => mean(ps.filter((p) => p.intensity !== null).map((p) => p.intensity!));
    const tone = (ps: DyadPoint[]) => mean(ps.filter((p) => p.tone !== null).map((p) => p.tone!));
    const before = { intensity: int(early), tone: tone(early), until: early[early.length - 1].period };
    const after = { intensity: int(late), tone: tone(late), from: late[0].period };
    const diff = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.round((y - x) * 100) / 100);
    out.push({ ...d, before, after, intensityChange: diff(before.intensity, after.intensity), toneChange: diff(before.tone, after.tone) });
  }
  const size = (m: DyadMove) => Math.abs(m.intensityChange ?? 0) / 10 + Math.abs(m.toneChange ?? 0) / 3;
  return out.filter((m) => size(m) > 0).sort((x, y) => size(y) - size(x)).slice(0, o.limit ?? 10);
}
