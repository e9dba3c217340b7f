// The `events` stage: who did what to whom, when. It reads the token, mention, time and quote
// layers (never the raw text), finds lexicon triggers and fills the roles from POS patterns:
// subject–verb–object, passives ("was rebuffed by the Kremlin"), possessor and demonym nominals
// ("Russia's attack on Kyiv", "Russian strikes"), and "a call between X and Y".
import type { Actor, Document, Event, EventType, Mention, Modality, Token } from '../document.js';
import type { Stage, StageFactory } from '../pipeline.js';
import { intensity, loadEventLexicon, type EventLexicon, type TriggerEntry } from './eventLexicon.js';
import { findModality } from './eventModality.js';

/** A mention placed on the token grid: tokens [first, last] hold it. */
interface Slot {
  first: number;
  last: number;
  actor: string;
}

const CONFLICT: ReadonlySet<EventType> = new Set(['SANCTION', 'ASSAULT', 'COERCE', 'MOBILIZE']);
const NOMINAL_TARGET_PREPS = new Set(['on', 'against', 'to', 'with', 'at', 'toward', 'towards', 'into', 'of', 'in', 'upon']);
const VERB_TARGET_PREPS = new Set(['on', 'against', 'to', 'with', 'at', 'toward', 'towards', 'into', 'upon', 'from', 'for']);
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got', 'gets']);
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'while', 'but', 'because', 'although', 'though', 'whereas', 'after', 'before', 'when', 'as']);
const SKIP_IN_NP = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET', 'PART', 'ADV']);

export const eventsStage: StageFactory = (options) => {
  const lex = loadEventLexicon(options.lexicons ?? []);
  return { name: 'events', run: (doc) => void (doc.events = codeEvents(doc, lex)) } satisfies Stage;
};

export function codeEvents(doc: Document, lex: EventLexicon = loadEventLexicon()): Event[] {
  const toks = doc.tokens;
  if (!toks.length) return [];
  const actors = new Map<string, Actor>(doc.actors.map((a) => [a.id, a]));
  const slots = placeMentions(toks, doc.mentions, actors);
  const slotAt = new Int32Array(toks.length).fill(-1);
  slots.forEach((s, i) => {
    for (let t = s.first; t <= s.last; t++) slotAt[t] = i;
  });
  const quoted = quotedTokens(doc, toks);
  const lower = toks.map((t) => doc.text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'"));
  const events: Event[] = [];
  let sentStart = 0;
  for (let si = 0; si < doc.sentences.length; si++) {
    let sentEnd = sentStart;
    while (sentEnd < toks.length && toks[sentEnd].sentence === si) sentEnd++;
    if (sentEnd === sentStart) {
      // Token sentence ids may skip; find the first token of this sentence by offset.
      while (sentStart < toks.length && toks[sentStart].sentence < si) sentStart++;
      sentEnd = sentStart;
      while (sentEnd < toks.length && toks[sentEnd].sentence === si) sentEnd++;
      if (sentEnd === sentStart) continue;
    }
    const ctx: SentenceCtx = { doc, toks, lower, slots, slotAt, lex, actors, from: sentStart, to: sentEnd, sentence: si };
    const matches: { entry: TriggerEntry; start: number; end: number; context: number[] }[] = [];
    for (let i = sentStart; i < sentEnd; i++) {
      if (quoted[i] || slotAt[i] >= 0) continue;
      const m = matchTrigger(ctx, i);
      if (!m) continue;
      matches.push({ entry: m.entry, start: i, end: m.end, context: m.context });
      i = m.end - 1;
    }
    // "paused arms deliveries": the deliveries are what was paused, not a second (AID) event.
    const consumed = new Set(matches.flatMap((m) => m.context));
    const found: Event[] = [];
    for (const m of matches) {
      if (m.entry.pos === 'NOUN' && !m.entry.context && consumed.has(m.end - 1)) continue;
      const ev = codeOne(ctx, m.entry, m.start, m.end);
      if (ev) found.push(ev);
    }
    events.push(...dedupe(found));
    sentStart = sentEnd;
  }
  return events;
}

interface SentenceCtx {
  doc: Document;
  toks: Token[];
  lower: string[];
  slots: Slot[];
  slotAt: Int32Array;
  lex: EventLexicon;
  actors: Map<string, Actor>;
  from: number;
  to: number;
  sentence: number;
}

/** Map mentions to token ranges; nested mentions ("Russian" inside "Russian President Putin") yield to the outer one. */
function placeMentions(toks: Token[], mentions: Mention[], actors: Map<string, Actor>): Slot[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Slot[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start < lastEnd) continue;
    const first = tokenAt(toks, m.start);
    if (first < 0) continue;
    let last = first;
    while (last + 1 < toks.length && toks[last + 1].start < m.end) last++;
    out.push({ first, last, actor: politicalActor(m.actor, actors) });
    lastEnd = m.end;
  }
  return out;
}

