// Finds speech cues ("said", "according to", "pointed out") in a text: the matches, in order,
// of one alternation of every cue form, longest form first, each standing as whole words
// (no letter, digit, ’ ' or - on either side) with any blanks between its words.
//
// Such a regular expression tried hundreds of alternatives at every word of every document.
// When every form is made of word characters (the shipped lexicon's are), a match can only
// start a run of word characters, and each of its words is a whole run: the runs are looked
// up by their first word instead, alternatives tried in the same order, so the matches are
// the same. Other forms (a user's lexicon with odd characters) keep the regular expression.
import { ASTRAL, charKindAt, JOINER, LETTER } from './char-class.js';
import { hasShape, shapesOf, wordShape } from './word-shape.js';

export interface CueMatch {
  start: number;
  end: number;
  /** The text matched: the form, with the blanks the text has between its words. */
  raw: string;
  /** The form matched, its words one space apart. */
  form: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RUN_FORM = /^[\p{L}\p{N}’'-]+(?:\s+[\p{L}\p{N}’'-]+)*$/u;
const BLANKS = /^\s+$/;

export function cueFinder(forms: Iterable<string>): (text: string) => CueMatch[] {
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  if (!ordered.every((f) => RUN_FORM.test(f))) {
    const alts = ordered.map((f) => f.split(/\s+/).map(escape).join('\\s+'));
    const re = new RegExp(`(?<![\\p{L}\\p{N}’'-])(?:${alts.join('|')})(?![\\p{L}\\p{N}’'-])`, 'gu');
    return (text) => {
      const out: CueMatch[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], form: m[0].replace(/\s+/g, ' ') });
      return out;
    };
  }
  // First word → the forms opening with it, as word lists, in the alternation's order.
  const byFirst = new Map<string, { words: string[]; form: string }[]>();
  for (const f of ordered) {
    const words = f.split(/\s+/);
    const entry = { words, form: words.join(' ') };
    const list = byFirst.get(words[0]);
    if (list) list.push(entry);
    else byFirst.set(words[0], [entry]);
  }
  // Most runs are no cue's first word; their shape says so without slicing them out of the text.
  const firstWords = shapesOf(byFirst.keys());
  return (text) => {
    const out: CueMatch[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const n = text.length;
    for (let i = 0; i < n; ) {
      const k = charKindAt(text, i);
      if (!(k & (LETTER | JOINER))) {
        i++;
        continue;
      }
      const s = i;
      i += k & ASTRAL ? 2 : 1;
      while (i < n) {
        const c = charKindAt(text, i);
        if (!(c & (LETTER | JOINER))) break;
        i += c & ASTRAL ? 2 : 1;
      }
      starts.push(s);
      ends.push(i);
    }
    for (let r = 0; r < starts.length; r++) {
      if (!hasShape(firstWords, wordShape(text, starts[r], ends[r] - starts[r]))) continue;
      const list = byFirst.get(text.slice(starts[r], ends[r]));
      if (!list) continue;
      for (const { words, form } of list) {
        let last = r;
        let ok = true;
        for (let w = 1; w < words.length && ok; w++) {
          last++;
          ok = last < starts.length && BLANKS.test(text.slice(ends[last - 1], starts[last])) && text.slice(starts[last], ends[last]) === words[w];
        }
        if (!ok) continue;
        // A one-word match is its form; only a longer one may have other blanks than one space.
        out.push({ start: starts[r], end: ends[last], raw: last === r ? form : text.slice(starts[r], ends[last]), form });
        r = last; // the search goes on after the match
        break;
      }
    }
    return out;
  };
}
