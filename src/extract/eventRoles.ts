// Who is the source and who the target of an event trigger, from POS patterns over the token
// and mention layers of one sentence. Roles are returned as mention slots (indices into
// SentenceCtx.slots) so coordinated actors ("Mexico, Canada and China") can be expanded.
import type { Actor, Document, EventType, Token } from '../document.js';
import type { EventLexicon } from './eventLexicon.js';

/** A mention placed on the token grid: tokens [first, last] hold it. */
export interface Slot {
  first: number;
  last: number;
  actor: string;
}

export interface SentenceCtx {
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

export const NONE = -1;

/** Violence and coercion take place somewhere: "in Kyiv", "near Sibi" name the target. */
const FORCE: ReadonlySet<EventType> = new Set(['ASSAULT', 'COERCE', 'MOBILIZE']);
const FORCE_PREPS = new Set(['on', 'against', 'at', 'in', 'near', 'into', 'upon', 'across', 'inside']);
/** "the invasion of Ukraine", "the bombing of Kyiv": for a nominal, "of" names the one acted on. */
const FORCE_NOUN_PREPS = new Set([...FORCE_PREPS, 'of']);
const VERB_PREPS = new Set(['on', 'against', 'to', 'with', 'at', 'toward', 'towards', 'into', 'upon', 'from', 'for']);
const NOUN_PREPS = new Set(['on', 'against', 'to', 'with', 'toward', 'towards', 'into', 'of', 'upon', 'for']);
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got', 'gets', "'s", "'re"]);
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'while', 'but', 'because', 'although', 'though', 'whereas', 'after', 'before', 'when', 'as', 'what', 'where']);
const SPEECH = new Set(['said', 'says', 'say', 'told', 'tells', 'announced', 'reported', 'stated', 'added', 'claimed', 'noted', 'insisted', 'argued']);
const SKIP_IN_NP = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET', 'PART', 'ADV']);

export function slotActor(ctx: SentenceCtx, t: number): string | null {
  const s = ctx.slotAt[t];
  return s >= 0 ? ctx.slots[s].actor : null;
}

/** Meetings happen "with" or "to" someone; "a meeting of ECOWAS" or "at the hotel" name no counterpart. */
const MEET_PREPS = new Set(['with', 'to', 'toward', 'towards']);

export function targetPreps(type: EventType, nominal: boolean): Set<string> {
  if (FORCE.has(type)) return nominal ? FORCE_NOUN_PREPS : FORCE_PREPS;
  if (type === 'CONSULT') return MEET_PREPS;
  return nominal ? NOUN_PREPS : VERB_PREPS;
}

/** "was rebuffed", "have been rejected", "is being attacked". */
export function isPassive(ctx: SentenceCtx, v: number): boolean {
  if (!/(ed|en|wn|t)$/.test(ctx.lower[v])) return false;
  for (let k = v - 1; k >= Math.max(ctx.from, v - 6); k--) {
    const p = ctx.toks[k].pos;
    if (p === 'ADV' || p === 'PART') continue;
    // "can be attacked or kidnapped": a coordinated participle shares the auxiliary.
    if (p === 'CCONJ' || (p === 'VERB' && /(ed|en|wn)$/.test(ctx.lower[k]) && k !== v)) continue;
    if ((p === 'AUX' || p === 'VERB') && BE.has(ctx.lower[k])) return true;
    return false;
  }
  return false;
}

/**
 * A participle right after a noun with no object of its own modifies that noun: "schoolgirls
 * kidnapped in Zamfara", "weapons supplied to Ukraine". The noun is what was acted on.
 */
export function isReducedRelative(ctx: SentenceCtx, v: number): boolean {
  if (!/(ed|en|wn)$/.test(ctx.lower[v]) || v - 1 < ctx.from) return false;
  const prev = ctx.toks[v - 1];
  // A sentence-initial capitalised noun is often tagged PROPN.
  const noun = prev.pos === 'NOUN' || (prev.pos === 'PROPN' && v - 1 === ctx.from);
  if (!noun || ctx.slotAt[v - 1] >= 0) return false;
  const next = v + 1 < ctx.to ? ctx.toks[v + 1].pos : 'PUNCT';
  return next === 'ADP' || next === 'PUNCT' || next === 'ADV';
}

