// The lexicon the entities and actors stages share: the actor dictionary (lexicons/actors/*.yaml
// plus the user's --lexicon files, later overriding earlier by id), countries from the
// world-countries package, places, titles, role words and given names. Built once per set of
// lexicon files and cached for the process.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import countriesData from 'world-countries';
import { readLexiconYaml } from '../lexicon-yaml.js';
import type { Actor, ActorType, EntityType } from '../document.js';
import { lexiconDir } from '../lexicon-dir.js';
import { tokenKey } from './surfaces.js';
import { wink } from './tokens.js';

export interface ActorRole {
  title: string;
  descriptions: string[];
  from: string | null;
  to: string | null;
}

export interface ActorEntry {
  id: string;
  name: string;
  type: ActorType;
  aliases: string[];
  gender?: 'male' | 'female';
  country?: string | null;
  affiliation?: string | null;
  roles: ActorRole[];
}

export type GazKind = 'name' | 'alias' | 'surname' | 'demonym' | 'capital' | 'place' | 'country';

export interface GazEntry {
  type: EntityType;
  actor: string;
  kind: GazKind;
  /** Number of tokens the surface spans. */
  length: number;
}

/** Token-sequence trie; keys are token keys (see tokenKey). */
export interface TrieNode {
  next: Map<string, TrieNode>;
  value?: GazEntry;
  title?: { gender: 'male' | 'female' | null; length: number };
  role?: { noun: string; length: number };
}

export interface Lexicon {
  actors: Map<string, ActorEntry>;
  /** Names, aliases, countries, demonyms, places, titles and role nouns, all in one trie. */
  trie: TrieNode;
  /** role noun (lower case) → words a role title must contain. */
  roleNouns: Map<string, string[]>;
  givenNames: Map<string, 'male' | 'female'>;
  /** Capital (or other place used as metonym) actor id → the actor it stands for (ISO alpha-3, or e.g. eu). */
  capitals: Map<string, string>;
}

// Token keys live with the token surfaces the tokens stage records; re-exported for the stages
// and tests that import them from here.
export { tokenKey, tokenKeys } from './surfaces.js';

// The same names come back in every article, and idOf is six regular expressions over each.
const idByName = new Map<string, string>();
const ID_CACHE_MAX = 100_000;

/** Global id for an actor no dictionary lists: kebab case, accents dropped, common
 * transliteration variants folded (Zelenskyy/Zelenskiy/Zelensky → zelensky). */
export function actorIdFor(name: string): string {
  let id = idByName.get(name);
  if (id === undefined) {
    if (idByName.size > ID_CACHE_MAX) idByName.clear();
    idByName.set(name, (id = idOf(name)));
  }
  return id;
}

function idOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(iy|yy|yi)(?=-|$)/g, 'y')
    .replace(/^-+|-+$/g, '');
}

function readYaml(path: string): unknown {
  return readLexiconYaml(path, 'actor');
}

const ACTOR_TYPES = new Set(['PERSON', 'COUNTRY', 'ORG', 'GROUP', 'LOCATION']);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const dateStr = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : str(v));

/** Parse one actor dictionary file (the TEAM.md format); throws a one-line error naming the file. */
export function parseActorFile(path: string, data: unknown = readYaml(path)): ActorEntry[] {
  if (data === null || data === undefined) return [];
  const list = (data as { actors?: unknown }).actors;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`lexicon ${path}: "actors" must be a list`);
  return list.map((raw, i) => {
    const a = raw as Record<string, unknown>;
    const where = `lexicon ${path}: actors[${i}]`;
    if (!a || typeof a !== 'object') throw new Error(`${where} is not a mapping`);
    if (!a.id || !a.name) throw new Error(`${where} needs an id and a name`);
    const type = String(a.type ?? 'PERSON').toUpperCase();
    if (!ACTOR_TYPES.has(type)) throw new Error(`${where} (${String(a.id)}): unknown type "${String(a.type)}"`);
    const gender = a.gender === 'male' || a.gender === 'female' ? a.gender : undefined;
    const roles = Array.isArray(a.roles)
      ? (a.roles as Record<string, unknown>[]).map((r) => ({
          title: String(r.title ?? ''),
          descriptions: Array.isArray(r.descriptions) ? r.descriptions.map(String) : [],
          from: dateStr(r.from),
          to: dateStr(r.to),
        }))
      : [];
    return {
      id: String(a.id),
      name: String(a.name),
      type: type as ActorType,
      aliases: Array.isArray(a.aliases) ? a.aliases.map(String) : [],
      gender,
      country: str(a.country),
      affiliation: str(a.affiliation),
      roles,
    };
  });
}

interface Builder {
  lex: Lexicon;
  tokCache: Map<string, string[]>;
}

