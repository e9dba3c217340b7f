// Row mapping shared by both engines, so SQLite and PostgreSQL return identical objects.
import type { Actor, ActorType, Document, EventType, Modality } from '../document.js';
import { toneRows } from './analysisRows.js';
import { splitCompound } from './search-variants.js';
import { encodeCursor, type ArticleSummary, type StoredEvent, type StoredQuote } from './store.js';

export type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const json = <T>(v: unknown, fallback: T): T => {
  if (typeof v !== 'string') return (v as T) ?? fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
};

export function articleSummary(r: Row): ArticleSummary {
  return {
    id: String(r.id),
    title: str(r.title),
    published: str(r.published),
    publisher: str(r.publisher),
    authors: json<string[]>(r.authors, []),
    dateline: str(r.dateline),
    url: str(r.url),
    source: str(r.source),
    duplicateOf: str(r.duplicate_of),
    ingestedAt: String(r.ingested_at),
    snippet: String(r.snippet ?? ''),
    counts: { mentions: Number(r.n_mentions ?? 0), quotes: Number(r.n_quotes ?? 0), events: Number(r.n_events ?? 0) },
  };
}

/**
 * The stored form of a document: every layer but tokens. Tokens are most of a processed
 * document's size (about 20 times its text) and any stage can recompute them from the text.
 */
export function serializeDocument(doc: Document): string {
  return JSON.stringify({ ...doc, tokens: [] });
}

export function actorRow(r: Row): Actor {
  return {
    id: String(r.id),
    name: String(r.name),
    type: r.type as ActorType,
    aliases: json<string[]>(r.aliases, []),
    role: str(r.role),
    country: str(r.country),
    affiliation: str(r.affiliation),
  };
}

/** Merge a newly seen actor into the stored one: keep every alias, prefer filled fields. */
export function mergeActor(old: Actor | null, next: Actor): Actor {
  if (!old) return { ...next, aliases: [...new Set(next.aliases)].sort(), affiliation: next.affiliation ?? null };
  const aliases = new Set([...old.aliases, ...next.aliases]);
  if (next.name !== old.name) aliases.add(next.name);
  aliases.delete(old.name);
  return {
    id: old.id,
    name: old.name,
    type: old.type ?? next.type,
    role: next.role ?? old.role,
    country: next.country ?? old.country,
    affiliation: next.affiliation ?? old.affiliation ?? null,
    aliases: [...aliases].sort(),
  };
}

export function aliasKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function quoteRow(r: Row): StoredQuote {
  return {
    id: Number(r.id),
    articleId: String(r.article_id),
    articleTitle: str(r.article_title),
    published: str(r.published),
    start: Number(r.start_at),
    end: Number(r.end_at),
    text: String(r.text),
    direct: Boolean(r.direct),
    actor: str(r.actor_id),
    actorName: str(r.actor_name),
    speaker: str(r.speaker),
    cue: str(r.cue),
    channel: str(r.channel),
    date: str(r.date),
    about: json<string[]>(r.about, []),
  };
}

export function eventRow(r: Row): StoredEvent {
  return {
    id: Number(r.id),
    articleId: String(r.article_id),
    articleTitle: str(r.article_title),
    published: str(r.published),
    type: r.type as EventType,
    source: str(r.source),
    target: str(r.target),
    modality: r.modality as Modality,
    date: str(r.date),
    intensity: Number(r.intensity),
    trigger: { start: Number(r.trigger_start), end: Number(r.trigger_end), text: String(r.trigger_text) },
    sentence: { start: Number(r.sentence_start), end: Number(r.sentence_end) },
    evidence: String(r.evidence ?? ''),
  };
}

/** How many stored articles sharing a SimHash band are compared, earliest first. */
export const NEAR_DUPLICATE_CANDIDATES = 200;

/**
 * Search ranks (bm25 in SQLite, ts_rank in PostgreSQL) the matching articles in tiers of
 * SEARCH_WINDOW, newest tier first: the best of the newest 500 matches, then the best of the
 * 500 before them, and so on. Ranking every match of a common word in a million articles
 * takes seconds, and in news coverage the newest is what a reader wants first. The cursor
 * carries the tier, so paging walks every match exactly once.
 */
export const SEARCH_WINDOW = 500;

export interface SearchCursor {
  /** Position inside the tier. */
  offset: number;
  /** The tier holds matches with seq below this (null: the newest tier). */
  before: number | null;
}

export function searchCursor(values: unknown[] | null): SearchCursor {
  const offset = Math.max(0, Math.floor(Number(values?.[0] ?? 0)) || 0);
  const before = values?.[1] == null ? null : Number(values[1]);
  return { offset, before: Number.isFinite(before) ? before : null };
}

/**
 * The next cursor: the rest of this tier, else the next older tier when this one was full
 * (`edge` is its oldest seq), else the end.
 */
export function nextSearchCursor(c: SearchCursor, limit: number, more: boolean, edge: number | null): string | null {
  if (more) return encodeCursor([c.offset + limit, c.before]);
  return edge === null ? null : encodeCursor([0, edge]);
}

/**
 * Turn a user's words into a safe full-text query: every word must match, after stemming
 * ("sanction" finds "sanctions"). Not as a prefix: a prefix reads every posting of every word
 * it starts, which costs several times more on a common word in a large corpus.
 */
