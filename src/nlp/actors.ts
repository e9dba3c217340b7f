// Stage `actors`: every mention resolves to one canonical actor with a global id (dictionary id,
// ISO alpha-3 for countries, else kebab case of the canonical name). Names, surnames and titled
// names; role descriptions ("the Russian leader") by the dictionary's role dates; metonymy
// (Moscow, Kyiv as actors → the state); demonyms; and subject pronouns ("he said") → the most
// salient compatible person before them.
import type { Actor, ActorType, Document, Entity, Mention, MentionKind, Token } from '../document.js';
import type { Stage, StageFactory } from '../pipeline.js';
import { actorIdFor, loadLexicon, tokenKey, tokenKeys, type ActorEntry, type Lexicon, type TrieNode } from './lexicon.js';

type Gender = 'male' | 'female' | null;

interface DocActor extends Actor {
  gender: Gender;
  count: number;
  /** Role titles the article gives the actor ("President Trump" → President). */
  docRoles: string[];
}

// Locative use keeps a capital a place ("strikes on Kyiv"); elsewhere it stands for the state.
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'around', 'to', 'into', 'on', 'onto', 'over', 'across', 'from', 'toward', 'towards', 'through', 'via', 'of', 'inside', 'within', 'throughout', 'between', 'beyond', 'above', 'below', 'under', 'off', 'past', 'behind']);
const SUBORDINATOR = new Set(['when', 'while', 'before', 'after', 'if', 'although', 'though', 'as', 'because', 'since', 'despite', 'once', 'until', 'unless', 'whereas', 'even']);
const SKIPPABLE_ADV = new Set(['also', 'later', 'then', 'recently', 'merely', 'still', 'now', 'never', 'always', 'often', 'already', 'just', 'initially', 'reportedly', 'repeatedly', 'again', 'once', 'first', 'finally', 'apparently', 'quickly', 'has', 'had', 'would', 'will', 'not', "n't", 'only', 'even', 'previously', 'subsequently', 'sometimes', 'too', 'clearly']);
const SPEECH_VERB = new Set(['said', 'says', 'say', 'added', 'stated', 'announced', 'warned', 'insisted', 'told', 'claimed', 'denied', 'argued', 'noted', 'stressed', 'urged', 'called', 'accused', 'declared', 'responded', 'replied', 'wrote', 'posted', 'reported', 'confirmed', 'demanded', 'threatened', 'vowed', 'pledged', 'promised', 'rejected', 'dismissed', 'signaled', 'signalled', 'suggested', 'asserted', 'maintained']);
const QUOTE_OPEN = new Set(['“', '‘‘', '«']);
const QUOTE_CLOSE = new Set(['”', '’’', '»']);
// First characters of the quote tokens above and of the straight ones quoteMask toggles on.
const QUOTE_FIRST_CHAR = new Set([...QUOTE_OPEN, ...QUOTE_CLOSE, '"', "''", '``'].map((q) => q.charCodeAt(0)));

export interface ActorsOptions {
  lexicon: Lexicon;
}

function roleValid(r: { from: string | null; to: string | null }, date: string | null, former: boolean): boolean {
  if (former) return r.to !== null && (date === null || r.to <= date);
  if (date === null) return r.to === null;
  return (r.from === null || r.from <= date) && (r.to === null || r.to > date);
}

