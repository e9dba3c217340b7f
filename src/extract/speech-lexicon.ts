// The speech-cue lexicon (lexicons/speech.yaml, extendable by the user's --lexicon files):
// reporting verbs in three strengths, multi-word cues whose source follows, and channels.
import { join } from 'node:path';
import { lexiconDir } from '../lexicon-dir.js';
import { readLexiconYaml } from '../lexicon-yaml.js';

/** How sure a cue form is to introduce speech. */
export type CueStrength = 'speech' | 'clause' | 'naming' | 'stance';

export interface SpeechLexicon {
  /** Lower-cased cue form (one or more words) → strength. */
  forms: Map<string, CueStrength>;
  sourceAfter: string[];
  channels: string[];
}

type VerbEntry = string | Record<string, string[]>;

interface SpeechFile {
  verbs?: VerbEntry[];
  verbs_before_clause?: VerbEntry[];
  naming_verbs?: VerbEntry[];
  stances?: VerbEntry[];
  source_after?: string[];
  channels?: string[];
}

/** Regular English inflections; irregular verbs list their forms in the lexicon. */
export function inflect(lemma: string): string[] {
  const l = lemma.toLowerCase();
  const consonantY = /[^aeiou]y$/.test(l);
  const third = /(s|sh|ch|x|z|o)$/.test(l) ? l + 'es' : consonantY ? l.slice(0, -1) + 'ies' : l + 's';
  const past = l.endsWith('e') ? l + 'd' : consonantY ? l.slice(0, -1) + 'ied' : l + 'ed';
  const ing = l.endsWith('e') && !l.endsWith('ee') ? l.slice(0, -1) + 'ing' : l + 'ing';
  return [l, third, past, ing];
}

function entryForms(entry: VerbEntry): string[] {
  if (typeof entry === 'string') return inflect(entry);
  return Object.values(entry).flat().map((f) => String(f).toLowerCase());
}

function readSpeechFile(path: string): SpeechFile {
  const data = readLexiconYaml(path, 'speech');
  return data && typeof data === 'object' ? (data as SpeechFile) : {};
}

/** The shipped lexicon merged with the speech keys of the user's lexicon files (others ignored). */
export function loadSpeechLexicon(extraFiles: string[] = []): SpeechLexicon {
  const forms = new Map<string, CueStrength>();
  const sourceAfter: string[] = [];
  const channels: string[] = [];
  // Weaker classes first so that a verb listed as plain speech wins.
  for (const file of [join(lexiconDir(), 'speech.yaml'), ...extraFiles]) {
    const data = readSpeechFile(file);
    for (const e of data.naming_verbs ?? []) for (const f of entryForms(e)) if (!forms.has(f)) forms.set(f, 'naming');
    for (const e of data.verbs_before_clause ?? []) for (const f of entryForms(e)) if (forms.get(f) !== 'speech') forms.set(f, 'clause');
    for (const e of data.stances ?? []) for (const f of entryForms(e)) if (forms.get(f) !== 'speech') forms.set(f, 'stance');
    for (const e of data.verbs ?? []) for (const f of entryForms(e)) forms.set(f, 'speech');
    for (const s of data.source_after ?? []) sourceAfter.push(String(s).toLowerCase());
    for (const c of data.channels ?? []) channels.push(String(c));
  }
  return { forms, sourceAfter, channels };
}

let shipped: SpeechLexicon | null = null;
export function speechLexicon(extraFiles: string[] = []): SpeechLexicon {
  if (extraFiles.length) return loadSpeechLexicon(extraFiles);
  return (shipped ??= loadSpeechLexicon());
}
