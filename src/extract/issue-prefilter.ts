// Which issues of the lexicon the stretches of a document (its sentences, quotes and the windows
// around events) may name, found in one pass over its text.
//
// The positions stage tries every issue's phrase pattern on every quote and sentence, though a
// document names one issue or none most of the time. A match of a pattern on a stretch starts
// with a match of the literal words that open one of its phrases ("end\s+the\s+fighting",
// "sanction" of "sanction*"), tried with the pattern's own flags; and it starts where the
// pattern's look-behind lets it: at the stretch's start or after a character that is no word
// character. Those openings begin with an ASCII letter or digit, which a pattern without the u
// flag matches only by itself in either case, so their first (up to) three characters,
// lower-cased, key them: the scan looks up the keys of each word start and each stretch start,
// and tries the openings keyed there. An issue none of whose openings occurs cannot match.
import type { IssueDef, IssueLexicon } from '../analyze/issueLexicon.js';

interface Prefilter {
  /** Per issue: its openings, anchored where tried; null when it cannot be ruled out so. */
  openings: (RegExp | null)[];
  /** Key of up to three lower-cased characters → the issues with an opening keyed so. */
  byKey: (number[] | undefined)[];
}

const HEAD = '(?<![\\w-])(?:';
const TAIL = ')(?![\\w])';
const cache = new WeakMap<IssueLexicon, Prefilter>();

/** The top-level alternatives of a pattern body (escapes, groups and classes kept whole). */
function alternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  }
  out.push(body.slice(from));
  return out;
}

/** The literal characters and \s+ that open an alternative, up to its first other construct. */
function opening(alt: string): string {
  let out = '';
  for (let i = 0; i < alt.length; ) {
    let tok: string;
    if (alt.startsWith('\\s+', i)) tok = '\\s+';
    else if (alt[i] === '\\') {
      if (i + 1 >= alt.length || /[A-Za-z0-9]/.test(alt[i + 1])) break; // a class (\w, \S) or back-reference
      tok = alt.slice(i, i + 2);
    } else if ('[](){}*+?|^$.'.includes(alt[i])) break;
    else tok = alt[i];
    // A quantified token may be absent or repeated: the opening stops before it.
    if (i + tok.length < alt.length && '*+?{'.includes(alt[i + tok.length])) break;
    out += tok;
    i += tok.length;
  }
  return out;
}

const A = 0x61;
const Z = 0x7a;
const ZERO = 0x30;
const NINE = 0x39;
/** 26 letters and 10 digits, numbered from 1: three make a key below 37 ** 3. */
const BASE = 37;

/** The ASCII letter (either case, 1-26) or digit (27-36) at i; else 0. */
function alnumAt(s: string, i: number): number {
  const c = s.charCodeAt(i) | 0x20; // ASCII letters only differ by this bit in case
  if (c >= A && c <= Z) return c - A + 1;
  const d = s.charCodeAt(i);
  return d >= ZERO && d <= NINE ? d - ZERO + 27 : 0;
}

function prefilter(lex: IssueLexicon): Prefilter {
  let pf = cache.get(lex);
  if (pf) return pf;
  const byKey: (number[] | undefined)[] = new Array(BASE ** 3).fill(undefined);
  const openings = lex.issues.map((issue, i) => {
    const src = issue.pattern.source;
    // With the u flag, case-insensitive letters match more than their ASCII pair (ſ, K).
    if (!src.startsWith(HEAD) || !src.endsWith(TAIL) || /[uv]/.test(issue.pattern.flags)) return null;
    const opens = alternatives(src.slice(HEAD.length, -TAIL.length)).map(opening);
    if (opens.some((o) => !alnumAt(o, 0))) return null;
    for (const o of opens) {
      let key = 0;
      for (let k = 0, f = 1; k < 3 && alnumAt(o, k); k++, f *= BASE) key += alnumAt(o, k) * f;
      const list = byKey[key];
      if (!list) byKey[key] = [i];
      else if (!list.includes(i)) list.push(i);
    }
    return new RegExp(`(?:${opens.join('|')})`, issue.pattern.flags.replace(/[gy]/g, '') + 'y');
  });
  pf = { openings, byKey };
  cache.set(lex, pf);
  return pf;
}

/**
 * The issues (in lexicon order) whose patterns may match in a stretch of `text` that starts at
 * one of `starts` (ascending) or at a word.
 */
export function issuesPossibleIn(text: string, lex: IssueLexicon, starts: number[]): IssueDef[] {
  const { openings, byKey } = prefilter(lex);
  const possible = openings.map((o) => o === null);
  let left = possible.filter((p) => !p).length;
  /** Tries the openings keyed by the one, two and three characters at p. */
  const tryAt = (p: number) => {
    let key = 0;
    for (let k = 0, f = 1; k < 3 && p + k < text.length; k++, f *= BASE) {
      const c = alnumAt(text, p + k);
      if (!c) break;
      key += c * f;
      const list = byKey[key];
      if (!list) continue;
      for (const i of list) {
        const o = openings[i]!;
        if (possible[i]) continue;
        o.lastIndex = p;
        if (o.test(text)) {
          possible[i] = true;
          left--;
        }
      }
    }
  };
  let next = 0;
  for (let p = 0; p < text.length && left; ) {
    if (!alnumAt(text, p)) {
      p++;
      continue;
    }
    // A run of letters and digits: tried at its start and at each stretch start inside it.
    let end = p + 1;
    while (end < text.length && alnumAt(text, end)) end++;
    tryAt(p);
    while (next < starts.length && starts[next] <= p) next++;
    for (; next < starts.length && starts[next] < end && left; next++) tryAt(starts[next]);
    p = end;
  }
  return lex.issues.filter((_, i) => possible[i]);
}