/** The subject of a passive: the mention ending right before its auxiliaries (or a relative pronoun's antecedent). */
export function passiveSubject(ctx: SentenceCtx, v: number): number {
  let k = v - 1;
  while (k >= ctx.from && (ctx.toks[k].pos === 'ADV' || ctx.toks[k].pos === 'PART' || ctx.toks[k].pos === 'AUX' || BE.has(ctx.lower[k]))) k--;
  if (k < ctx.from) return NONE;
  if (ctx.lower[k] === 'which' || ctx.lower[k] === 'who' || ctx.lower[k] === 'that') {
    k--;
    if (k >= ctx.from && ctx.lower[k] === ',') k--;
  }
  return k >= ctx.from ? ctx.slotAt[k] : NONE;
}

/** Nouns of acts without an object ("the withdrawal of U.S. troops"): their "of" phrase is the actor, not the target. */
const INTRANSITIVE: ReadonlySet<EventType> = new Set(['RETREAT', 'MOBILIZE']);

export function ofAgent(ctx: SentenceCtx, type: EventType, b: number): number {
  if (!INTRANSITIVE.has(type) || ctx.lower[b] !== 'of') return NONE;
  for (let j = b + 1; j < Math.min(ctx.to, b + 5); j++) {
    if (ctx.slotAt[j] >= 0) return ctx.slotAt[j];
    if (!SKIP_IN_NP.has(ctx.toks[j].pos)) break;
  }
  return NONE;
}

/** "by the Kremlin", "by Indian Prime Minister Narendra Modi": the head (last) actor of the phrase after "by". */
export function byAgent(ctx: SentenceCtx, b: number): number {
  for (let k = b; k < Math.min(ctx.to, b + 4); k++) {
    if (ctx.lower[k] === 'by') {
      let found = NONE;
      for (let j = k + 1; j < Math.min(ctx.to, k + 8); j++) {
        const s = ctx.slotAt[j];
        if (s >= 0) {
          found = s;
          j = ctx.slots[s].last;
          continue;
        }
        if (!SKIP_IN_NP.has(ctx.toks[j].pos) || (found >= 0 && ctx.toks[j].pos === 'DET')) break;
      }
      return found;
    }
    if (ctx.toks[k].pos === 'PUNCT' || ctx.toks[k].pos === 'VERB') return NONE;
  }
  return NONE;
}

/** "a call between Putin and Trump". */
export function betweenPair(ctx: SentenceCtx, b: number): [number, number] | null {
  let k = b;
  while (k < ctx.to && ctx.toks[k].pos === 'ADV') k++;
  if (ctx.lower[k] !== 'between') return null;
  const found: number[] = [];
  for (let j = k + 1; j < Math.min(ctx.to, k + 12) && found.length < 2; j++) {
    const s = ctx.slotAt[j];
    if (s >= 0 && !found.some((f) => ctx.slots[f].actor === ctx.slots[s].actor)) {
      found.push(s);
      j = ctx.slots[s].last;
    } else if (ctx.toks[j].pos === 'PUNCT' && ctx.lower[j] !== '-') break;
  }
  return found.length === 2 ? [found[0], found[1]] : null;
}

/**
 * Actors right before a nominal trigger as possessor, demonym or compound: "Russia's attack",
 * "Russian strikes", "U.S.-Russia talks". In text order, at most two.
 */
export function modifiersLeft(ctx: SentenceCtx, a: number): number[] {
  const out: number[] = [];
  for (let k = a - 1; k >= Math.max(ctx.from, a - 6); k--) {
    const s = ctx.slotAt[k];
    if (s >= 0) {
      if (!out.some((o) => ctx.slots[o].actor === ctx.slots[s].actor)) out.unshift(s);
      k = ctx.slots[s].first;
      continue;
    }
    const p = ctx.toks[k].pos;
    const w = ctx.lower[k];
    if (w === "'s" || w === "'" || w === '-' || w === '–' || p === 'ADJ' || p === 'NUM' || p === 'NOUN' || (p === 'PART' && w.startsWith("'"))) continue;
    if (p === 'CCONJ' && out.length) continue;
    // "intensifying its assault": the possessive's owner is the source.
    if (!out.length && p === 'PRON' && (w === 'its' || w === 'their' || w === 'his' || w === 'her')) {
      const owner = possessiveOwner(ctx, k, NONE);
      if (owner >= 0) out.push(owner);
    }
    break;
  }
  return out.slice(0, 2);
}

/**
 * The grammatical subject: the nearest actor to the left not in a prepositional phrase or
 * object position, through relative pronouns to their antecedent ("Moscow, which has …").
 */