function surfaceTokens(b: Builder, surface: string): string[] {
  let t = b.tokCache.get(surface);
  if (!t) {
    const w = wink();
    // A trailing word keeps a final period with its abbreviation ("Gen." is one token in text).
    t = (w.readDoc(surface + ' xx').tokens().out(w.its.value) as string[]).filter((x) => x.trim()).map(tokenKey);
    t.pop();
    b.tokCache.set(surface, t);
  }
  return t;
}

function trieNode(b: Builder, surface: string): { node: TrieNode; length: number } | null {
  const toks = surfaceTokens(b, surface);
  if (!toks.length) return null;
  let node = b.lex.trie;
  for (const k of toks) {
    let n = node.next.get(k);
    if (!n) node.next.set(k, (n = { next: new Map() }));
    node = n;
  }
  return { node, length: toks.length };
}

/** Add a name; an earlier, stronger entry for the same surface wins unless `override`. */
function addName(b: Builder, surface: string, e: Omit<GazEntry, 'length'>, override = false): void {
  // Titles are not part of a name's span ("Gen. Oleksandr Syrskyi" is found as "Oleksandr Syrskyi").
  const s = surface.replace(/^the\s+/i, '').replace(TITLE_PREFIX, '').trim();
  if (!s || !/^[\p{Lu}\p{N}]/u.test(s)) return;
  const at = trieNode(b, s);
  if (!at) return;
  if (at.node.value && !override) return;
  at.node.value = { ...e, length: at.length };
}

const TITLE_PREFIX = /^(?:(?:Gen|Lt|Col|Maj|Capt|Adm|Sgt|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof|Rev)\.?|General|President|Prime Minister|Chancellor|King|Queen|Prince|Sheikh|Pope|Senator|Governor|Minister)\s+(?=\p{Lu})/u;

function surname(name: string): string | null {
  const parts = name.split(/\s+/);
  return parts.length > 1 ? parts[parts.length - 1] : null;
}

function addActor(b: Builder, a: ActorEntry, override: boolean): void {
  b.lex.actors.set(a.id, a);
  addName(b, a.name, { type: a.type, actor: a.id, kind: 'name' }, override);
  for (const al of a.aliases) addName(b, al, { type: a.type, actor: a.id, kind: 'alias' }, override);
}

interface CountryData {
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
}
const countries = countriesData as unknown as CountryData[];

function loadCountries(
  b: Builder,
  extra: {
    aliases?: Record<string, string[]>;
    demonyms?: Record<string, string[]>;
    regions?: Record<string, string[]>;
    metonyms?: Record<string, string>;
    groups?: Record<string, string[]>;
  },
): void {
  for (const c of countries) {
    const id = c.cca3;
    const entry: ActorEntry = { id, name: c.name.common, type: 'COUNTRY', aliases: [], country: id, affiliation: null, roles: [] };
    b.lex.actors.set(id, entry);
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3 && /^[A-Z][A-Za-z .'-]+$/.test(s))];
    for (const n of names) addName(b, n, { type: 'COUNTRY', actor: id, kind: 'country' });
    const dm = c.demonyms?.eng;
    for (const d of new Set([dm?.m, dm?.f].filter(Boolean) as string[])) {
      addName(b, d, { type: 'GROUP', actor: id, kind: 'demonym' });
      if (/(an|i|ese)$/.test(d) === true && !d.endsWith('ese')) addName(b, d + 's', { type: 'GROUP', actor: id, kind: 'demonym' });
    }
    for (const cap of c.capital ?? []) {
      const cid = actorIdFor(cap);
      b.lex.capitals.set(cid, id);
      if (!b.lex.actors.has(cid)) b.lex.actors.set(cid, { id: cid, name: cap, type: 'LOCATION', aliases: [], country: id, roles: [] });
      addName(b, cap, { type: 'LOCATION', actor: cid, kind: 'capital' });
    }
  }
  for (const [id, list] of Object.entries(extra.aliases ?? {}))
    for (const n of list) addName(b, n, { type: 'COUNTRY', actor: id, kind: 'country' }, true);
  for (const [id, list] of Object.entries(extra.demonyms ?? {}))
    for (const n of list) addName(b, n, { type: 'GROUP', actor: id, kind: 'demonym' }, true);
  for (const [id, list] of Object.entries(extra.regions ?? {}))
    for (const n of list) addName(b, n, { type: 'GROUP', actor: id, kind: 'demonym' });
  for (const [id, list] of Object.entries(extra.groups ?? {})) {
    if (!b.lex.actors.has(id)) b.lex.actors.set(id, { id, name: list[list.length > 1 ? 1 : 0], type: 'GROUP', aliases: list, roles: [] });
    for (const n of list) addName(b, n, { type: 'GROUP', actor: id, kind: 'name' });
  }
  for (const [place, target] of Object.entries(extra.metonyms ?? {})) {
    const pid = actorIdFor(place);
    b.lex.capitals.set(pid, String(target));
    if (!b.lex.actors.has(pid)) b.lex.actors.set(pid, { id: pid, name: place, type: 'LOCATION', aliases: [], country: /^[A-Z]{3}$/.test(String(target)) ? String(target) : null, roles: [] });
    addName(b, place, { type: 'LOCATION', actor: pid, kind: 'capital' }, true);
  }
}

function loadPlaces(b: Builder, data: Record<string, unknown>): void {
  for (const [country, list] of Object.entries(data ?? {})) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const [name, ...alts] = String(item).split('/');
      const id = actorIdFor(name);
      const iso = country === '_' ? null : country;
      if (!b.lex.actors.has(id)) b.lex.actors.set(id, { id, name, type: 'LOCATION', aliases: alts, country: iso, roles: [] });
      for (const n of [name, ...alts]) {
        const prior = b.lex.actors.get(id);
        // A capital listed again under another spelling keeps the capital's id (metonymy).
        const capId = prior && b.lex.capitals.has(id) ? id : id;
        addName(b, n, { type: 'LOCATION', actor: capId, kind: b.lex.capitals.has(id) ? 'capital' : 'place' });
      }
    }
  }
}

