// The brief: what happened (timeline), who said what (top quotes per actor), which relations
// moved (dyads), who stands where and who reversed — every line citing its articles.
// Rendered as Markdown or as HTML in which every piece of article content is escaped.
import { createHash } from 'node:crypto';
import type { Store, StoredQuote } from '../store/store.js';
import { dyadsThatMoved, resolveActorId, type DyadMove } from './dyads.js';
import { actorPositions, allPositions, reversals, type Reversal } from './positions.js';
import { timeline } from './timeline.js';
import type { MergedEvent } from './merge.js';

export interface BriefOptions {
  actor?: string;
  from?: string;
  to?: string;
  /** Lines per section. */
  limit?: number;
}

export interface Citation {
  articleId: string;
  title: string | null;
  published: string | null;
}

export interface BriefPosition {
  actor: string;
  issue: string;
  stance: string;
  date: string | null;
  evidence: string;
  cites: Citation[];
}

export interface Brief {
  title: string;
  actor: string | null;
  from: string | null;
  to: string | null;
  names: Record<string, string>;
  /** How an untitled article is cited: the first words of its text, by article id. */
  labels: Record<string, string>;
  timeline: (MergedEvent & { cites: Citation[] })[];
  quotes: { actor: string; quotes: (StoredQuote & { cites: Citation[] })[] }[];
  dyads: DyadMove[];
  dyadCites: Record<string, Citation[]>;
  positions: BriefPosition[];
  reversals: (Reversal & { cites: Citation[] })[];
}

const cite = (articleId: string, title: string | null, published: string | null): Citation => ({ articleId, title, published });
const uniqCites = (cs: Citation[]) => [...new Map(cs.map((c) => [c.articleId, c])).values()];
/** How a brief names an event's missing actor. */
const UNKNOWN = '(unknown)';
/** Words of an untitled article's text that cite it. */
const LABEL_WORDS = 8;

/** The first words of a text, with "…" when there is more; null for a text without words. */
export function firstWords(text: string, n = LABEL_WORDS): string | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  return words.slice(0, n).join(' ') + (words.length > n ? '…' : '');
}

export async function buildBrief(store: Store, o: BriefOptions = {}): Promise<Brief> {
  const limit = o.limit ?? 15;
  const actor = o.actor ? await resolveActorId(store, o.actor) : undefined;
  const events = await timeline(store, { actor, from: o.from, to: o.to });
  // The most reported events first, then in date order for reading.
  const top = [...events].sort((a, b) => b.reports.length - a.reports.length || Math.abs(b.intensity) - Math.abs(a.intensity)).slice(0, limit * 2);
  top.sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff'));
  const names: Record<string, string> = {};
  const name = async (id: string | null) => {
    if (!id || names[id]) return;
    names[id] = (await store.getActor(id))?.name ?? id;
  };

  const quoteGroups: Brief['quotes'] = [];
  const speakers = actor ? [actor] : (await store.listActors({ limit: 8 })).items.map((a) => a.id);
  for (const sp of speakers) {
    const page = await store.quotes({ by: sp, from: o.from, to: o.to, limit: 200 });
    // Direct quotes long enough to say something, newest first.
    const picked = page.items
      .filter((q) => q.direct && q.text.length >= 25)
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.text.length - a.text.length)
      .slice(0, 3);
    if (picked.length) quoteGroups.push({ actor: sp, quotes: picked.map((q) => ({ ...q, cites: [cite(q.articleId, q.articleTitle, q.published)] })) });
  }

  const moves = await dyadsThatMoved(store, { from: o.from, to: o.to, actor, limit: Math.min(limit, 8) });
  const dyadCites: Record<string, Citation[]> = {};
  for (const m of moves) {
    const evs = await store.events({ source: m.source, target: m.target, from: o.from, to: o.to, limit: 20 });
    const qs = await store.quotes({ by: m.source, about: m.target, from: o.from, to: o.to, limit: 20 });
    dyadCites[`${m.source}>${m.target}`] = uniqCites([
      ...evs.items.map((e) => cite(e.articleId, e.articleTitle, e.published)),
      ...qs.items.map((q) => cite(q.articleId, q.articleTitle, q.published)),
    ]);
  }

  const positions: BriefPosition[] = [];
  if (actor) {
    for (const stand of await actorPositions(store, actor, { from: o.from, to: o.to })) {
      // The evidence shown is the latest statement of the stance the actor holds now.
      const holding = stand.positions.filter((p) => p.stance === stand.current);
      const last = (holding.length ? holding : stand.positions)[(holding.length ? holding : stand.positions).length - 1];
      positions.push({ actor, issue: stand.issue, stance: stand.current, date: stand.since, evidence: last.evidence.text, cites: uniqCites(stand.positions.map((p) => cite(p.articleId, p.articleTitle, p.published))) });
    }
  } else {
    const ps = await allPositions(store, { from: o.from, to: o.to });
    const latest = new Map<string, (typeof ps)[number]>();
    for (const p of ps) latest.set(`${p.actor}|${p.issue}`, p);
    for (const p of [...latest.values()].slice(-limit * 2))
      positions.push({ actor: p.actor, issue: p.issue, stance: p.stance, date: p.date, evidence: p.evidence.text, cites: [cite(p.articleId, p.articleTitle, p.published)] });
  }
  const revs = (await reversals(store, { actor, from: o.from, to: o.to })).map((r) => ({
    ...r,
    cites: uniqCites([...r.before.evidence, ...r.after.evidence].map((p) => cite(p.articleId, p.articleTitle, p.published))),
  }));

  for (const e of top) (await name(e.source), await name(e.target));
  for (const g of quoteGroups) await name(g.actor);
  for (const m of moves) (await name(m.source), await name(m.target));
  for (const p of positions) await name(p.actor);
  for (const r of revs) await name(r.actor);
  if (actor) await name(actor);

  // Untitled articles are cited by their first words rather than a bare id.
  const labels: Record<string, string> = {};
  const untitled = new Set<string>();
  const note = (cs: { articleId: string; title?: string | null; articleTitle?: string | null }[]) => {
    for (const c of cs) if (!(c.title ?? c.articleTitle)) untitled.add(c.articleId);
  };
  for (const e of top) note(e.reports);
  for (const g of quoteGroups) for (const q of g.quotes) note(q.cites);
  for (const cs of Object.values(dyadCites)) note(cs);
  for (const p of positions) note(p.cites);
  for (const r of revs) note([...r.before.evidence, ...r.after.evidence]);
  for (const id of untitled) {
    const doc = await store.getArticle(id);
    const words = doc ? firstWords(doc.text) : null;
    if (words) labels[id] = words;
  }

  return {
    title: actor ? `Brief: ${names[actor] ?? actor}` : 'Brief',
    actor: actor ?? null,
    from: o.from ?? null,
    to: o.to ?? null,
    names,
    labels,
    timeline: top.map((e) => ({ ...e, cites: uniqCites(e.reports.map((r) => cite(r.articleId, r.articleTitle, r.published))) })),
    quotes: quoteGroups,
    dyads: moves,
    dyadCites,
    positions: positions.slice(0, limit * 2),
    reversals: revs,
  };
}

