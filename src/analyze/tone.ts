// Tone of a statement from lexicons/tone.yaml: warm words score +, hostile words −, a negator
// just before an entry flips it. Used on an actor's quotes about another actor (dyad tone).
import { join } from 'node:path';
import { readLexiconYaml } from '../lexicon-yaml.js';
import { lexiconDir } from '../lexicon-dir.js';

interface ToneEntry {
  words: string[];
  weight: number;
}

export interface ToneLexicon {
  /** First word → entries starting with it, longest first. */
  entries: Map<string, ToneEntry[]>;
  negators: Set<string>;
}

const cache = new Map<string, ToneLexicon>();

interface RawTone {
  warm?: Record<string, number>;
  hostile?: Record<string, number>;
  negators?: string[];
}

/** The shipped tone lexicon extended by the user's files (those with `warm`/`hostile` keys). */
export function loadToneLexicon(extra: string[] = []): ToneLexicon {
  const key = extra.join('\0');
  const hit = cache.get(key);
  if (hit) return hit;
  const lex: ToneLexicon = { entries: new Map(), negators: new Set() };
  [join(lexiconDir(), 'tone.yaml'), ...extra].forEach((file, i) => {
    const raw = (readLexiconYaml(file, 'tone') ?? {}) as RawTone;
    if (i > 0 && !raw.warm && !raw.hostile) return;
    for (const n of raw.negators ?? []) lex.negators.add(n.toLowerCase());
    for (const [phrase, w] of [...Object.entries(raw.warm ?? {}), ...Object.entries(raw.hostile ?? {})]) {
      const weight = Number(w);
      if (!Number.isFinite(weight) || weight < -3 || weight > 3) throw new Error(`${file}: tone of "${phrase}" must be a number from -3 to 3`);
      const words = words_(phrase);
      if (!words.length) continue;
      const list = (lex.entries.get(words[0]) ?? []).filter((e) => e.words.join(' ') !== words.join(' '));
      list.push({ words, weight });
      list.sort((a, b) => b.words.length - a.words.length);
      lex.entries.set(words[0], list);
    }
  });
  cache.set(key, lex);
  return lex;
}

function words_(text: string): string[] {
  return text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'ly'];

/** Base forms a word may stand for: "disappointed" → disappoint, "lies" → lie. */
function variants(w: string): string[] {
  const out = [w];
  for (const suf of SUFFIXES) if (w.length > suf.length + 2 && w.endsWith(suf)) out.push(w.slice(0, -suf.length));
  return out;
}

/**
 * Every word that has an entry's first word among its variants: an entry word alone or with one
 * of the suffixes. Most words of a quote are none of them, and one look-up says so where trying
 * their variants took seven (a third of the positions stage).
 */
const reachableFor = new WeakMap<Map<string, ToneEntry[]>, { size: number; words: Set<string> }>();
function reachable(entries: Map<string, ToneEntry[]>): Set<string> {
  let r = reachableFor.get(entries);
  if (!r || r.size !== entries.size) {
    const words = new Set<string>();
    for (const k of entries.keys()) {
      words.add(k);
      for (const suf of SUFFIXES) words.add(k + suf);
    }
    reachableFor.set(entries, (r = { size: entries.size, words }));
  }
  return r.words;
}

/** −3 (hostile) … +3 (warm); 0 when no lexicon word occurs. */
export function scoreTone(text: string, lex: ToneLexicon = loadToneLexicon()): number {
  const ws = words_(text);
  const may = reachable(lex.entries);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < ws.length; i++) {
    if (!may.has(ws[i])) continue;
    let hit: ToneEntry | null = null;
    for (const v of variants(ws[i])) {
      for (const e of lex.entries.get(v) ?? []) {
        if (e.words.every((x, k) => k === 0 || ws[i + k] === x)) {
          hit = e;
          break;
        }
      }
      if (hit) break;
    }
    if (!hit) continue;
    let w = hit.weight;
    for (let k = Math.max(0, i - 3); k < i; k++) if (lex.negators.has(ws[k]) || ws[k].endsWith("n't")) w = -w / 2;
    sum += w;
    n++;
    i += hit.words.length - 1;
  }
  if (!n) return 0;
  return Math.max(-3, Math.min(3, Math.round((sum / Math.sqrt(n)) * 100) / 100));
}