export function ftsQuery(q: string): string {
  const terms = searchAlternatives(q).map((alts) => {
    const phrases = alts.map((a) => `"${a.join(' ')}"`);
    return phrases.length > 1 ? `(${phrases.join(' OR ')})` : phrases[0];
  });
  // FTS5 reads no implicit AND after a parenthesised group
  return terms.join(terms.some((t) => t.startsWith('(')) ? ' AND ' : ' ');
}

const HYPHENATED = /^[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)+$/u;

/**
 * Like searchTerms, but each term is a list of alternative phrases, any of which may match: a
 * hyphenated word (`cease-fire`) also matches its joined form, and a joined compound the
 * search-variants lexicon lists (`ceasefire`) also matches its hyphenated form, which both
 * engines index as two words in a row.
 */
export function searchAlternatives(q: string): string[][][] {
  const out: string[][][] = [];
  for (const m of q.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const words = (m[1] ?? m[0]).match(/[\p{L}\p{N}]+/gu) ?? [];
    if (m[1] !== undefined && words.length > 1) {
      out.push([words]);
      continue;
    }
    const bare = m[0].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (m[1] === undefined && words.length > 1 && HYPHENATED.test(bare)) {
      out.push([words, [words.join('')]]);
      continue;
    }
    for (const w of words) {
      const split = splitCompound(w);
      out.push(split ? [[w], split] : [[w]]);
    }
  }
  return out;
}

/**
 * A search query as terms that must all match: a single word, or a "quoted phrase" whose words
 * must follow each other. Only letters and digits survive, so no input is read as query syntax.
 */
export function searchTerms(q: string): string[][] {
  const terms: string[][] = [];
  for (const m of q.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const words = (m[1] ?? m[0]).match(/[\p{L}\p{N}]+/gu) ?? [];
    if (m[1] !== undefined && words.length > 1) terms.push(words);
    else for (const w of words) terms.push([w]);
  }
  return terms;
}

/**
 * About 24 words of `text` around the first word of `query` it contains (compared on their
 * first letters, so "sanction" finds "sanctions"), with … where the text was cut. Plain text.
 */
export function excerpt(text: string, query: string, words = 24): string {
  // where each spelling the search matched starts (`ceasefire` also found `cease-fire`)
  const stems = searchAlternatives(query.toLowerCase())
    .flatMap((alts) => alts.map((a) => a[0]))
    .map((w) => w.slice(0, Math.max(3, w.length - 2)));
  // Tokens up to `words` past the first hit are enough (the excerpt is the same as with every
  // token of the text): tokenizing a whole long article for each of twenty hits is most of a
  // search's time in a large store.
  const tokens: RegExpExecArray[] = [];
  let hit = -1;
  for (const t of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    tokens.push(t);
    if (hit < 0 && stems.some((s) => t[0].toLowerCase().startsWith(s))) hit = tokens.length - 1;
    if (hit >= 0 && tokens.length > hit + words) break;
  }
  if (!tokens.length) return '';
  if (hit < 0) hit = 0;
  const from = Math.max(0, Math.min(hit - 6, tokens.length - words));
  const to = Math.min(tokens.length, from + words) - 1;
  const start = tokens[from].index!;
  const end = tokens[to].index! + tokens[to][0].length;
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  return (from > 0 ? '…' : '') + body + (to < tokens.length - 1 ? '…' : '');
}

export interface DyadEventDay {
  source: string;
  target: string;
  date: string;
  type: string;
  n: number;
  total: number;
}

export interface DyadToneDay {
  source: string;
  target: string;
  date: string;
  n: number;
  total: number;
}

/**
 * How many times a document mentions each actor, counting a span once (the first mention of a
 * span wins, as when mentions were stored one row per span): the rows of article_actors.
 */
export function mentionCounts(doc: Document): Map<string, number> {
  const spans = new Set<string>();
  const counts = new Map<string, number>();
  for (const m of doc.mentions) {
    const span = `${m.start}:${m.end}`;
    if (spans.has(span)) continue;
    spans.add(span);
    counts.set(m.actor, (counts.get(m.actor) ?? 0) + 1);
  }
  return counts;
}

/**
 * What new documents add to the per-day dyad totals (migration 4), summed per key and sorted
 * by key, so concurrent PostgreSQL writers update shared rows in one order and never deadlock.
 * Tone rows repeat statement_tone's rule: one per (article, quote start, target), first wins.
 */
export function dyadDayTotals(docs: Document[]): { events: DyadEventDay[]; tone: DyadToneDay[] } {
  const events = new Map<string, DyadEventDay>();
  const tone = new Map<string, DyadToneDay>();
  for (const doc of docs) {
    for (const e of doc.events) {
      if (!e.source || !e.target || e.modality === 'negated') continue;
      const date = e.date ?? doc.published ?? '';
      const key = [e.source, e.target, date, e.type].join('\u0000');
      const acc = events.get(key) ?? { source: e.source, target: e.target, date, type: e.type, n: 0, total: 0 };
      acc.n += 1;
      acc.total += e.intensity;
      events.set(key, acc);
    }
    const seen = new Set<string>();
    for (const t of toneRows(doc)) {
      const once = `${t.quote_start}\u0000${t.target}`;
      if (seen.has(once)) continue;
      seen.add(once);
      const date = t.date ?? '';
      const key = [t.source, t.target, date].join('\u0000');
      const acc = tone.get(key) ?? { source: t.source, target: t.target, date, n: 0, total: 0 };
      acc.n += 1;
      acc.total += t.tone;
      tone.set(key, acc);
    }
  }
  const byKey = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { events: byKey(events), tone: byKey(tone) };
}
