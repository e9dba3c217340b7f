// The `events` stage: who did what to whom, when. It reads the token, mention, time and quote
// layers (never the raw text), finds lexicon triggers and fills the roles from POS patterns:
// subject–verb–object, passives ("was rebuffed by the Kremlin"), possessor and demonym nominals
// ("Russia's attack on Kyiv", "Russian strikes"), and "a call between X and Y".
import type { Actor, Document, Event, EventType, Mention, Modality, TimeExpr, Token } from '../document.js';
import type { Stage, StageFactory } from '../pipeline.js';
import { intensity, loadEventLexicon, type EventLexicon, type TriggerEntry } from './eventLexicon.js';
import { findModality } from './eventModality.js';
import { lowerCaseAligned } from './lower-case.js';
import {
  betweenPair,
  byAgent,
  ofAgent,
  complementTarget,
  coordinated,
  frontedSubject,
  governedByVerb,
  isPassive,
  isReducedRelative,
  modifiersLeft,
  NONE,
  objectRight,
  passiveSubject,
  subjectLeft,
  targetPreps,
  type SentenceCtx,
  type Slot,
} from './eventRoles.js';

const CONFLICT: ReadonlySet<EventType> = new Set(['SANCTION', 'ASSAULT', 'COERCE', 'MOBILIZE']);

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
  const lower = lowerTokens(doc.text, toks);
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
    if (!matches.length) {
      sentStart = sentEnd; // most sentences hold no trigger: nothing below to build for them
      continue;
    }
    // "paused arms deliveries": the deliveries are what was paused, not a second (AID) event.
    // But "expanding cooperation between X and Y": a noun of the verb's own type carries the roles.
    const heads = new Map(matches.map((m) => [m.end - 1, m.entry.type]));
    const found: Event[] = [];
    const kept = matches.filter(
      (m) => !(m.entry.pos === 'VERB' && m.context.some((c) => heads.get(c) === m.entry.type && lower[c + 1] === 'between')),
    );
    const consumed = new Set(kept.flatMap((m) => m.context));
    for (const m of kept) {
      if (m.entry.pos === 'NOUN' && !m.entry.context && consumed.has(m.end - 1)) continue;
      found.push(...codeTrigger(ctx, m.entry, m.start, m.end));
    }
    events.push(...shareNegation(ctx, dedupe(dropRequested(ctx, found))));
    sentStart = sentEnd;
  }
  return events;
}