export function subjectLeft(ctx: SentenceCtx, a: number): number {
  for (let k = a - 1; k >= ctx.from; k--) {
    const s = ctx.slotAt[k];
    if (s < 0) {
      const w = ctx.lower[k];
      // "their partnership — from joint flights near the U.S. … — has helped": skip the parenthesis.
      if ((w === '—' || w === '–' || w === '--') && k - 1 > ctx.from) {
        let j = k - 1;
        while (j > ctx.from && !['—', '–', '--'].includes(ctx.lower[j])) j--;
        if (j > ctx.from) {
          k = j;
          continue;
        }
      }
      // A semicolon or the end of a quoted sentence (',”') closes the clause: the subject is not beyond it.
      if (w === ';') return NONE;
      if ((w === '"' || w === '”') && k - 1 >= ctx.from && ctx.toks[k - 1].pos === 'PUNCT') return NONE;
      if (w === 'which' || w === 'who') {
        // "Uyghurs who remain in custody since authorities deported …": the verb has its own
        // subject right before it, so the relative pronoun's antecedent is not it.
        let v = a - 1;
        while (v > k && (ctx.toks[v].pos === 'ADV' || ctx.toks[v].pos === 'AUX')) v--;
        if (v > k + 1 && (ctx.toks[v].pos === 'NOUN' || ctx.toks[v].pos === 'PRON')) return NONE;
        let j = k - 1;
        if (j >= ctx.from && ctx.lower[j] === ',') j--;
        return j >= ctx.from ? ctx.slotAt[j] : NONE;
      }
      continue;
    }
    const slot = ctx.slots[s];
    k = slot.first;
    const after = slot.last + 1 < ctx.to ? ctx.lower[slot.last + 1] : '';
    if (after === "'s" || after === "'") continue;
    // "a U.S.-designated group": a hyphenated compound is a modifier, not a subject.
    if (after === '-' || after === '–') continue;
    // "allowing Ukraine to strike": the object of the first verb is the subject of the second.
    const infinitiveSubject = after === 'to' && slot.last + 2 === a;
    if (!infinitiveSubject && slot.last + 1 < a && isObjectPosition(ctx, slot.first)) continue;
    return aliasHead(ctx, s);
  }
  return NONE;
}

/** "the Baloch Liberation Army, or BLA,": the abbreviation stands for the name before it. */
function aliasHead(ctx: SentenceCtx, s: number): number {
  const slot = ctx.slots[s];
  const k = slot.first - 1;
  if (k - 1 >= ctx.from && ctx.lower[k] === 'or' && ctx.lower[k - 1] === ',') {
    const prev = ctx.slotAt[k - 2];
    if (prev >= 0) return prev;
  }
  return s;
}

/** Governed by a preposition or a verb before it (allowing determiners, adjectives, titles and "X and Y"). */
function isObjectPosition(ctx: SentenceCtx, first: number): boolean {
  for (let k = first - 1; k >= ctx.from; k--) {
    const p = ctx.toks[k].pos;
    if (p === 'DET' || p === 'ADJ' || p === 'NUM' || p === 'PROPN') continue;
    // Titles before a name ("courted President Trump") belong to the name.
    if (p === 'NOUN' && /^[A-Z]/.test(ctx.doc.text[ctx.toks[k].start])) continue;
    if (p === 'CCONJ') {
      // Coordinated with an earlier noun phrase: inherit its position.
      let j = k - 1;
      if (j >= ctx.from && ctx.lower[j] === ',') j--;
      while (j >= ctx.from && ctx.slotAt[j] < 0 && (ctx.toks[j].pos === 'DET' || ctx.toks[j].pos === 'ADJ')) j--;
      if (j >= ctx.from && ctx.slotAt[j] >= 0) return isObjectPosition(ctx, ctx.slots[ctx.slotAt[j]].first);
      return false;
    }
    if (ctx.lower[k] === ',') {
      // A list "X, Y and Z" (this member is followed by "," or "and"): the first member decides.
      // Otherwise the comma closes a clause before the subject ("…on the Kremlin, Trump ordered").
      const self = ctx.slotAt[first];
      const next = self >= 0 ? ctx.slots[self].last + 1 : first + 1;
      const inList = next < ctx.to && (ctx.lower[next] === ',' || ctx.toks[next].pos === 'CCONJ');
      const j = k - 1;
      if (inList && j >= ctx.from && ctx.slotAt[j] >= 0) return isObjectPosition(ctx, ctx.slots[ctx.slotAt[j]].first);
      return false;
    }
    // "diplomats from the Group of Seven urged", "Mosques across Turkey broadcast": the actor
    // qualifies the subject noun.
    if (p === 'ADP' && k - 1 >= ctx.from && (ctx.toks[k - 1].pos === 'NOUN' || (ctx.toks[k - 1].pos === 'PROPN' && ctx.slotAt[k - 1] < 0))) {
      if (ctx.lower[k] === 'from' || ctx.lower[k] === 'of') return false;
      let j = k - 1;
      while (j >= ctx.from && ['NOUN', 'ADJ', 'DET', 'NUM', 'PROPN'].includes(ctx.toks[j].pos) && ctx.slotAt[j] < 0) j--;
      if (j < ctx.from) return false;
    }
    // "said a Pakistani operation killed …": a speech verb takes a clause, not an object.
    if (p === 'VERB' && SPEECH.has(ctx.lower[k])) return false;
    return (p === 'ADP' && ctx.lower[k] !== 'by') || p === 'VERB';
  }
  return false;
}