// ── rendering ────────────────────────────────────────────────────────────────────────────────

/** Markdown has no escaping that makes untrusted text inert; strip what could become markup. */
function mdText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1').trim();
}

/** What a citation shows: the title, else the first words of the text, else the id. */
function citeLabel(b: Brief, c: Citation): string {
  return c.title ?? b.labels?.[c.articleId] ?? c.articleId;
}

/** The web app's reader route for an article. */
export function articleHref(articleId: string): string {
  return `/#/article/${encodeURIComponent(articleId)}`;
}

function mdCites(b: Brief, cs: Citation[]): string {
  return cs.map((c) => `[${mdText(citeLabel(b, c))}${c.published ? ', ' + c.published : ''}](article:${c.articleId})`).join('; ');
}

function signed(n: number | null): string {
  return n === null ? '–' : (n > 0 ? '+' : '') + n;
}

export function renderMarkdown(b: Brief): string {
  // An event without a known source reads "(unknown) CONSULT Donald Trump", not "— CONSULT …".
  const n = (id: string | null) => mdText(id ? (b.names[id] ?? id) : UNKNOWN);
  const lines: string[] = [`# ${mdText(b.title)}`, ''];
  if (b.from || b.to) lines.push(`Period: ${b.from ?? '…'} to ${b.to ?? '…'}`, '');
  lines.push('## What happened', '');
  if (!b.timeline.length) lines.push('_No events._');
  for (const e of b.timeline)
    lines.push(`- **${e.date ?? 'undated'}** ${n(e.source)} ${e.type}${e.target ? ' ' + n(e.target) : ''} (${e.modality}, ${signed(e.intensity)}) — “${mdText(e.reports[0].trigger.text)}” — ${e.reports.length} report(s): ${mdCites(b, e.cites)}`);
  lines.push('', '## Who said what', '');
  if (!b.quotes.length) lines.push('_No quotes._');
  for (const g of b.quotes) {
    lines.push(`### ${n(g.actor)}`, '');
    for (const q of g.quotes) lines.push(`- ${q.date ?? ''} “${mdText(q.text)}” — ${mdCites(b, q.cites)}`);
    lines.push('');
  }
  lines.push('## Relations that moved', '');
  if (!b.dyads.length) lines.push('_No dyad changed._');
  for (const d of b.dyads)
    lines.push(`- ${n(d.source)} → ${n(d.target)}: intensity ${signed(d.before.intensity)} → ${signed(d.after.intensity)}, tone ${signed(d.before.tone)} → ${signed(d.after.tone)} (${d.events} events, ${d.quotes} quotes) — ${mdCites(b, b.dyadCites[`${d.source}>${d.target}`] ?? [])}`);
  lines.push('', '## Positions', '');
  if (!b.positions.length) lines.push('_No positions._');
  for (const p of b.positions) lines.push(`- ${n(p.actor)} **${p.stance}** ${mdText(p.issue)} (${p.date ?? 'undated'}): “${mdText(p.evidence)}” — ${mdCites(b, p.cites)}`);
  lines.push('', '## Reversals', '');
  if (!b.reversals.length) lines.push('_No reversals._');
  for (const r of b.reversals) {
    lines.push(`- ${n(r.actor)} on ${mdText(r.issue)}: **${r.before.stance}** (${r.before.period}) → **${r.after.stance}** (${r.after.period})`);
    lines.push(`  - before: “${mdText(r.before.evidence[0].evidence.text)}” — ${mdCites(b, r.before.evidence.slice(0, 2).map((p) => cite(p.articleId, p.articleTitle, p.published)))}`);
    lines.push(`  - after: “${mdText(r.after.evidence[0].evidence.text)}” — ${mdCites(b, r.after.evidence.slice(0, 2).map((p) => cite(p.articleId, p.articleTitle, p.published)))}`);
  }
  return lines.join('\n') + '\n';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The HTML brief's only styling, inline so the file stands alone when saved. */
export const BRIEF_STYLE = 'body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}cite{color:#555;font-style:normal}q{font-style:italic}';
/** The CSP source that allows exactly that style block and no other inline style. */
export const BRIEF_STYLE_HASH = `sha256-${createHash('sha256').update(BRIEF_STYLE).digest('base64')}`;

export function renderHtml(b: Brief): string {
  const h = escapeHtml;
  const n = (id: string | null) => h(id ? (b.names[id] ?? id) : UNKNOWN);
  const cites = (cs: Citation[]) =>
    cs.map((c) => `<cite data-article="${h(c.articleId)}"><a href="${h(articleHref(c.articleId))}">${h(citeLabel(b, c))}</a>${c.published ? ', ' + h(c.published) : ''}</cite>`).join('; ');
  const list = (items: string[], empty: string) => (items.length ? `<ul>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>` : `<p><em>${empty}</em></p>`);
  const parts = [
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${BRIEF_STYLE_HASH}'"><title>${h(b.title)}</title>`,
    `<style>${BRIEF_STYLE}</style></head><body>`,
    `<h1>${h(b.title)}</h1>`,
    b.from || b.to ? `<p>Period: ${h(b.from ?? '…')} to ${h(b.to ?? '…')}</p>` : '',
    `<h2>What happened</h2>`,
    list(b.timeline.map((e) => `<strong>${h(e.date ?? 'undated')}</strong> ${n(e.source)} ${h(e.type)}${e.target ? ' ' + n(e.target) : ''} (${h(e.modality)}, ${h(signed(e.intensity))}) — <q>${h(e.reports[0].trigger.text)}</q> — ${e.reports.length} report(s): ${cites(e.cites)}`), 'No events.'),
    `<h2>Who said what</h2>`,
    b.quotes.length ? b.quotes.map((g) => `<h3>${n(g.actor)}</h3>\n${list(g.quotes.map((q) => `${h(q.date ?? '')} <q>${h(q.text)}</q> — ${cites(q.cites)}`), '')}`).join('\n') : '<p><em>No quotes.</em></p>',
    `<h2>Relations that moved</h2>`,
    list(b.dyads.map((d) => `${n(d.source)} → ${n(d.target)}: intensity ${h(signed(d.before.intensity))} → ${h(signed(d.after.intensity))}, tone ${h(signed(d.before.tone))} → ${h(signed(d.after.tone))} (${d.events} events, ${d.quotes} quotes) — ${cites(b.dyadCites[`${d.source}>${d.target}`] ?? [])}`), 'No dyad changed.'),
    `<h2>Positions</h2>`,
    list(b.positions.map((p) => `${n(p.actor)} <strong>${h(p.stance)}</strong> ${h(p.issue)} (${h(p.date ?? 'undated')}): <q>${h(p.evidence)}</q> — ${cites(p.cites)}`), 'No positions.'),
    `<h2>Reversals</h2>`,
    b.reversals.length
      ? `<table><thead><tr><th>Actor, issue</th><th>Before</th><th>After</th></tr></thead><tbody>\n${b.reversals
          .map((r) => {
            const side = (s: Reversal['before']) =>
              `<strong>${h(s.stance)}</strong> (${h(s.period)})<br><q>${h(s.evidence[0].evidence.text)}</q><br>${cites(s.evidence.slice(0, 2).map((p) => cite(p.articleId, p.articleTitle, p.published)))}`;
            return `<tr><td>${n(r.actor)} on ${h(r.issue)}</td><td>${side(r.before)}</td><td>${side(r.after)}</td></tr>`;
          })
          .join('\n')}\n</tbody></table>`
      : '<p><em>No reversals.</em></p>',
    `</body></html>`,
  ];
  return parts.filter(Boolean).join('\n') + '\n';
}
