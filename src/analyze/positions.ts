// Positions and reversals: where each actor stands on each issue over time, and when an actor
// came to say the opposite of what it said before — with both pieces of evidence side by side.
import type { Stance } from '../document.js';
import type { Store, StoredPosition } from '../store/store.js';
import { analysisStore } from './capabilities.js';

export interface IssueStand {
  issue: string;
  /** The most recent clear stance (supports/opposes/conditional). */
  current: Stance;
  since: string | null;
  positions: StoredPosition[];
}

export async function allPositions(store: Store, filter: { actor?: string; issue?: string; from?: string; to?: string }): Promise<StoredPosition[]> {
  const out: StoredPosition[] = [];
  let cursor: string | null = null;
  do {
    const page = await analysisStore(store, 'positions').positions({ ...filter, limit: 1000, cursor });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor && out.length < 50_000);
  return out;
}

/** An actor's positions, grouped by issue, oldest first within each issue. */
export async function actorPositions(store: Store, actor: string, o: { from?: string; to?: string } = {}): Promise<IssueStand[]> {
  const ps = await allPositions(store, { actor, from: o.from, to: o.to });
  const byIssue = new Map<string, StoredPosition[]>();
  for (const p of ps) byIssue.set(p.issue, [...(byIssue.get(p.issue) ?? []), p]);
  return [...byIssue].map(([issue, list]) => {
    const periods = stancesByMonth(list);
    const last = periods[periods.length - 1];
    return { issue, current: last?.stance ?? list[list.length - 1].stance, since: last?.period ?? null, positions: list };
  });
}

export interface Reversal {
  actor: string;
  issue: string;
  before: { stance: Stance; period: string; evidence: StoredPosition[] };
  after: { stance: Stance; period: string; evidence: StoredPosition[] };
}

interface Period {
  period: string;
  stance: Stance;
  evidence: StoredPosition[];
}

/**
 * The prevailing stance per month. Quotes and acts weigh twice a narrative sentence; a month whose
 * evidence is split evenly has no prevailing stance and is skipped.
 */
function stancesByMonth(list: StoredPosition[]): Period[] {
  const months = new Map<string, StoredPosition[]>();
  for (const p of list) {
    if (!p.date) continue;
    const m = p.date.slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), p]);
  }
  const out: Period[] = [];
  for (const [period, ps] of [...months].sort((a, b) => a[0].localeCompare(b[0]))) {
    // The actor's own words and acts weigh twice what a narrative sentence says of them.
    const score = ps.reduce((s, p) => s + (p.via === 'sentence' ? 1 : 2) * (p.stance === 'opposes' ? -1 : 1), 0);
    if (score === 0) continue;
    const stance: Stance = score < 0 ? 'opposes' : ps.some((p) => p.stance === 'conditional') && !ps.some((p) => p.stance === 'supports') ? 'conditional' : 'supports';
    const evidence = ps.filter((p) => (stance === 'opposes' ? p.stance === 'opposes' : p.stance !== 'opposes'));
    const rank = { quote: 0, event: 1, sentence: 2 } as const;
    evidence.sort((a, b) => rank[a.via] - rank[b.via]);
    out.push({ period, stance, evidence });
  }
  return out;
}

function attested(p: Period): boolean {
  return p.evidence.some((e) => e.via !== 'sentence') || new Set(p.evidence.map((e) => e.evidence.start + '@' + e.articleId)).size >= 2;
}

/**
 * Reversals: a month in which an actor's prevailing stance on an issue is the opposite
 * (supports ↔ opposes) of its previous clear stance. Conditional stances reverse nothing.
 */
export async function reversals(store: Store, o: { actor?: string; issue?: string; from?: string; to?: string } = {}): Promise<Reversal[]> {
  const ps = await allPositions(store, o);
  const groups = new Map<string, StoredPosition[]>();
  for (const p of ps) {
    const k = `${p.actor}\u0000${p.issue}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const out: Reversal[] = [];
  for (const [k, list] of groups) {
    const [actor, issue] = k.split('\u0000');
    let prev: Period | null = null;
    for (const cur of stancesByMonth(list)) {
      // Only well-attested stances count: the actor's own words (a quote), or two narrative
      // sentences saying the same. One loose sentence neither makes nor breaks a reversal.
      if (cur.stance === 'conditional' || !attested(cur)) continue;
      if (prev && prev.stance !== cur.stance)
        out.push({ actor, issue, before: { ...prev }, after: { ...cur } });
      prev = cur;
    }
  }
  return out.sort((a, b) => a.after.period.localeCompare(b.after.period));
}