/** "promising to levy sanctions": a verb governs the nominal within its clause. */
export function governedByVerb(ctx: SentenceCtx, a: number): boolean {
  for (let k = a - 1; k >= Math.max(ctx.from, a - 5); k--) {
    const p = ctx.toks[k].pos;
    if (p === 'VERB') return true;
    if (p === 'PUNCT' || p === 'ADP' || ctx.slotAt[k] >= 0) return false;
  }
  return false;
}

/** For a fronted clause ("After promising sanctions, Trump ordered …"): the main clause's subject. */
export function frontedSubject(ctx: SentenceCtx, b: number): number {
  let comma = -1;
  for (let k = b; k < ctx.to; k++)
    if (ctx.lower[k] === ',') {
      comma = k;
      break;
    }
  if (comma < 0) return NONE;
  let first = NONE;
  for (let k = comma + 1; k < Math.min(ctx.to, comma + 10); k++) {
    const s = ctx.slotAt[k];
    if (s >= 0) {
      if (first < 0) first = s;
      k = ctx.slots[s].last;
      continue;
    }
    const p = ctx.toks[k].pos;
    if (p === 'VERB' || p === 'AUX') return first;
    if (p === 'PUNCT') return NONE;
  }
  return NONE;
}

/**
 * The object: the first actor after the trigger inside its clause, directly ("hit Kyiv") or
 * after one of `preps` ("tariffs on India", "talks with Putin", "attacked a train near Sibi, Balochistan").
 * A nominal's "by" phrase is the agent and is stepped over.
 */
export function objectRight(ctx: SentenceCtx, b: number, preps: Set<string>, direct: boolean): number {
  let prep = false;
  let blocked = !direct;
  let agent = false;
  for (let k = b; k < Math.min(ctx.to, b + 10); k++) {
    const s = ctx.slotAt[k];
    if (s >= 0) {
      const slot = ctx.slots[s];
      const next = slot.last + 1 < ctx.to ? ctx.lower[slot.last + 1] : '';
      // "by Indian Prime Minister Narendra Modi to Mauritius": the agent is no target.
      // "doubling the U.S. tariff": an actor modifying the instrument of the act (a trigger
      // word) is its owner, not the object; "killed al-Shabab militants" does target al-Shabab.
      const modifier = !prep && next !== '' && ctx.toks[slot.last + 1].pos === 'NOUN' && ctx.slotAt[slot.last + 1] < 0 && ctx.lex.forms.has(next);
      if (agent || modifier) {
        k = slot.last;
        continue;
      }
      if (prep || !blocked) return aliasHead(ctx, s);
      return NONE;
    }
    const p = ctx.toks[k].pos;
    const w = ctx.lower[k];
    if (p === 'ADP' || (p === 'PART' && w === 'to') || p === 'SCONJ') {
      agent = w === 'by';
      prep = preps.has(w);
      // "killed in what U.S. officials call": after another preposition there is no direct object.
      if (!prep && !agent) blocked = true;
      continue;
    }
    // "intelligence sharing with Ukraine": a gerund after a noun belongs to the noun phrase.
    if (p === 'VERB' && w.endsWith('ing') && k - 1 >= b && ctx.toks[k - 1].pos === 'NOUN') continue;
    if (w === ',' && k + 1 < ctx.to && ctx.slotAt[k + 1] >= 0 && k - 1 >= b && ctx.toks[k - 1].pos === 'PROPN') continue;
    if (p === 'PUNCT' && w !== '-' && w !== '–') return NONE;
    if (p === 'VERB' || p === 'AUX' || CLAUSE_WORDS.has(w)) return NONE;
    if (p === 'PRON') {
      if (w !== 'its' && w !== 'their' && w !== 'his' && w !== 'her') return NONE;
      // "Tehran rejected its offer": a possessive in object position owns the thing acted on.
      if (prep || !blocked) {
        const owner = possessiveOwner(ctx, k, b);
        if (owner >= 0) return owner;
      }
    }
  }
  return NONE;
}