/** Description phrase key: lower-case tokens, possessive dropped ("Kremlin's spokesman" → "kremlin spokesman"). */
function descKey(s: string): string {
  return tokenKey(s).replace(/'s\b/g, '').replace(/\s+/g, ' ').replace(/^the /, '').trim();
}

interface Indexes {
  descriptions: Map<string, ActorEntry[]>;
  /** The lexicon trie cut down to the paths that lead to a role noun: findRoleMentions looks up
   * every token, and this root is a few hundred entries where the full one is tens of thousands. */
  roleTrie: TrieNode;
  /** The dictionary's people, in dictionary order: role resolution scans them, not every place and country. */
  people: ActorEntry[];
}
const indexCache = new WeakMap<Lexicon, Indexes>();
function indexes(lex: Lexicon): Indexes {
  let ix = indexCache.get(lex);
  if (ix) return ix;
  const descriptions = new Map<string, ActorEntry[]>();
  for (const a of lex.actors.values()) {
    for (const r of a.roles) {
      for (const d of [...r.descriptions, r.title]) {
        const k = descKey(d);
        const list = descriptions.get(k) ?? [];
        if (!list.includes(a)) list.push(a);
        descriptions.set(k, list);
      }
    }
  }
  const people = [...lex.actors.values()].filter((a) => a.type === 'PERSON');
  ix = { descriptions, roleTrie: rolePaths(lex.trie) ?? { next: new Map() }, people };
  indexCache.set(lex, ix);
  return ix;
}

/** The nodes of `node`'s subtree that are or lead to a role noun (only `next` and `role` kept), or null. */
function rolePaths(node: TrieNode): TrieNode | null {
  const next = new Map<string, TrieNode>();
  for (const [k, child] of node.next) {
    const kept = rolePaths(child);
    if (kept) next.set(k, kept);
  }
  if (!next.size && !node.role) return null;
  return node.role ? { next, role: node.role } : { next };
}

/** Resolve entities, roles and pronouns of a tokenised document to actors. */
export function resolveActors(doc: Document, lex: Lexicon): { actors: Actor[]; mentions: Mention[] } {
  const { text, tokens } = doc;
  const date = doc.published;
  const n = tokens.length;
  const keys = tokenKeys(text, tokens);
  const tokAt = new OffsetIndex(text.length); // char start → token index
  const tokEnd = new OffsetIndex(text.length); // char end → token index
  for (let i = 0; i < n; i++) {
    tokAt.set(tokens[i].start, i);
    tokEnd.set(tokens[i].end, i);
  }
  const inQuote = quoteMask(tokens, keys, text);
  const actors = new Map<string, DocActor>();
  const mentions: M[] = [];

  const ensure = (id: string, name: string, type: ActorType, extra: Partial<DocActor> = {}): DocActor => {
    let a = actors.get(id);
    if (!a) {
      const e = lex.actors.get(id);
      a = {
        id,
        name: e?.name ?? name,
        type: e?.type ?? type,
        aliases: e ? [...e.aliases] : [],
        role: e ? currentRole(e, date) : null,
        country: e?.country ?? (e?.type === 'COUNTRY' ? id : null),
        affiliation: e?.affiliation ?? null,
        gender: e?.gender ?? null,
        count: 0,
        docRoles: [],
        ...extra,
      };
      actors.set(id, a);
    }
    return a;
  };
  const addMention = (start: number, end: number, a: DocActor, kind: MentionKind, tok: number) => {
    a.count++;
    const surface = text.slice(start, end);
    if (kind === 'name' && surface !== a.name && !a.aliases.includes(surface)) a.aliases.push(surface);
    mentions.push({ start, end, text: surface, actor: a.id, type: a.type, kind, tok, last: tokEnd.get(end) ?? tok });
  };

  // Doc-local people by surname, so "Graham" after "Thomas Graham" is him, not a dictionary Graham.
  const localSurname = new Map<string, string>();
  const ents = doc.entities.filter((e) => e.type !== 'MISC');
  for (const e of ents) {
    if (e.type !== 'PERSON' || !e.text.includes(' ')) continue;
    const id = personId(e, lex);
    const sur = e.text.split(/\s+/).pop()!;
    if (!localSurname.has(sur)) localSurname.set(sur, id);
  }

  // Role descriptions first, so that the modifier inside "the Russian leader" is not also a mention;
  // they are ranked by how often the article names each candidate.
  for (const e of ents) {
    if (e.type !== 'PERSON') continue;
    const id = e.actor && e.source !== 'surname' ? e.actor : (localSurname.get(e.text) ?? e.actor ?? personId(e, lex));
    const a = ensure(id, e.text, 'PERSON');
    a.count++;
    describeFromTitle(a, tokAt.get(e.start) ?? 0, tokens, keys, text, ents, tokEnd, lex);
  }
  const roleSpans = findRoleMentions(doc, keys, lex, ents, tokAt, tokEnd, date, actors);
  for (const a of actors.values()) a.count = 0;
  const covered = (s: number, e: number) => roleSpans.some((r) => r.start <= s && e <= r.end);

  for (const e of ents) {
    if (covered(e.start, e.end)) continue;
    const ti = tokAt.get(e.start) ?? 0;
    const prev = ti > 0 && tokens[ti - 1].sentence === tokens[ti].sentence ? keys[ti - 1] : '';
    if (e.type === 'PERSON') {
      let id: string;
      if (e.source === 'surname' || (!e.actor && !e.text.includes(' '))) id = localSurname.get(e.text) ?? e.actor ?? personId(e, lex);
      else id = personId(e, lex);
      const a = ensure(id, e.text, 'PERSON');
      if (!a.gender && e.gender) a.gender = e.gender;
      describeFromTitle(a, ti, tokens, keys, text, ents, tokEnd, lex);
      addMention(e.start, e.end, a, 'name', ti);
      continue;
    }
    if (e.type === 'LOCATION' && e.actor && lex.capitals.has(e.actor) && !LOCATIVE.has(prev)) {
      const iso = lex.capitals.get(e.actor)!;
      addMention(e.start, e.end, ensure(iso, iso, 'COUNTRY'), 'metonym', ti);
      continue;
    }
    if (e.type === 'GROUP' && e.actor && lex.actors.get(e.actor)?.type === 'COUNTRY') {
      // "the Russian keeps stringing the American along": a singular demonym as a noun is the
      // country's most prominent person in the article.
      const next = ti + 1 < n && tokens[ti + 1].sentence === tokens[ti].sentence ? tokens[ti + 1].pos : 'PUNCT';
      if (prev === 'the' && !/s$/.test(e.text) && !['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(next)) {
        const person = leadingPerson(e.actor, ents, lex, date, actors);
        if (person) {
          const s = tokens[ti - 1].start;
          addMention(s, e.end, ensure(person, person, 'PERSON'), 'role', ti - 1);
          continue;
        }
      }
      addMention(e.start, e.end, ensure(e.actor, e.actor, 'COUNTRY'), 'demonym', ti);
      continue;
    }
    const id = e.actor ?? actorIdFor(e.text);
    if (!id) continue;
    const a = ensure(id, e.text, e.type as ActorType);
    if (a.type === 'LOCATION' && !a.country && e.actor) a.country = lex.actors.get(e.actor)?.country ?? null;
    addMention(e.start, e.end, a, e.actor && lex.actors.get(e.actor)?.type === 'ORG' && /^(Kremlin|White House)$/.test(e.text) ? 'metonym' : 'name', ti);
  }
  for (const r of roleSpans) {
    const a = ensure(r.actor, r.actor, 'PERSON');
    addMention(r.start, r.end, a, 'role', r.tok);
  }
  mentions.sort((a, b) => a.start - b.start);

  resolvePronouns(doc, keys, inQuote, mentions, actors, lex);
  mentions.sort((a, b) => a.start - b.start);

  const outActors: Actor[] = [];
  for (const a of actors.values()) {
    if (!a.count) continue;
    outActors.push({
      id: a.id,
      name: a.name,
      type: a.type,
      aliases: a.aliases,
      role: a.role ?? a.docRoles[0] ?? null,
      country: a.country ?? null,
      affiliation: a.affiliation ?? null,
    });
  }
  return {
    actors: outActors,
    mentions: mentions.map(({ start, end, text: t, actor, type, kind }) => ({ start, end, text: t, actor, type, kind })),
  };
}

function personId(e: Entity, lex: Lexicon): string {
  if (e.actor) return e.actor;
  const id = actorIdFor(e.text);
  return id;
}

function currentRole(e: ActorEntry, date: string | null): string | null {
  const r = e.roles.find((x) => roleValid(x, date, false));
  return r ? r.title : null;
}

// Titles before a name tell the role, country and affiliation of people nobody listed:
// "German Chancellor Friedrich Merz", "Kremlin spokesman Dmitry Peskov".
function describeFromTitle(a: DocActor, ti: number, tokens: Token[], keys: string[], text: string, ents: Entity[], tokEnd: OffsetIndex, lex: Lexicon): void {
  let j = ti - 1;
  const s = tokens[ti].sentence;
  const titleEnd = j;
  while (j >= 0 && tokens[j].sentence === s && /^[A-Za-z.-]+$/.test(keys[j]) && isTitleWord(keys, j, lex)) j--;
  if (j === titleEnd) return;
  const title = text.slice(tokens[j + 1].start, tokens[titleEnd].end);
  if (!a.docRoles.includes(title)) a.docRoles.push(title);
  if (j < 0) return;
  const mod = entByEnd(ents).get(tokens[j].end);
  if (!mod?.actor) return;
  const m = lex.actors.get(mod.actor);
  if (!m) return;
  if (!a.country) a.country = m.type === 'COUNTRY' ? m.id : (m.country ?? null);
  if (!a.affiliation && m.type === 'ORG') a.affiliation = m.id;
}

const entEndCache = new WeakMap<Entity[], Map<number, Entity>>();
function entByEnd(ents: Entity[]): Map<number, Entity> {
  let m = entEndCache.get(ents);
  if (!m) {
    m = new Map();
    for (const e of ents) if (e.actor) m.set(e.end, e);
    entEndCache.set(ents, m);
  }
  return m;
}

function isTitleWord(keys: string[], j: number, lex: Lexicon): boolean {
  const node = lex.trie.next.get(keys[j]);
  if (node && (node.title || node.role)) return true;
  // Inner words of multi-word titles ("Secretary General", "Prime Minister").
  return TITLE_INNER.has(keys[j]);
}
const TITLE_INNER = new Set(['minister', 'secretary', 'general', 'president', 'chancellor', 'spokesman', 'spokeswoman', 'envoy', 'special', 'prime', 'foreign', 'defense', 'defence', 'treasury', 'state', 'press', 'deputy', 'vice', 'chief', 'senior', 'former', 'security', 'national', 'adviser', 'advisor', 'leader', 'speaker', 'ambassador', 'commander', 'head']);

type M = Mention & { tok: number; last: number };

/** Token index by character offset; a typed array, not a Map, for speed. */
class OffsetIndex {
  private readonly at: Int32Array;
  constructor(length: number) {
    this.at = new Int32Array(length + 1).fill(-1);
  }
  set(offset: number, token: number): void {
    this.at[offset] = token;
  }
  get(offset: number): number | undefined {
    const v = this.at[offset];
    return v >= 0 ? v : undefined;
  }
}

interface RoleSpan {
  start: number;
  end: number;
  actor: string;
  tok: number;
}

function findRoleMentions(
  doc: Document, keys: string[], lex: Lexicon, ents: Entity[], tokAt: OffsetIndex, tokEnd: OffsetIndex,
  date: string | null, actors: Map<string, DocActor>,
): RoleSpan[] {
  const { tokens, text } = doc;
  const n = tokens.length;
  const out: RoleSpan[] = [];
  const entByEndTok = new Map<number, Entity>();
  const entByStartTok = new Map<number, Entity>();
  for (const e of ents) {
    const et = tokEnd.get(e.end);
    if (et !== undefined) entByEndTok.set(et, e);
    const st = tokAt.get(e.start);
    if (st !== undefined) entByStartTok.set(st, e);
  }
  const ix = indexes(lex);
  for (let i = 0; i < n; i++) {
    let node: TrieNode | undefined = ix.roleTrie.next.get(keys[i]);
    if (!node) continue;
    // Longest role noun at i.
    let role: { noun: string; length: number } | undefined = node.role;
    for (let j = i + 1; j < n && node; j++) {
      node = node.next.get(keys[j]);
      if (node?.role) role = node.role;
    }
    if (!role) continue;
    const s = tokens[i].sentence;
    const after = i + role.length;
    // A title before a name is not a reference of its own ("Russian President Vladimir Putin").
    const nextEnt = entByStartTok.get(after);
    if (nextEnt && nextEnt.type === 'PERSON') continue;
    if (after < n && tokens[after].sentence === s && /^\p{Lu}/u.test(text.slice(tokens[after].start, tokens[after].end)) && tokens[after].pos === 'PROPN') continue;
    // Look left: adjectives ("hawkish former"), a modifier (country, demonym, org, possessive), a determiner.
    let j = i - 1;
    let former = false;
    while (j >= 0 && tokens[j].sentence === s && (tokens[j].pos === 'ADJ' || keys[j] === 'former' || keys[j] === 'then') && !entByEndTok.has(j)) {
      if (keys[j] === 'former' || keys[j] === 'then') former = true;
      j--;
    }
    let modifier: Entity | undefined;
    if (j >= 0 && (keys[j] === "'s" || keys[j] === '’s') && entByEndTok.has(j - 1)) {
      modifier = entByEndTok.get(j - 1);
      j = tokAt.get(modifier!.start)! - 1;
    } else if (j >= 0 && entByEndTok.has(j) && entByEndTok.get(j)!.type !== 'PERSON') {
      modifier = entByEndTok.get(j);
      j = tokAt.get(modifier!.start)! - 1;
    }
    let endTok = after - 1;
    if (!modifier && after + 1 < n && keys[after] === 'of' && entByStartTok.has(after + 1)) {
      const m = entByStartTok.get(after + 1)!;
      if (m.type !== 'PERSON') {
        modifier = m;
        endTok = tokEnd.get(m.end) ?? endTok;
      }
    }
    while (j >= 0 && tokens[j].sentence === s && (tokens[j].pos === 'ADJ' || keys[j] === 'former') && !entByEndTok.has(j)) {
      if (keys[j] === 'former') former = true;
      j--;
    }
    const det = j >= 0 && tokens[j].sentence === s ? keys[j] : '';
    const possessive = modifier && text.slice(modifier.end, modifier.end + 2).match(/^['’]s/);
    if (det !== 'the' && !possessive) continue;
    const startTok = det === 'the' ? j : tokAt.get(modifier!.start)!;
    const modActor = modifier?.actor ?? null;
    const phrase = descKey(
      (former ? 'former ' : '') + (modifier ? modifier.text + ' ' : '') + text.slice(tokens[i].start, tokens[after - 1].end),
    );
    const cand = resolveRole(phrase, role.noun, modActor, former, ix, lex, date, actors);
    if (!cand) continue;
    out.push({ start: tokens[startTok].start, end: tokens[endTok].end, actor: cand, tok: startTok });
    i = endTok;
  }
  return out;
}

function resolveRole(
  phrase: string, noun: string, modActor: string | null, former: boolean, ix: Indexes, lex: Lexicon, date: string | null,
  actors: Map<string, DocActor>,
): string | null {
  const words = lex.roleNouns.get(noun) ?? [noun];
  const explicit = (ix.descriptions.get(phrase) ?? []).filter((a) => a.roles.some((r) => roleValid(r, date, former) || (former && r.descriptions.some((d) => descKey(d) === phrase))));
  if (explicit.length) return byMentions(explicit, actors)[0].id;
  if (modActor) {
    const mod = lex.actors.get(modActor);
    const iso = mod?.type === 'COUNTRY' ? mod.id : null;
    const cands: ActorEntry[] = [];
    for (const a of ix.people) {
      if (!(a.affiliation === modActor || (iso && a.country === iso))) continue;
      if (holdsRole(a, words, date, former)) cands.push(a);
    }
    if (cands.length) return byMentions(cands, actors)[0].id;
    // People the article itself titled ("German Chancellor X" earlier).
    for (const a of actors.values()) {
      if (a.type === 'PERSON' && (a.country === iso || a.affiliation === modActor) && a.docRoles.some((t) => words.some((w) => t.toLowerCase().includes(w)))) return a.id;
    }
    return null;
  }
  // Bare "the president": the most mentioned person of the article holding such a role.
  let best: DocActor | null = null;
  for (const a of actors.values()) {
    if (a.type !== 'PERSON' || !a.count) continue;
    const e = lex.actors.get(a.id);
    const ok = (e && holdsRole(e, words, date, former)) || a.docRoles.some((t) => words.some((w) => t.toLowerCase().includes(w)));
    if (ok && (!best || a.count > best.count)) best = a;
  }
  return best?.id ?? null;
}

// Module functions rather than closures made per call: under tsx, keepNames makes each closure
// cost ~0.5 µs.
function holdsRole(a: ActorEntry, words: string[], date: string | null, former: boolean): boolean {
  return a.roles.some((r) => roleValid(r, date, former) && words.some((w) => r.title.toLowerCase().includes(w)));
}

/** `list` sorted by how often the article names each, most first (stable for ties). */
function byMentions(list: ActorEntry[], actors: Map<string, DocActor>): ActorEntry[] {
  return list.sort((x, y) => (actors.get(y.id)?.count ?? 0) - (actors.get(x.id)?.count ?? 0));
}

/** The most prominent person of a country in the article (for "the Russian", "the American"). */
function leadingPerson(iso: string, ents: Entity[], lex: Lexicon, date: string | null, actors: Map<string, DocActor>): string | null {
  const counts = new Map<string, number>();
  for (const e of ents) {
    if (e.type !== 'PERSON' || !e.actor) continue;
    const a = lex.actors.get(e.actor);
    if (a?.country === iso) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [id, c] of counts) if (c > bestN) (best = id), (bestN = c);
  void date;
  void actors;
  return best;
}

/** Per token: inside a direct quotation? Curly quotes open/close; straight quotes toggle. */
function quoteMask(tokens: Token[], keys: string[], text: string): Uint8Array {
  const mask = new Uint8Array(tokens.length);
  let inside = false;
  let lastEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].start - lastEnd > 1 && /\n\s*\n/.test(text.slice(lastEnd, tokens[i].start))) inside = false;
    lastEnd = tokens[i].end;
    const k = keys[i];
    // Most tokens are words: one character test instead of two set lookups and three comparisons.
    if (!QUOTE_FIRST_CHAR.has(k.charCodeAt(0))) mask[i] = inside ? 1 : 0;
    else if (QUOTE_OPEN.has(k)) inside = true;
    else if (QUOTE_CLOSE.has(k)) inside = false;
    else if (k === '"' || k === "''" || k === '``') inside = k === '``' ? true : k === "''" ? false : !inside;
    else mask[i] = inside ? 1 : 0;
  }
  return mask;
}

function resolvePronouns(doc: Document, keys: string[], inQuote: Uint8Array, mentions: M[], actors: Map<string, DocActor>, lex: Lexicon): void {
  const { tokens } = doc;
  const n = tokens.length;
  const sentStart: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || tokens[i].sentence !== tokens[i - 1].sentence) sentStart[tokens[i].sentence] = i;
  const subjectish = (ti: number): boolean => {
    let k = ti + 1;
    // Skip adverbs and auxiliaries: "he later said", "Putin has long insisted".
    while (k < n && tokens[k].sentence === tokens[ti].sentence && (tokens[k].pos === 'ADV' || SKIPPABLE_ADV.has(keys[k]))) k++;
    return k < n && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') && tokens[k].sentence === tokens[ti].sentence;
  };
  const inSubordinate = (ti: number): boolean => {
    const s0 = sentStart[tokens[ti].sentence];
    if (!SUBORDINATOR.has(keys[s0])) return false;
    for (let k = s0; k < ti; k++) if (keys[k] === ',') return false;
    return true;
  };
  const firstComma = (from: number, to: number): boolean => {
    let c = 0;
    for (let k = from; k < to; k++) if (keys[k] === ',') c++;
    return c === 1;
  };
  const added: M[] = [];
  const collective: M[] = [];
  const resolveCollective = (i: number) => {
    const s = tokens[i].sentence;
    for (let c = collective.length - 1; c >= 0; c--) {
      const m = collective[c];
      if (m.tok >= i) continue;
      if (s - tokens[m.tok].sentence > 1) break;
      if (inQuote[m.tok]) continue;
      const a = actors.get(m.actor);
      if (!a) continue;
      a.count++;
      const men = { start: tokens[i].start, end: tokens[i].end, text: doc.text.slice(tokens[i].start, tokens[i].end), actor: a.id, type: a.type, kind: 'pronoun' as const, tok: i, last: i };
      added.push(men);
      return;
    }
  };
  for (const m of mentions) if ((m.type === 'ORG' || m.type === 'COUNTRY') && m.kind !== 'demonym') collective.push(m);
  let mi = 0;
  const sorted = mentions; // sorted by start
  const personBefore: M[] = [];
  for (let i = 0; i < n; i++) {
    while (mi < sorted.length && sorted[mi].tok < i) {
      if (sorted[mi].type === 'PERSON') personBefore.push(sorted[mi]);
      mi++;
    }
    const k = keys[i];
    if (k === 'it') {
      // "it said": an organisation or state speaking. ("they said" is left alone: it mostly
      // means unnamed officials, not the last organisation named.)
      if (!inQuote[i] && i + 1 < n && SPEECH_VERB.has(keys[i + 1])) resolveCollective(i);
      continue;
    }
    if (k !== 'he' && k !== 'she') continue;
    if (inQuote[i]) continue;
    if (!subjectish(i)) continue;
    const want: Gender = k === 'he' ? 'male' : 'female';
    const s = tokens[i].sentence;
    let best: M | null = null;
    let bestScore = -Infinity;
    for (let c = personBefore.length - 1; c >= 0; c--) {
      const m = personBefore[c];
      const ms = tokens[m.tok].sentence;
      if (s - ms > 3) break;
      if (inQuote[m.tok]) continue;
      const a = actors.get(m.actor);
      if (!a || (a.gender && a.gender !== want)) continue;
      let score = -10 * (s - ms);
      const afterPrep = m.tok > 0 && tokens[m.tok - 1].pos === 'ADP' && tokens[m.tok - 1].sentence === ms;
      if (afterPrep) score -= 3;
      else if (subjectish(m.last)) score += 5;
      if (m.tok - sentStart[ms] < 3 || (keys[m.tok - 1] === ',' && firstComma(sentStart[ms], m.tok) && SUBORDINATOR.has(keys[sentStart[ms]]))) score += 3;
      if (inSubordinate(m.tok)) score -= 2;
      if (m.kind === 'pronoun') score += 2;
      // A person the lexicon knows, or whose gender a title or given name shows, is a safer antecedent.
      if (!a.gender && !lex.actors.has(a.id)) score -= 2;
      score += Math.min(3, Math.log2(1 + a.count));
      if (score > bestScore) (bestScore = score), (best = m);
    }
    if (!best) continue;
    const a = actors.get(best.actor)!;
    a.count++;
    const m = { start: tokens[i].start, end: tokens[i].end, text: doc.text.slice(tokens[i].start, tokens[i].end), actor: a.id, type: a.type, kind: 'pronoun' as const, tok: i, last: i };
    added.push(m);
    personBefore.push(m);
  }
  mentions.push(...added);
}

export const actorsStage: StageFactory = (options): Stage => {
  const lex = loadLexicon(options.lexicons ?? [], options.actors);
  return {
    name: 'actors',
    run(doc: Document): void {
      const { actors, mentions } = resolveActors(doc, lex);
      doc.actors = actors;
      doc.mentions = mentions;
    },
  };
};