/** Places are not actors: an attack "on Kyiv" is an attack on Ukraine. */
function politicalActor(id: string, actors: Map<string, Actor>): string {
  const a = actors.get(id);
  if (a?.type === 'LOCATION' && a.country) return a.country;
  return id;
}

function tokenAt(toks: Token[], offset: number): number {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].end <= offset) lo = mid + 1;
    else if (toks[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return lo < toks.length && toks[lo].start >= offset ? lo : -1;
}

/** Words inside direct quotes are speech, not reported action. */
function quotedTokens(doc: Document, toks: Token[]): Uint8Array {
  const out = new Uint8Array(toks.length);
  for (const q of doc.quotes) {
    if (!q.direct) continue;
    for (let t = Math.max(0, tokenAt(toks, q.start)); t < toks.length && toks[t].start < q.end; t++) out[t] = 1;
  }
  return out;
}

function matchTrigger(ctx: SentenceCtx, i: number): { entry: TriggerEntry; end: number; context: number[] } | null {
  const { toks, lower, lex } = ctx;
  const cands = lex.forms.get(lower[i]) ?? (toks[i].lemma ? lex.forms.get(toks[i].lemma.toLowerCase()) : undefined);
  if (!cands) return null;
  let best: { entry: TriggerEntry; end: number; context: number[] } | null = null;
  for (const e of cands) {
    const end = i + 1 + e.rest.length;
    if (end > ctx.to) continue;
    if (!e.rest.every((forms, k) => forms.has(lower[i + 1 + k]) || forms.has(toks[i + 1 + k].lemma))) continue;
    // The part of speech decides between "attack" the verb and "attack" the noun.
    const head = e.pos === 'VERB' ? i : end - 1;
    const pos = toks[head].pos;
    if (e.pos === 'VERB' && pos !== 'VERB') continue;
    if (e.pos === 'NOUN' && pos !== 'NOUN' && !taggedAsVerbInNounPhrase(ctx, i, head)) continue;
    // A noun directly followed by a noun is a modifier ("strike missiles"), not the head.
    if (e.pos === 'NOUN' && end < ctx.to && toks[end].pos === 'NOUN') continue;
    const context = e.context ? nearby(ctx, i, end, e.context) : [];
    if (e.context && !context.length) continue;
    if (e.contextNot && nearby(ctx, i, end, e.contextNot).length) continue;
    if (!best || end > best.end) best = { entry: e, end, context };
  }
  return best;
}

/** Token indices of context words within 8 tokens of the trigger. */
function nearby(ctx: SentenceCtx, from: number, to: number, words: Set<string>): number[] {
  const out: number[] = [];
  for (let k = Math.max(ctx.from, from - 8); k < Math.min(ctx.to, to + 8); k++) {
    if (k >= from && k < to) continue;
    if (words.has(ctx.lower[k]) || words.has(ctx.toks[k].lemma)) out.push(k);
  }
  return out;
}

/** The tagger sometimes reads a plural noun as a verb ("phone calls between"); the left context decides. */
function taggedAsVerbInNounPhrase(ctx: SentenceCtx, first: number, head: number): boolean {
  if (ctx.toks[head].pos !== 'VERB') return false;
  if (head > first) return ctx.toks[first].pos === 'NOUN' || ctx.toks[first].pos === 'ADJ';
  const prev = head - 1 >= ctx.from ? ctx.toks[head - 1] : null;
  return !!prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'NUM' || ctx.lower[head - 1] === "'s");
}

