// The `positions` stage: where each actor stands on each issue, and the tone of every quote.
// A position is read from an actor's quote (direct or reported) that names an issue, or from a
// narrative sentence in which the actor is the one supporting or opposing it ("the idea was
// rebuffed by the Kremlin"). Stance comes from cue words near the issue phrase
// (lexicons/issues.yaml); a negator just before a cue flips it.
import type { Document, Event, Mention, Position, Stance } from '../document.js';
import type { Stage, StageFactory } from '../pipeline.js';
import { loadIssueLexicon, type IssueLexicon } from '../analyze/issueLexicon.js';
import { loadToneLexicon, scoreTone, type ToneLexicon } from '../analyze/tone.js';
import { issuesPossibleIn } from './issue-prefilter.js';

const WINDOW = 90;
const ANAPHOR = /\b(?:that|this|the) (?:idea|proposal|plan|offer|demand|suggestion|initiative)\b/i;

export const positionsStage: StageFactory = (options) => {
  const issues = loadIssueLexicon(options.lexicons ?? []);
  const tone = loadToneLexicon(options.lexicons ?? []);
  return { name: 'positions', run: (doc) => void (doc.positions = findPositions(doc, issues, tone)) } satisfies Stage;
};

export function findPositions(doc: Document, lex: IssueLexicon = loadIssueLexicon(), tone: ToneLexicon = loadToneLexicon()): Position[] {
  const out: Position[] = [];
  // Quotes, sentences and event windows are stretches of the text: only the issues they may name
  // need trying on them (a quote given with other words than the text's tries them all).
  const inText = doc.quotes.map((q) => doc.text.startsWith(q.text, q.start));
  const starts = [
    ...doc.sentences.map((s) => s.start),
    ...doc.quotes.filter((_, i) => inText[i]).map((q) => q.start),
    ...doc.events.map(eventWindowStart),
  ].sort((a, b) => a - b);
  const possible = issuesPossibleIn(doc.text, lex, starts);
  doc.quotes.forEach((q, qi) => {
    q.tone = scoreTone(q.text, tone);
    if (!q.actor) return;
    for (const [issue, stance] of stancesIn(q.text, lex, inText[qi] ? possible : lex.issues))
      out.push({ actor: q.actor, issue, stance, date: q.date ?? doc.published, evidence: { start: q.start, end: q.end, text: q.text }, via: 'quote' });
  });
  let prevSentence = '';
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    // Quoted words are already read above, with their speaker.
    const inQuote = doc.quotes.some((q) => q.start < s.end && q.end > s.start);
    if (!inQuote) {
      let found = stancesIn(text, lex, possible);
      const anaphor = found.length ? null : ANAPHOR.exec(text);
      if (anaphor) {
        // "Even that idea was quickly rebuffed by the Kremlin": the issue is in the sentence before;
        // the stance is in the anaphor's own clause.
        const issues = antecedentIssue(prevSentence, lex);
        const stance = cueStance(text, anaphor.index, Math.min(text.length, anaphor.index + anaphor[0].length + 60), lex);
        if (stance) found = issues.map((i) => [i.id, stance] as [string, Stance]);
      }
      if (found.length) {
        const holder = holderOf(doc, s.start, s.end, text, lex);
        if (holder)
          for (const [issue, stance] of found)
            out.push({ actor: holder, issue, stance, date: sentenceDate(doc, s.start, s.end), evidence: { start: s.start, end: s.end, text }, via: 'sentence' });
      }
    }
    prevSentence = text;
  }
  out.push(...eventPositions(doc, lex, out, possible));
  return dedupe(out);
}

/** What an act says about its actor's stance: aid and sanctions support, rejections and pauses oppose. */
const ACT_STANCE: Partial<Record<Event['type'], Stance>> = {
  AID: 'supports', SANCTION: 'supports', SUPPORT: 'supports', AGREE: 'supports', COOPERATE: 'supports',
  REJECT: 'opposes', RETREAT: 'opposes',
};

/** Where the text an event's issue is looked for starts: a few words before its trigger. */
const eventWindowStart = (e: Event) => Math.max(e.sentence.start, e.trigger.start - 40);

/**
 * Positions shown by events: "the White House put arms deliveries on pause" (opposes arms
 * supply), "Trump ordered tariffs on India" (supports tariffs). The issue must be named within a
 * few words of the trigger; a sentence already read as a stance of the same actor is not counted twice.
 */
function eventPositions(doc: Document, lex: IssueLexicon, known: Position[], issues: IssueLexicon['issues']): Position[] {
  const out: Position[] = [];
  for (const e of doc.events) {
    const stance = ACT_STANCE[e.type];
    if (!stance || !e.source || e.modality === 'negated' || e.modality === 'hypothetical') continue;
    const from = eventWindowStart(e);
    const to = Math.min(e.sentence.end, e.trigger.end + 40);
    const window = doc.text.slice(from, to);
    for (const issue of issues) {
      issue.pattern.lastIndex = 0;
      if (!issue.pattern.test(window)) continue;
      const inSentence = (p: Position) => p.evidence.start < e.sentence.end && p.evidence.end > e.sentence.start;
      if ([...known, ...out].some((p) => p.actor === e.source && p.issue === issue.id && inSentence(p))) continue;
      const text = doc.text.slice(e.sentence.start, e.sentence.end);
      out.push({ actor: e.source, issue: issue.id, stance, date: e.date, evidence: { start: e.sentence.start, end: e.sentence.end, text }, via: 'event' });
    }
  }
  return out;
}