/**
 * The actor a possessive pronoun most likely stands for: the nearest earlier actor in the
 * sentence of a fitting kind (its/their: states and organisations; his/her: people) that is not
 * the clause's own subject (a subject acting on its own things is no event between actors).
 */
function possessiveOwner(ctx: SentenceCtx, k: number, b: number): number {
  const w = ctx.lower[k];
  const person = w === 'his' || w === 'her';
  // As a modifier (b = NONE) the pronoun usually refers back to the clause's subject itself.
  if (b < 0) {
    const own = subjectLeft(ctx, k);
    return own >= 0 && fits(ctx, ctx.slots[own].actor, person) ? own : NONE;
  }
  const subject = b < 0 ? NONE : subjectLeft(ctx, b - 1);
  // "Russia and India upgraded their ties": the subjects' own.
  const selves = new Set(coordinated(ctx, subject).map((x) => ctx.slots[x].actor));
  for (let j = k - 1; j >= ctx.from; j--) {
    const s = ctx.slotAt[j];
    if (s < 0) continue;
    j = ctx.slots[s].first;
    const actor = ctx.slots[s].actor;
    if (selves.has(actor)) continue;
    if (fits(ctx, actor, person)) return s;
  }
  return NONE;
}

function fits(ctx: SentenceCtx, actor: string, person: boolean): boolean {
  const type = ctx.actors.get(actor)?.type ?? (/^[A-Z]{3}$/.test(actor) ? 'COUNTRY' : null);
  return person ? type === 'PERSON' : type === 'COUNTRY' || type === 'ORG' || type === 'GROUP';
}

/**
 * For speech acts (accusing, warning, urging, praising, rejecting) the one acted on may sit in
 * the complement clause: "warned that it will exert pressure on Iran".
 */
export function complementTarget(ctx: SentenceCtx, b: number, source: number): number {
  const self = source >= 0 ? ctx.slots[source].actor : null;
  for (let k = b; k < Math.min(ctx.to, b + 16); k++) {
    if (ctx.lower[k] === ';' || ctx.lower[k] === ':') return NONE;
    const s = ctx.slotAt[k];
    if (s >= 0 && ctx.slots[s].actor !== self) return s;
    if (s >= 0) k = ctx.slots[s].last;
  }
  return NONE;
}

/** Slots coordinated with `s`: "Mexico, Canada and China", "The United States, United Nations and …". */
export function coordinated(ctx: SentenceCtx, s: number): number[] {
  if (s < 0) return [];
  const out = [s];
  const seen = new Set([ctx.slots[s].actor]);
  const add = (x: number) => {
    if (x < 0 || seen.has(ctx.slots[x].actor)) return false;
    seen.add(ctx.slots[x].actor);
    out.push(x);
    return true;
  };
  // rightwards: ", Y", "and Y", ", and Y" — a comma alone counts only when the list closes
  // with "and"/"or" ("to Ukraine, The Wall Street Journal reported" is no list).
  const pending: number[] = [];
  for (let k = ctx.slots[s].last + 1, n = 0; k + 1 < ctx.to && n < 6; n++) {
    let j = k;
    if (ctx.lower[j] === ',') j++;
    const conj = ctx.lower[j] === 'and' || ctx.lower[j] === 'or';
    if (conj) j++;
    if (j === k || ctx.slotAt[j] < 0) break;
    if (ctx.lower[j - 1] === 'or' && /^[A-Z.]{2,6}$/.test(ctx.doc.text.slice(ctx.toks[j].start, ctx.toks[j].end))) break;
    pending.push(ctx.slotAt[j]);
    if (conj) {
      for (const x of pending) add(x);
      pending.length = 0;
      break;
    }
    k = ctx.slots[ctx.slotAt[j]].last + 1;
  }
  // leftwards: "X and " before s, or "X, " when X opens a list ("The United States, United Nations and …")
  for (let k = ctx.slots[s].first - 1, n = 0; k - 1 >= ctx.from && n < 6; n++) {
    let j = k;
    const conj = ctx.lower[j] === 'and' || ctx.lower[j] === 'or';
    if (conj) j--;
    if (j >= ctx.from && ctx.lower[j] === ',') j--;
    if (j === k || j < ctx.from || ctx.slotAt[j] < 0) break;
    const x = ctx.slotAt[j];
    const before = ctx.slots[x].first - 1;
    const opensList = before < ctx.from || ctx.toks[before].pos === 'DET' || ctx.lower[before] === ',' || ctx.lower[before] === 'and';
    if (!conj && !opensList) break;
    add(x);
    k = before;
  }
  return out.sort((x, y) => ctx.slots[x].first - ctx.slots[y].first);
}