function codeOne(ctx: SentenceCtx, entry: TriggerEntry, a: number, b: number): Event | null {
  const { toks, doc } = ctx;
  let type: EventType = entry.type;
  const headTok = entry.pos === 'VERB' ? a : b - 1;
  let source: string | null = null;
  let target: string | null = null;

  const passive = entry.pos === 'VERB' && isPassive(ctx, a);
  const agent = byAgent(ctx, b);
  if (entry.pos === 'VERB') {
    if (passive) {
      source = agent;
      target = subjectLeft(ctx, a, true);
    } else {
      source = subjectLeft(ctx, a, false) ?? frontedSubject(ctx, b);
      target = objectRight(ctx, b, VERB_TARGET_PREPS, true);
    }
  } else {
    const between = betweenPair(ctx, b);
    const pre = modifierLeft(ctx, a);
    if (between) [source, target] = between;
    else {
      source = pre.length ? pre[0] : agent;
      target = pre.length > 1 ? pre[1] : objectRight(ctx, b, NOMINAL_TARGET_PREPS, false);
      // A nominal that is itself the subject ("the deal would collapse") has no subject to inherit.
      const isSubject = b < ctx.to && (toks[b].pos === 'AUX' || toks[b].pos === 'VERB');
      if (!source && !isSubject) source = subjectLeft(ctx, a, false) ?? (governedByVerb(ctx, a) ? frontedSubject(ctx, b) : null);
    }
  }
  if (source && source === target) target = null;
  if (!source && !target) return null;

  let modality: Modality = findModality(ctx.lower, toks, ctx.from, a, ctx.lex.threatCues);
  // "threatened sanctions", "vowed to strike": the act reported is the threat.
  let threatened: EventType | undefined;
  if (modality === 'threatened' && CONFLICT.has(type)) {
    threatened = type;
    type = 'THREATEN';
    modality = 'asserted';
  } else if (modality === 'threatened') {
    // "pledged more aid": a promise of something welcome is a plan.
    modality = 'planned';
  }
  const sentence = doc.sentences[ctx.sentence];
  const ev: Event & { action?: EventType } = {
    type,
    source,
    target,
    modality,
    date: eventDate(doc, sentence.start, sentence.end, toks[headTok].start),
    intensity: intensity(ctx.lex, type, modality),
    trigger: { start: toks[a].start, end: toks[b - 1].end, text: doc.text.slice(toks[a].start, toks[b - 1].end) },
    sentence: { start: sentence.start, end: sentence.end },
  };
  if (threatened) ev.action = threatened;
  return ev;
}

function isPassive(ctx: SentenceCtx, v: number): boolean {
  for (let k = v - 1; k >= Math.max(ctx.from, v - 3); k--) {
    const p = ctx.toks[k].pos;
    if (p === 'ADV' || p === 'PART') continue;
    return (p === 'AUX' || p === 'VERB') && BE.has(ctx.lower[k]) && /(ed|en|t|wn)$/.test(ctx.lower[v]);
  }
  return false;
}

function slotActor(ctx: SentenceCtx, t: number): string | null {
  const s = ctx.slotAt[t];
  return s >= 0 ? ctx.slots[s].actor : null;
}