/**
 * What "that idea" refers back to: the last issue named in the previous sentence's main clause
 * (before a "that/which/if" clause), else its first issue.
 */
function antecedentIssue(prev: string, lex: IssueLexicon): IssueLexicon['issues'] {
  const sub = /\b(that|which|who|if|unless)\b/gi;
  sub.lastIndex = 20;
  const cut = sub.exec(prev)?.index ?? prev.length;
  const hits = lex.issues
    .map((i) => ({ i, at: prev.search(new RegExp(i.pattern.source, 'i')) }))
    .filter((h) => h.at >= 0)
    .sort((a, b) => a.at - b.at);
  if (!hits.length) return [];
  const main = hits.filter((h) => h.at < cut);
  return [main.length ? main[main.length - 1].i : hits[0].i];
}

/** Every issue named in `text` with the stance its nearby cue words give it. */
export function stancesIn(text: string, lex: IssueLexicon, issues = lex.issues): [string, Stance][] {
  const out: [string, Stance][] = [];
  for (const issue of issues) {
    issue.pattern.lastIndex = 0;
    const m = issue.pattern.exec(text);
    if (!m) continue;
    const stance = cueStance(text, Math.max(0, m.index - WINDOW), Math.min(text.length, m.index + m[0].length + WINDOW), lex, m.index, m.index + m[0].length);
    if (stance) out.push([issue.id, stance]);
  }
  return out;
}

function cueStance(text: string, from: number, to: number, lex: IssueLexicon, skipFrom = -1, skipTo = -1): Stance | null {
  const win = text.slice(from, to);
  let score = 0;
  const taken: [number, number][] = [];
  const add = (re: RegExp | null, sign: number, flip: boolean) => {
    if (!re) return;
    re.lastIndex = 0;
    for (const m of win.matchAll(re)) {
      const s = from + m.index!;
      const e = s + m[0].length;
      // A cue word inside the issue phrase itself ("sanctions" in "impose sanctions") is no cue.
      if (s >= skipFrom && e <= skipTo && skipFrom >= 0) continue;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      taken.push([s, e]);
      score += flip && negatedBefore(text, s, lex) ? -sign : sign;
    }
  };
  add(lex.supportsPatterns, 2, false);
  add(lex.opposes, -1, true);
  add(lex.supports, 1, true);
  if (score === 0) return null;
  if (score < 0) return 'opposes';
  lex.conditional.lastIndex = 0;
  return lex.conditional.test(win) ? 'conditional' : 'supports';
}

function negatedBefore(text: string, at: number, lex: IssueLexicon): boolean {
  const before = text.slice(Math.max(0, at - 30), at).toLowerCase().replace(/’/g, "'");
  const words = before.match(/[a-z']+/g) ?? [];
  return words.slice(-3).some((w) => lex.negators.has(w) || w.endsWith("n't"));
}

/** The actor holding the stance: the agent of a passive cue ("rebuffed by the Kremlin"), else the
 * subject before the cue word (not an actor inside a prepositional phrase or a possessive), else
 * the main clause's subject after a fronted phrase ("After promising sanctions, Trump …"). */
function holderOf(doc: Document, start: number, end: number, text: string, lex: IssueLexicon): string | null {
  const ms: Mention[] = doc.mentions.filter((m) => m.start >= start && m.end <= end && m.type !== 'LOCATION');
  if (!ms.length) return null;
  const by = /\b(?:was|were|been|is|are|be)\s+(?:\w+ly\s+)?\w+ed\s+by\s+/gi;
  for (const m of text.matchAll(by)) {
    const at = start + m.index! + m[0].length;
    const agent = ms.find((x) => x.start >= at && x.start <= at + 5);
    if (agent) return agent.actor;
  }
  const cue = firstCue(text, lex);
  if (cue < 0) return null;
  // The holder stands close before its cue ("the Kremlin rebuffed", "Trump urged"), in the same clause.
  const before = ms.filter((m) => m.end <= start + cue && start + cue - m.end <= 60 && !doc.text.slice(m.end, start + cue).includes(',')).reverse();
  for (const m of before) {
    const left = doc.text.slice(Math.max(start, m.start - 16), m.start).toLowerCase();
    const right = doc.text.slice(m.end, m.end + 2);
    if (/\b(on|to|of|with|for|against|in|at|from|about|over|into|by)\s+(the\s+)?$/.test(left)) continue;
    // "coax Mr. Putin to agree": someone pressed to take a stance does not hold it.
    if (/\b(coax\w*|urg\w*|push\w*|press\w*|ask\w*|pressur\w*|convinc\w*|persuad\w*|forc\w*|allow\w*|get|got|want\w*)\s+(mr\.?\s+|ms\.?\s+)?$/.test(left)) continue;
    if (/^['’]s/.test(right)) continue;
    return m.actor;
  }
  if (before.length || ms.some((m) => m.end <= start + cue)) return null;
  const comma = text.indexOf(',', cue);
  if (comma < 0) return null;
  return ms.find((m) => m.start > start + comma)?.actor ?? null;
}

function firstCue(text: string, lex: IssueLexicon): number {
  let best = -1;
  for (const re of [lex.supportsPatterns, lex.opposes, lex.supports]) {
    if (!re) continue;
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

function sentenceDate(doc: Document, start: number, end: number): string | null {
  const t = doc.times.find((x) => x.start >= start && x.end <= end && x.value);
  return t?.value ?? doc.published;
}

function dedupe(ps: Position[]): Position[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.actor}|${p.issue}|${p.evidence.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
