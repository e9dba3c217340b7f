// Loads lexicons/events.yaml (plus user files) into lookup tables keyed by surface form, so the
// events stage matches a token with one Map lookup instead of scanning the lexicon.
import { join } from 'node:path';
import { readLexiconYaml } from '../lexicon-yaml.js';
import { EVENT_TYPES, type EventType, type Modality } from '../document.js';
import { lexiconDir } from '../lexicon-dir.js';

export interface TriggerEntry {
  type: EventType;
  pos: 'VERB' | 'NOUN';
  /** Surface forms of every word after the first (multi-word triggers). */
  rest: Set<string>[];
  context: Set<string> | null;
  contextNot: Set<string> | null;
}

export interface EventLexicon {
  /** First-word surface form → candidate triggers starting with it. */
  forms: Map<string, TriggerEntry[]>;
  scale: Record<EventType, number>;
  modality: Record<Modality, number>;
  threatCues: Set<string>;
}

interface RawGroup {
  type: string;
  lemmas?: string[];
  forms?: string[];
  context?: string[];
  context_not?: string[];
}

interface RawLexicon {
  scale?: Record<string, number>;
  modality?: Record<string, number>;
  verbs?: RawGroup[];
  nouns?: RawGroup[];
  threat_cues?: string[];
  events?: RawLexicon;
}

const VOWEL = /[aeiou]/;

/** Regular inflections of an English verb: enough to recognise "attacked", "shipping", "pauses". */
export function verbForms(base: string): string[] {
  const out = new Set([base, base + 's', base + 'ed', base + 'ing']);
  if (base.endsWith('e')) (out.add(base + 'd'), out.add(base.slice(0, -1) + 'ing'));
  if (/(s|x|z|ch|sh)$/.test(base)) out.add(base + 'es');
  if (/[^aeiou]y$/.test(base)) (out.add(base.slice(0, -1) + 'ies'), out.add(base.slice(0, -1) + 'ied'));
  // Doubling for short consonant–vowel–consonant stems: ship → shipped, ban → banned.
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(base) && base.length <= 5) {
    const last = base[base.length - 1];
    (out.add(base + last + 'ed'), out.add(base + last + 'ing'));
  }
  if (base.endsWith('ie')) out.add(base.slice(0, -2) + 'ying');
  return [...out];
}

export function nounForms(base: string): string[] {
  const out = new Set([base, base + 's']);
  if (/(s|x|z|ch|sh)$/.test(base)) out.add(base + 'es');
  if (/[^aeiou]y$/.test(base)) out.add(base.slice(0, -1) + 'ies');
  if (base.endsWith('sis')) out.add(base.slice(0, -2) + 'es');
  return [...out];
}

function contextSet(words: string[] | undefined): Set<string> | null {
  if (!words?.length) return null;
  const s = new Set<string>();
  for (const w of words) for (const f of nounForms(w.toLowerCase())) s.add(f);
  return s;
}

function addGroup(lex: EventLexicon, g: RawGroup, pos: 'VERB' | 'NOUN', source: string): void {
  const type = String(g.type).toUpperCase() as EventType;
  if (!EVENT_TYPES.includes(type)) throw new Error(`${source}: unknown event type "${g.type}"`);
  const context = contextSet(g.context);
  const contextNot = contextSet(g.context_not);
  const phrases: string[][] = [];
  for (const lemma of g.lemmas ?? []) {
    const words = String(lemma).toLowerCase().trim().split(/\s+/);
    // Verbs inflect their first word ("fired on"), nouns their last ("peace talks", "phone calls").
    if (pos === 'VERB') for (const f of verbForms(words[0])) phrases.push([f, ...words.slice(1)]);
    else for (const f of nounForms(words[words.length - 1])) phrases.push([...words.slice(0, -1), f]);
  }
  for (const form of g.forms ?? []) phrases.push(String(form).toLowerCase().trim().split(/\s+/));
  for (const words of phrases) {
    // Hyphenated words ("cease-fire") arrive as separate tokens; match them as such.
    const parts = words.flatMap((w) => w.split(/(-)/).filter(Boolean));
    const entry: TriggerEntry = { type, pos, rest: parts.slice(1).map((w) => new Set([w])), context, contextNot };
    const list = lex.forms.get(parts[0]) ?? [];
    if (!list.some((e) => e.type === type && e.pos === pos && sameRest(e.rest, entry.rest) && e.context === context)) list.push(entry);
    lex.forms.set(parts[0], list);
  }
}

function sameRest(a: Set<string>[], b: Set<string>[]): boolean {
  return a.length === b.length && a.every((s, i) => [...s][0] === [...b[i]][0]);
}

function merge(lex: EventLexicon, raw: RawLexicon, source: string): void {
  const r = raw.events ?? raw;
  for (const [k, v] of Object.entries(r.scale ?? {})) {
    const t = k.toUpperCase() as EventType;
    if (!EVENT_TYPES.includes(t)) throw new Error(`${source}: unknown event type "${k}" in scale`);
    if (typeof v !== 'number' || v < -10 || v > 10) throw new Error(`${source}: scale.${k} must be a number from -10 to 10`);
    lex.scale[t] = v;
  }
  for (const [k, v] of Object.entries(r.modality ?? {})) lex.modality[k as Modality] = Number(v);
  for (const g of r.verbs ?? []) addGroup(lex, g, 'VERB', source);
  for (const g of r.nouns ?? []) addGroup(lex, g, 'NOUN', source);
  for (const c of r.threat_cues ?? []) for (const f of verbForms(c.toLowerCase())) lex.threatCues.add(f);
}

function isEventLexicon(raw: unknown): raw is RawLexicon {
  if (!raw || typeof raw !== 'object') return false;
  const r = raw as RawLexicon;
  return Boolean(r.events || r.verbs || r.nouns);
}

const cache = new Map<string, EventLexicon>();

/** The shipped lexicon extended by the user's files (only those that hold event triggers). */
export function loadEventLexicon(extra: string[] = []): EventLexicon {
  const key = extra.join('\0');
  const hit = cache.get(key);
  if (hit) return hit;
  const lex: EventLexicon = {
    forms: new Map(),
    scale: Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>,
    modality: { asserted: 1, planned: 0.6, threatened: 0.5, hypothetical: 0.3, negated: 0 },
    threatCues: new Set(),
  };
  const files = [join(lexiconDir(), 'events.yaml'), ...extra];
  files.forEach((file, i) => {
    const raw = readLexiconYaml(file, 'events');
    if (i === 0 || isEventLexicon(raw)) merge(lex, raw as RawLexicon, file);
  });
  cache.set(key, lex);
  return lex;
}

export function intensity(lex: EventLexicon, type: EventType, modality: Modality): number {
  return Math.round(lex.scale[type] * (lex.modality[modality] ?? 1) * 10) / 10 || 0;
}