/** "by the Kremlin" right after the trigger. */
function byAgent(ctx: SentenceCtx, b: number): string | null {
  for (let k = b; k < Math.min(ctx.to, b + 4); k++) {
    if (ctx.lower[k] === 'by') {
      for (let j = k + 1; j < Math.min(ctx.to, k + 4); j++) {
        const a = slotActor(ctx, j);
        if (a) return a;
        if (!SKIP_IN_NP.has(ctx.toks[j].pos)) break;
      }
      return null;
    }
    if (ctx.toks[k].pos === 'PUNCT' || ctx.toks[k].pos === 'VERB') return null;
  }
  return null;
}

/** "a call between Putin and Trump". */
function betweenPair(ctx: SentenceCtx, b: number): [string, string] | null {
  let k = b;
  while (k < ctx.to && ctx.toks[k].pos === 'ADV') k++;
  if (ctx.lower[k] !== 'between') return null;
  const found: string[] = [];
  for (let j = k + 1; j < Math.min(ctx.to, k + 12) && found.length < 2; j++) {
    const a = slotActor(ctx, j);
    if (a && !found.includes(a)) {
      found.push(a);
      j = ctx.slots[ctx.slotAt[j]].last;
    } else if (ctx.toks[j].pos === 'PUNCT' && ctx.lower[j] !== '-') break;
  }
  return found.length === 2 ? [found[0], found[1]] : null;
}

/**
 * Actors standing right before a nominal trigger as possessor, demonym or compound:
 * "Russia's attack", "Russian strikes", "U.S.-Russia talks". Returns them in text order.
 */
function modifierLeft(ctx: SentenceCtx, a: number): string[] {
  const out: string[] = [];
  for (let k = a - 1; k >= Math.max(ctx.from, a - 6); k--) {
    const act = slotActor(ctx, k);
    if (act) {
      if (!out.includes(act)) out.unshift(act);
      k = ctx.slots[ctx.slotAt[k]].first;
      continue;
    }
    const p = ctx.toks[k].pos;
    const w = ctx.lower[k];
    if (w === "'s" || w === "'" || w === '-' || w === '–' || p === 'ADJ' || p === 'NUM' || p === 'NOUN' || (p === 'PART' && w.startsWith("'"))) continue;
    if (p === 'CCONJ' && out.length) continue;
    break;
  }
  return out.slice(0, 2);
}

/**
 * The grammatical subject: the nearest actor to the left that does not sit in a prepositional
 * phrase or object position. `passive` keeps possessors ("Trump's efforts … were rejected").
 */
function subjectLeft(ctx: SentenceCtx, a: number, passive: boolean): string | null {
  for (let k = a - 1; k >= ctx.from; k--) {
    const act = slotActor(ctx, k);
    if (!act) {
      const w = ctx.lower[k];
      if (w === ';') return null;
      // A relative clause's subject is its antecedent: "Moscow, which has ramped up …".
      if (w === 'which' || w === 'who') {
        let j = k - 1;
        if (j >= ctx.from && ctx.lower[j] === ',') j--;
        return j >= ctx.from ? slotActor(ctx, j) : null;
      }
      continue;
    }
    const slot = ctx.slots[ctx.slotAt[k]];
    k = slot.first;
    const after = slot.last + 1 < ctx.to ? ctx.lower[slot.last + 1] : '';
    if (after === "'s" && !passive) continue;
    // "allowing Ukraine to strike": the object of the first verb is the subject of the second.
    const infinitiveSubject = after === 'to' && slot.last + 2 === a;
    if (!passive && !infinitiveSubject && slot.last + 1 < a && isObjectPosition(ctx, slot.first)) continue;
    return act;
  }
  return null;
}