/** Each token lower-cased, ’ read as '. */
function lowerTokens(text: string, toks: Token[]): string[] {
  const whole = lowerCaseAligned(text);
  if (!whole) return toks.map((t) => text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'"));
  const plain = whole.replace(/’/g, "'");
  const out = new Array<string>(toks.length);
  for (let i = 0; i < toks.length; i++) out[i] = plain.slice(toks[i].start, toks[i].end);
  return out;
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
  // "near Sibi, Balochistan": a place of unknown country takes the one of the place after it.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = actors.get(out[i].actor);
    if (a?.type !== 'LOCATION' || a.country) continue;
    const next = out[i + 1];
    if (next.first === out[i].last + 2 && toks[out[i].last + 1] && /^,$/.test(String(toks[out[i].last + 1].lemma)))
      out[i] = { ...out[i], actor: next.actor };
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
    if (e.pos === 'VERB' && pos !== 'VERB' && !gerundWithObject(ctx, head)) continue;
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

/** The tagger sometimes reads a gerund taking an object as a noun: "for activating its force". */
function gerundWithObject(ctx: SentenceCtx, k: number): boolean {
  if (ctx.toks[k].pos !== 'NOUN' || !ctx.lower[k].endsWith('ing') || k + 1 >= ctx.to) return false;
  const next = ctx.toks[k + 1].pos;
  return next === 'DET' || next === 'PRON' || next === 'PROPN' || ctx.slotAt[k + 1] >= 0;
}

/** The tagger sometimes reads a plural noun as a verb ("phone calls between"); the left context decides. */
function taggedAsVerbInNounPhrase(ctx: SentenceCtx, first: number, head: number): boolean {
  if (ctx.toks[head].pos !== 'VERB') return false;
  if (head > first) return ctx.toks[first].pos === 'NOUN' || ctx.toks[first].pos === 'ADJ';
  const prev = head - 1 >= ctx.from ? ctx.toks[head - 1] : null;
  return !!prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'NUM' || ctx.lower[head - 1] === "'s");
}

const SPEECH_ACTS: ReadonlySet<EventType> = new Set(['ACCUSE', 'THREATEN', 'REQUEST', 'SUPPORT']);
const SYMMETRIC: ReadonlySet<EventType> = new Set(['CONSULT', 'COOPERATE', 'AGREE']);

/** Code one trigger: one event per source–target pair (coordinated actors give several). */
function codeTrigger(ctx: SentenceCtx, entry: TriggerEntry, a: number, b: number): Event[] {
  const { toks, doc } = ctx;
  let type: EventType = entry.type;
  const isVerb = entry.pos === 'VERB';
  // A capitalised verb inside a sentence is part of a title ("Meet the Press").
  // "the banned Baloch Liberation Army": a participle between a determiner and a noun is an adjective.
  if (isVerb && a > ctx.from && toks[a - 1].pos === 'DET' && /ed$/.test(ctx.lower[a]) && b < ctx.to && (toks[b].pos === 'NOUN' || toks[b].pos === 'PROPN')) return [];
  const opensSentence = a === ctx.from || (a - 1 === ctx.from && toks[a - 1].pos === 'PUNCT');
  if (isVerb && !opensSentence && /^[A-Z]/.test(doc.text[toks[a].start])) return [];
  let src = NONE;
  let tgt = NONE;
  let vague = false;
  let between: [number, number] | null = null;
  if (isVerb) {
    if (isPassive(ctx, a)) {
      src = byAgent(ctx, b);
      tgt = passiveSubject(ctx, a);
    } else if (a === ctx.from && /(ed|en)$/.test(ctx.lower[a]) && b < ctx.to && (toks[b].pos === 'ADP' || ctx.lower[b] === ',')) {
      // "Pressed on how sure he was, Exantus said": an opening participle is passive; the main subject is its target.
      src = byAgent(ctx, b);
      tgt = frontedSubject(ctx, b);
    } else if (isReducedRelative(ctx, a)) {
      src = byAgent(ctx, b);
      tgt = objectRight(ctx, b, VERB_PREPS_ONLY, false);
    } else {
      src = gerundSubject(ctx, a);
      if (src < 0) src = subjectLeft(ctx, a);
      if (src < 0) src = frontedSubject(ctx, b);
      tgt = objectRight(ctx, b, targetPreps(type, false), true);
      if (tgt < 0 && SPEECH_ACTS.has(type)) tgt = complementTarget(ctx, b, src);
    }
    // "warned that X is dangerous" is a reproach; "warned it would retaliate" a threat.
    if (type === 'THREATEN' && ctx.lower[a].startsWith('warn') && !futureAhead(ctx, b)) type = 'ACCUSE';
  } else {
    between = betweenPair(ctx, b);
    const pre = modifiersLeft(ctx, a);
    if (between) [src, tgt] = between;
    else {
      const of = ofAgent(ctx, type, b);
      src = pre.length ? pre[0] : of >= 0 ? of : byAgent(ctx, b);
      tgt = pre.length > 1 ? pre[1] : of >= 0 ? NONE : objectRight(ctx, b, targetPreps(type, true), false);
      // "Pakistan's allegation that the attack was planned from Afghan soil".
      if (tgt < 0 && src >= 0 && SPEECH_ACTS.has(type)) tgt = complementTarget(ctx, b, src);
      // A nominal that is itself the subject ("the deal would collapse") has no subject to inherit.
      const isSubject = b < ctx.to && (toks[b].pos === 'AUX' || toks[b].pos === 'VERB');
      // "hijacking by armed militants": an agent is named, just not as an actor.
      const agentNamed = ctx.lower[b] === 'by';
      if (src < 0 && !isSubject && !agentNamed && !inAdverbial(ctx, a)) {
        src = subjectLeft(ctx, a);
        if (src < 0 && governedByVerb(ctx, a)) src = frontedSubject(ctx, b);
        vague = true;
      }
    }
  }
  let sources = between ? [src] : coordinated(ctx, src);
  let targets = between ? [tgt] : coordinated(ctx, tgt);
  // "India and Mauritius upgraded their ties": a symmetric act between coordinated actors.
  if (SYMMETRIC.has(type) && !targets.length && sources.length >= 2) {
    targets = sources.slice(1);
    sources = sources.slice(0, 1);
    vague = false;
  }
  // "the talks", "a meeting" with only the clause's subject to go on is too vague to code: a
  // nominal needs a role of its own (possessor, "between", "by", "on/with Y") — except when its
  // lexicon entry demands context ("paused deliveries") or it is claimed ("claimed responsibility for the attack").
  if (vague && !targets.length && !entry.context && !claimed(ctx, a)) return [];
  if (!sources.length && !targets.length) return [];

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
  const headTok = isVerb ? a : b - 1;
  const date = eventDate(ctx, doc, sentence.start, sentence.end, toks[headTok].start, a, b, modality);
  const out: Event[] = [];
  for (const s of sources.length ? sources : [NONE])
    for (const t of targets.length ? targets : [NONE]) {
      const source = s >= 0 ? ctx.slots[s].actor : null;
      const target = t >= 0 && ctx.slots[t].actor !== source ? ctx.slots[t].actor : null;
      if (!source && !target) continue;
      const ev: Event & { action?: EventType } = {
        type,
        source,
        target,
        modality,
        date,
        intensity: intensity(ctx.lex, type, modality),
        trigger: { start: toks[a].start, end: toks[b - 1].end, text: doc.text.slice(toks[a].start, toks[b - 1].end) },
        sentence: { start: sentence.start, end: sentence.end },
      };
      if (threatened) ev.action = threatened;
      out.push(ev);
    }
  return out.slice(0, 8);
}

const VERB_PREPS_ONLY = new Set(['to', 'with', 'against', 'on', 'toward', 'towards', 'upon']);

function futureAhead(ctx: SentenceCtx, b: number): boolean {
  for (let k = b; k < Math.min(ctx.to, b + 12); k++) if (/^(will|would|could|'ll|retaliat\w*)$/.test(ctx.lower[k])) return true;
  return false;
}

/**
 * "praised ECOWAS for activating a force", "accused Russia of attacking": the object of the
 * main verb does what the gerund says.
 */
function gerundSubject(ctx: SentenceCtx, a: number): number {
  if (!ctx.lower[a].endsWith('ing') || a - 1 < ctx.from || (ctx.lower[a - 1] !== 'for' && ctx.lower[a - 1] !== 'of')) return NONE;
  for (let k = a - 2; k >= Math.max(ctx.from, a - 16); k--) {
    if (ctx.toks[k].pos !== 'VERB') continue;
    for (let j = k + 1; j < a - 1; j++) if (ctx.slotAt[j] >= 0) return ctx.slotAt[j];
    return NONE;
  }
  return NONE;
}

/** Time and concession phrases ("a day after an attack", "despite threats") do not belong to the clause's subject. */
const ADVERBIAL = new Set(['after', 'before', 'despite', 'amid', 'amidst', 'since', 'following', 'until', 'over', 'about', 'regarding', 'like', 'unlike']);

function inAdverbial(ctx: SentenceCtx, a: number): boolean {
  for (let k = a - 1; k >= Math.max(ctx.from, a - 6); k--) {
    const p = ctx.toks[k].pos;
    if (p === 'DET' || p === 'ADJ' || p === 'NUM' || p === 'NOUN' || (p === 'PART' && ctx.lower[k].startsWith("'"))) continue;
    return ADVERBIAL.has(ctx.lower[k]);
  }
  return false;
}

/** "claimed responsibility for the attack": the claimant is the source. */
function claimed(ctx: SentenceCtx, a: number): boolean {
  for (let k = a - 1; k >= Math.max(ctx.from, a - 4); k--) if (ctx.lower[k] === 'responsibility') return true;
  return false;
}

/**
 * The event's date: the time expression of the trigger's own clause nearest the trigger, else the
 * article's date. Background time phrases do not date the event:
 * - a time introduced by "since", "by", "until", "till", "through", "before", "after", "as of",
 *   "for", or a "from … to" range ("the first summit since 2018", "by 2035");
 * - a time inside a relative clause or parenthetical the trigger is not in ("Scholz, who faces an
 *   election on Feb. 23, refused …", "a meeting that Trump said last month he would arrange");
 * - a year- or month-only value more than about a year from the article's date, for a past event,
 *   unless it directly locates the trigger ("In 2014, Russia annexed Crimea": no other verb between);
 * - any date after the article's for an event that is not planned or hypothetical (a report
 *   states what has happened; only plans and conditionals may lie ahead).
 */
function eventDate(ctx: SentenceCtx, doc: Document, start: number, end: number, at: number, a: number, b: number, modality: Modality): string | null {
  const mayBeFuture = modality === 'planned' || modality === 'hypothetical';
  let best: string | null = null;
  let dist = Infinity;
  for (const t of doc.times) {
    if (t.start < start || t.end > end || !t.value) continue;
    if (backgroundTime(doc.text, start, t) && !antecedent(doc.text, t, at)) continue;
    if (inOtherClause(ctx, doc.text, start, end, t, at)) continue;
    if (!mayBeFuture && doc.published && t.value.slice(0, 10) > doc.published.slice(0, 10) && !sameOrWithin(t.value, doc.published)) continue;
    if (!mayBeFuture && doc.published && t.value.length < 10 && farFrom(t.value, doc.published) && !locatesTrigger(ctx, t, a, b)) continue;
    // A clause boundary (";", a dash) between time and trigger counts as distance.
    const lo = Math.min(t.end, at);
    const hi = Math.max(t.start, at);
    const d = Math.abs(t.start - at) + (/[;—–]| - /.test(doc.text.slice(lo, hi)) ? 1000 : 0);
    if (d < dist) (best = t.value, dist = d);
  }
  return best ?? doc.published;
}

/** "since 2018", "by 2035", "before 2014", "for two years", "from 2014 to 2022", "as of June". */
function backgroundTime(text: string, sentenceStart: number, t: TimeExpr): boolean {
  const before = text.slice(Math.max(sentenceStart, t.start - 40), t.start).toLowerCase();
  const lead = /\b(since|by|until|till|through|throughout|before|after|as of|for|from|to)\s+(?:(?:the|early|late|mid|end of|start of|beginning of|middle of)[\s-]+)*$/.exec(before);
  if (!lead) return false;
  if (lead[1] === 'to') return /\bfrom\b/.test(before.slice(0, lead.index));
  return true;
}

/** "after Monday's meeting at the White House, where Trump hosted Zelensky": the time's phrase heads a where/when clause holding the trigger. */
function antecedent(text: string, t: TimeExpr, at: number): boolean {
  return t.end <= at && /^[^.;()]{0,60},?\s+(where|when)\b[^,;()]*$/i.test(text.slice(t.end, at));
}

/** The time sits in a relative clause or parenthetical that does not contain the trigger. */
function inOtherClause(ctx: SentenceCtx, text: string, start: number, end: number, t: TimeExpr, at: number): boolean {
  // Parenthetical: "(… 2014 …)" with the trigger outside it.
  const open = text.lastIndexOf('(', t.start);
  if (open >= start && text.indexOf(')', open) >= t.end) {
    const close = text.indexOf(')', open);
    if (close < end && (at < open || at > close)) return true;
  }
  if (at < t.start) {
    // Trigger first: "met Trump, who was in Paris on Monday", "a meeting … that Trump said last
    // month …" (a "that"/"which" clause with a subject of its own; "an attack that killed 12 on
    // Monday" still dates the attack).
    for (let k = ctx.from; k < ctx.to; k++) {
      const tk = ctx.toks[k];
      if (tk.start <= at) continue;
      if (tk.end > t.start) break;
      const w = text.slice(tk.start, tk.end).toLowerCase();
      if (w === 'who' || w === 'whom' || w === 'whose') return true;
      if ((w === 'which' || w === 'that') && k + 1 < ctx.to && ctx.toks[k + 1].end <= t.start) {
        const p = ctx.toks[k + 1].pos;
        if (p !== 'VERB' && p !== 'AUX' && p !== 'ADV' && p !== 'PART') return true;
      }
    }
    return false;
  }
  // Time first: ", who faces an election on Feb. 23, refused": a relative clause opened after
  // the last comma before the time and closed by a comma before the trigger.
  const comma = text.lastIndexOf(',', t.start);
  const clauseStart = comma >= start ? comma + 1 : start;
  return /^\s*(who|whom|whose|which)\b/i.test(text.slice(clauseStart, t.start)) && /,/.test(text.slice(t.end, at));
}

/** A YYYY or YYYY-MM value more than about a year from the article's date. */
function farFrom(value: string, published: string): boolean {
  const first = Date.parse(value.length === 4 ? `${value}-01-01` : `${value.slice(0, 7)}-01`);
  const last = value.length === 4 ? Date.parse(`${value}-12-31`) : Date.parse(`${value.slice(0, 7)}-28`);
  const pub = Date.parse(published.slice(0, 10).length === 10 ? published.slice(0, 10) : `${published.slice(0, 4)}-07-01`);
  if (Number.isNaN(first) || Number.isNaN(pub)) return false;
  const YEAR = 366 * 86_400_000;
  return pub - last > YEAR || first - pub > YEAR;
}

/** A coarse value equal to or containing the article's date ("this year", "in July") is not after it. */
function sameOrWithin(value: string, published: string): boolean {
  return published.startsWith(value);
}

/** "In 2014, Russia annexed Crimea", "annexed Crimea in 2014": "in"/"during" and no other verb between. */
function locatesTrigger(ctx: SentenceCtx, t: TimeExpr, a: number, b: number): boolean {
  const text = ctx.doc.text;
  if (!/\b(in|during)\s+(?:(?:the|early|late|mid|end of|start of|beginning of|middle of)[\s-]+)*$/i.test(text.slice(Math.max(0, t.start - 30), t.start))) return false;
  for (let k = ctx.from; k < ctx.to; k++) {
    if (k >= a && k < b) continue;
    const tk = ctx.toks[k];
    const between = t.end <= ctx.toks[a].start ? tk.start >= t.end && tk.end <= ctx.toks[a].start : tk.start >= ctx.toks[b - 1].end && tk.end <= t.start;
    if (between && (tk.pos === 'VERB' || tk.pos === 'AUX')) return false;
  }
  return true;
}

/**
 * "urged Russia to accept a ceasefire": what is asked for is not (yet) an event; the request
 * is. Drops events whose trigger follows a REQUEST verb through "to" within a few words.
 */
function dropRequested(ctx: SentenceCtx, events: Event[]): Event[] {
  const requests = events.filter((e) => e.type === 'REQUEST');
  if (!requests.length) return events;
  return events.filter((e) => {
    if (e.type === 'REQUEST') return true;
    return !requests.some((r) => {
      if (r.trigger.end > e.trigger.start || e.trigger.start - r.trigger.end > 60) return false;
      const between = ctx.doc.text.slice(r.trigger.end, e.trigger.start);
      return /\bto\b/.test(between) && !/[.;:]/.test(between);
    });
  });
}

/** "hasn't provided missiles or authorized weapons to send": verbs joined by "or"/"nor" share a negation. */
function shareNegation(ctx: SentenceCtx, events: Event[]): Event[] {
  for (let i = 0; i < events.length; i++) {
    if (events[i].modality !== 'negated') continue;
    for (let j = i + 1; j < events.length; j++) {
      const e = events[j];
      if (e.modality === 'negated' || e.trigger.start < events[i].trigger.end) continue;
      const between = ctx.doc.text.slice(events[i].trigger.end, e.trigger.start);
      if (!/\b(or|nor)\b/.test(between) || /[.;:]|\bbut\b/.test(between)) continue;
      e.modality = 'negated';
      e.intensity = intensity(ctx.lex, e.type, 'negated');
    }
  }
  return events;
}

/** One event per type and actor pair in a sentence; a fuller reading beats a partial one. */
function dedupe(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    // Same event when one reading is contained in the other (SOM→null within SOM→al-shabab);
    // SOM→null and null→al-shabab are two partial readings of possibly different acts.
    const within = (x: Event, y: Event) => (!x.source || x.source === y.source) && (!x.target || x.target === y.target);
    const same = out.findIndex((o) => o.type === e.type && (within(o, e) || within(e, o)));
    if (same < 0) out.push(e);
    else if (filled(e) > filled(out[same])) out[same] = e;
  }
  return out;
}

const filled = (e: Event) => (e.source ? 1 : 0) + (e.target ? 1 : 0);
