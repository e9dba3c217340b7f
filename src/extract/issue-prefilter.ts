// Which issues of the lexicon a document may name at all, found in one pass over its text.
//
// The positions stage tries every issue's phrase pattern on every quote and sentence, though a
// document names one issue or none most of the time. Any match of a pattern on a stretch of the
// document starts with a match of the literal words that open one of its phrases ("end\s+the\s+
// fighting", "sanction" of "sanction*"), so an issue none of whose openings occurs in the
// document cannot match any stretch of it. The openings are searched with the pattern's own
// flags, so letters compare exactly as the pattern compares them.
import type { IssueDef, IssueLexicon } from '../analyze/issueLexicon.js';

interface Prefilter {
  /** Every opening of every issue that has them; null when no issue has. */
  any: RegExp | null;
  /** Per issue: its openings, anchored where tried; null when a phrase has no literal opening. */
  openings: (RegExp | null)[];
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

function prefilter(lex: IssueLexicon): Prefilter {
  let pf = cache.get(lex);
  if (pf) return pf;
  const all: string[] = [];
  const openings = lex.issues.map((issue) => {
    const src = issue.pattern.source;
    if (!src.startsWith(HEAD) || !src.endsWith(TAIL)) return null;
    const opens = alternatives(src.slice(HEAD.length, -TAIL.length)).map(opening);
    if (opens.some((o) => !o)) return null;
    all.push(...opens);
    const flags = issue.pattern.flags.replace(/[gy]/g, '');
    return new RegExp(`(?:${opens.join('|')})`, flags + 'y');
  });
  const flags = lex.issues.length ? lex.issues[0].pattern.flags.replace(/[gy]/g, '') : '';
  const sameFlags = lex.issues.every((i) => i.pattern.flags.replace(/[gy]/g, '') === flags);
  pf = { any: all.length && sameFlags ? new RegExp(all.join('|'), flags + 'g') : null, openings: sameFlags ? openings : openings.map(() => null) };
  cache.set(lex, pf);
  return pf;
}

/** The issues (in lexicon order) whose patterns may match somewhere in `text` or a stretch of it. */
export function issuesPossibleIn(text: string, lex: IssueLexicon): IssueDef[] {
  const { any, openings } = prefilter(lex);
  const possible = openings.map((o) => o === null);
  let left = possible.filter((p) => !p).length;
  if (any && left) {
    any.lastIndex = 0;
    // Every position where some opening matches, each tried for the issues not yet found there.
    for (let m = any.exec(text); m && left; m = any.exec(text)) {
      for (let i = 0; i < openings.length; i++) {
        const o = openings[i];
        if (possible[i] || !o) continue;
        o.lastIndex = m.index;
        if (o.test(text)) {
          possible[i] = true;
          left--;
        }
      }
      any.lastIndex = m.index + 1;
    }
  }
  return lex.issues.filter((_, i) => possible[i]);
}