/** Governed by a preposition or a verb before it (allowing determiners/adjectives and "X and Y"). */
function isObjectPosition(ctx: SentenceCtx, first: number): boolean {
  for (let k = first - 1; k >= ctx.from; k--) {
    const p = ctx.toks[k].pos;
    if (p === 'DET' || p === 'ADJ' || p === 'NUM' || p === 'PROPN') continue;
    if (p === 'CCONJ') {
      // Coordinated with an earlier noun phrase: inherit its position.
      let j = k - 1;
      while (j >= ctx.from && ctx.slotAt[j] < 0 && (ctx.toks[j].pos === 'DET' || ctx.toks[j].pos === 'ADJ')) j--;
      if (j >= ctx.from && ctx.slotAt[j] >= 0) return isObjectPosition(ctx, ctx.slots[ctx.slotAt[j]].first);
      return false;
    }
    // "diplomats from the Group of Seven urged": the actor qualifies the subject noun.
    if (p === 'ADP' && (ctx.lower[k] === 'from' || ctx.lower[k] === 'of') && k - 1 >= ctx.from && ctx.toks[k - 1].pos === 'NOUN') return false;
    return (p === 'ADP' && ctx.lower[k] !== 'by') || p === 'VERB';
  }
  return false;
}

/** "promising to levy sanctions": a verb governs the nominal within its clause. */
function governedByVerb(ctx: SentenceCtx, a: number): boolean {
  for (let k = a - 1; k >= Math.max(ctx.from, a - 5); k--) {
    const p = ctx.toks[k].pos;
    if (p === 'VERB') return true;
    if (p === 'PUNCT' || p === 'ADP' || ctx.slotAt[k] >= 0) return false;
  }
  return false;
}

/** For a fronted clause ("After promising sanctions, Trump ordered …"): the main clause's subject. */
function frontedSubject(ctx: SentenceCtx, b: number): string | null {
  let comma = -1;
  for (let k = b; k < ctx.to; k++)
    if (ctx.lower[k] === ',') {
      comma = k;
      break;
    }
  if (comma < 0) return null;
  for (let k = comma + 1; k < Math.min(ctx.to, comma + 6); k++) {
    const act = slotActor(ctx, k);
    if (act) {
      const next = ctx.slots[ctx.slotAt[k]].last + 1;
      return next < ctx.to && (ctx.toks[next].pos === 'VERB' || ctx.toks[next].pos === 'AUX') ? act : null;
    }
  }
  return null;
}

/**
 * The object: the first actor after the trigger inside its clause, directly ("hit Kyiv") or
 * after one of `preps` ("tariffs on India", "talks with Putin").
 */
function objectRight(ctx: SentenceCtx, b: number, preps: Set<string>, direct: boolean): string | null {
  let prep = false;
  for (let k = b; k < Math.min(ctx.to, b + 9); k++) {
    const act = slotActor(ctx, k);
    if (act) return direct || prep ? act : null;
    const p = ctx.toks[k].pos;
    const w = ctx.lower[k];
    if (p === 'ADP' || (p === 'PART' && w === 'to') || p === 'SCONJ') {
      if (w === 'by') return null;
      prep = preps.has(w);
      if (!prep && !direct) return null;
      continue;
    }
    if (p === 'PUNCT' && w !== '-' && w !== '–') return null;
    if (p === 'VERB' || p === 'AUX' || CLAUSE_WORDS.has(w)) return null;
  }
  return null;
}

/** The sentence's own time expression nearest the trigger, else the article's date. */
function eventDate(doc: Document, start: number, end: number, at: number): string | null {
  let best: string | null = null;
  let dist = Infinity;
  for (const t of doc.times) {
    if (t.start < start || t.end > end || !t.value) continue;
    const d = Math.abs(t.start - at);
    if (d < dist) (best = t.value, dist = d);
  }
  return best ?? doc.published;
}

/** One event per type and actor pair in a sentence; a fuller reading beats a partial one. */
function dedupe(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const same = out.findIndex(
      (o) => o.type === e.type && (o.source === e.source || !o.source || !e.source) && (o.target === e.target || !o.target || !e.target),
    );
    if (same < 0) out.push(e);
    else if (filled(e) > filled(out[same])) out[same] = e;
  }
  return out;
}

const filled = (e: Event) => (e.source ? 1 : 0) + (e.target ? 1 : 0);