function loadRoles(b: Builder, data: { honorifics?: Record<string, string[]>; roles?: Record<string, string[]> }): void {
  for (const [g, list] of Object.entries(data.honorifics ?? {})) {
    const gender = g === 'male' || g === 'female' ? g : null;
    for (const t of list) {
      const at = trieNode(b, String(t));
      if (at && !at.node.title) at.node.title = { gender, length: at.length };
    }
  }
  for (const [noun, words] of Object.entries(data.roles ?? {})) {
    b.lex.roleNouns.set(noun.toLowerCase(), words.map((w) => w.toLowerCase()));
    const at = trieNode(b, noun);
    if (at) at.node.role = { noun: noun.toLowerCase(), length: at.length };
  }
}

const cache = new Map<string, Lexicon>();

/** Dictionary entries for actors a user added to the store (their one role, undated). */
export function actorEntriesFrom(actors: Actor[]): ActorEntry[] {
  return actors.map((a) => ({
    id: a.id,
    name: a.name,
    type: a.type,
    aliases: [...a.aliases],
    country: a.country,
    affiliation: a.affiliation ?? null,
    roles: a.role ? [{ title: a.role, descriptions: [], from: null, to: null }] : [],
  }));
}

/** The lexicon for these user files (in order) and in-memory actors (after the files, overriding
 * by id); cached per distinct list. */
export function loadLexicon(userFiles: string[] = [], extraActors: ActorEntry[] = []): Lexicon {
  const key = userFiles.join('\0') + (extraActors.length ? '\0\0' + JSON.stringify(extraActors) : '');
  const hit = cache.get(key);
  if (hit) return hit;
  const dir = lexiconDir();
  const b: Builder = {
    lex: { actors: new Map(), trie: { next: new Map() }, roleNouns: new Map(), givenNames: new Map(), capitals: new Map() },
    tokCache: new Map(),
  };
  // Dictionary actors go in first so that their names win over gazetteer entries (the Kremlin
  // is an actor, not a place); later files and user files override by id and by surface.
  const dictFiles = readdirSync(join(dir, 'actors')).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, 'actors', f));
  const byId = new Map<string, ActorEntry>();
  for (const f of dictFiles) for (const a of parseActorFile(f)) byId.set(a.id, a);
  const userData = userFiles.map((f) => ({ f, data: readYaml(f) }));
  const userActors = [...userData.flatMap(({ f, data }) => parseActorFile(f, data)), ...extraActors];
  for (const a of byId.values()) addActor(b, a, false);
  for (const a of userActors) addActor(b, a, true);
  loadCountries(b, readYaml(join(dir, 'countries.yaml')) as never);
  loadPlaces(b, readYaml(join(dir, 'places.yaml')) as Record<string, unknown>);
  // Surnames of dictionary people are weak names: a person of the same surname named in the
  // article itself wins over them (actors stage).
  for (const a of [...byId.values(), ...userActors]) {
    if (a.type !== 'PERSON') continue;
    const s = surname(a.name);
    if (s) addName(b, s, { type: 'PERSON', actor: a.id, kind: 'surname' });
  }
  loadRoles(b, readYaml(join(dir, 'roles.yaml')) as never);
  const names = readYaml(join(dir, 'names.yaml')) as Record<string, string[]>;
  for (const g of ['male', 'female'] as const) for (const n of names?.[g] ?? []) if (!b.lex.givenNames.has(n)) b.lex.givenNames.set(n, g);
  for (const { data } of userData) {
    const d = data as Record<string, unknown>;
    if (d && typeof d === 'object') {
      if (d.places) loadPlaces(b, d.places as Record<string, unknown>);
      if (d.honorifics || d.roles) loadRoles(b, d as never);
    }
  }
  // A store's user actors change over a server's life: keep only the newest set per file list.
  if (extraActors.length) for (const k of cache.keys()) if (k.startsWith(userFiles.join('\0') + '\0\0')) cache.delete(k);
  cache.set(key, b.lex);
  return b.lex;
}
