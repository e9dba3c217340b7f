// Clause-level helpers for attribution: sentence units that never split a quotation, words
// with the punctuation between them, and the noun phrase a speech cue leans on (its subject
// before it, or the inverted speaker after it, as in "…,” said Thomas Graham, a former aide).
import type { Document } from '../document.js';
import { ASTRAL, charKindAt, LETTER } from './char-class.js';
import { lowerCaseAligned } from './lower-case.js';
import type { Paragraph, QuotedSpan } from './quote-marks.js';

export const MASK = '\u0001';

/**
 * The text with every quotation's inside replaced by MASK (same length, offsets unchanged), so
 * that cue words and sentence ends inside quotations are invisible. A final . ! ? or , before
 * the closing mark stays visible: it tells where the sentence holding the quotation ends.
 */
export function maskQuotes(text: string, quotes: QuotedSpan[]): string {
  if (!quotes.length) return blankPartyTags(text);
  const parts: string[] = [];
  let at = 0;
  for (const q of quotes) {
    if (q.open < at) continue;
    parts.push(text.slice(at, q.open));
    const inner = q.close - q.open;
    let keep = '';
    const last = text[q.end - 1];
    if (q.end <= q.close && /[.!?,]/.test(last ?? '')) keep = last;
    if (keep) {
      const before = q.end - 1 - q.open;
      parts.push(MASK.repeat(before) + keep + MASK.repeat(inner - before - 1));
    } else parts.push(MASK.repeat(inner));
    at = q.close;
  }
  parts.push(text.slice(at));
  return blankPartyTags(parts.join(''));
}

/** "Rep. Gwen Moore (D-Wis.)": the brackets of a party tag do not end the name they follow. */
function blankPartyTags(s: string): string {
  return s.replace(/\(((?:[DRIL]|Dem|Rep|Ind)[-–.,]\s?[A-Z][A-Za-z.]{1,12})\)/g, ' $1 ');
}

export interface Unit {
  start: number;
  end: number;
  paragraph: number;
}

const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Sens|Rep|Reps|Gen|Lt|Col|Maj|Capt|Sgt|Adm|St|Jr|Sr|Prof|Rev|No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|etc|approx|Ft|Mt|Pres)|\b[A-Z]|(?:\b[A-Za-z]\.)+[A-Za-z])\.$/;

/**
 * Sentence units per paragraph. Boundaries come from doc.sentences when the tokens stage ran,
 * except those inside a quotation; without sentences, from end punctuation in the masked text.
 */
export function sentenceUnits(
  doc: Document,
  masked: string,
  paras: Paragraph[],
  quotes: QuotedSpan[],
  attributionFollows: (at: number) => boolean = () => false,
): Unit[] {
  const units: Unit[] = [];
  const insideQuote = (b: number) => quotes.some((q) => q.open < b && b < q.close);
  let si = 0;
  const sents = doc.sentences;
  paras.forEach((p, pi) => {
    const cuts = new Set<number>();
    if (sents.length) {
      while (si < sents.length && sents[si].end <= p.start) si++;
      for (let k = si; k < sents.length && sents[k].start < p.end; k++) {
        const b = sents[k].start;
        // A sentence never opens in lower case: such a cut follows an abbreviation ("(R-Ga.) said").
        // Nor after a quotation that its attribution follows: “… you understand that?” Trump told Macron.
        const afterQuote = /\u0001\s*$/.test(masked.slice(Math.max(p.start, b - 3), b));
        if (b > p.start && !insideQuote(b) && !/\p{Ll}/u.test(masked[b]) && !(afterQuote && attributionFollows(b))) cuts.add(b);
      }
    } else {
      const re = /[.!?][\u0001"”')\]]*\s+(?=\u0001|["“'‘(\[]?[\p{Lu}\p{N}])/gu;
      const slice = masked.slice(p.start, p.end);
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        const endPunct = p.start + m.index;
        if (masked[endPunct] === '.' && ABBREV.test(masked.slice(Math.max(p.start, endPunct - 12), endPunct + 1))) continue;
        const b = p.start + m.index + m[0].length;
        const afterQuote = /\u0001\s*$/.test(masked.slice(Math.max(p.start, b - 3), b));
        if (!insideQuote(b) && !(afterQuote && attributionFollows(b))) cuts.add(b);
      }
    }
    let s = p.start;
    for (const b of [...cuts].sort((a, c) => a - c)) {
      let e = b;
      while (e > s && /\s/.test(masked[e - 1])) e--;
      if (e > s) units.push({ start: s, end: e, paragraph: pi });
      s = b;
    }
    if (p.end > s) units.push({ start: s, end: p.end, paragraph: pi });
  });
  return units;
}

export interface Word {
  start: number;
  end: number;
  /** Lower-cased. */
  w: string;
  /** Punctuation (or masked quotation) between this word and the previous one. */
  gapBefore: string;
}

// A word is /[\p{L}\p{N}][\p{L}\p{N}’'&.-]*/u, scanned by hand (see char-class.ts).
const ABBREVIATION = /^(?:[A-Za-z]\.)+$|^(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|St|Jr|Sr|Prof|Rev)\.$/;

/** `lower`: the masked text lower-cased with lowerCaseAligned, when it could be. */
function scanWords(masked: string, start: number, end: number, lower: string | null = null): Word[] {
  const out: Word[] = [];
  const n = masked.length;
  let prevEnd = start;
  let i = start;
  while (i < n) {
    // The next word's first character, at or after i.
    let k = 0;
    while (i < n && !((k = charKindAt(masked, i)) & LETTER)) i++;
    if (i >= n || i >= end) break;
    const ws = i;
    i += k & ASTRAL ? 2 : 1;
    while (i < n && (k = charKindAt(masked, i))) i += k & ASTRAL ? 2 : 1;
    let e = i;
    // A trailing period belongs to the word only for abbreviations (U.S., Mr.), not sentence ends.
    while (e > ws + 1 && masked.charCodeAt(e - 1) === 0x2e && !ABBREVIATION.test(masked.slice(ws, e))) e--;
    for (let c = masked.charCodeAt(e - 1); e > ws + 1 && (c === 0x2019 || c === 0x27 || c === 0x2d); c = masked.charCodeAt(e - 1)) e--;
    if (e > end) e = end;
    out.push({ start: ws, end: e, w: lower ? lower.slice(ws, e) : masked.slice(ws, e).toLowerCase(), gapBefore: masked.slice(prevEnd, ws) });
    prevEnd = e;
    i = e;
  }
  return out;
}

// The words of the last text asked about, scanned once: attribution asks for many small
// overlapping ranges of the same document.
let indexed: { masked: string; words: Word[]; starts: Int32Array } | null = null;

export function wordsIn(masked: string, start: number, end: number): Word[] {
  if (indexed?.masked !== masked) {
    const words = scanWords(masked, 0, masked.length, lowerCaseAligned(masked));
    const starts = new Int32Array(words.length);
    for (let k = 0; k < words.length; k++) starts[k] = words[k].start;
    indexed = { masked, words, starts };
  }
  const { words, starts } = indexed;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  // A range opening inside a word sees that word's tail, as a scan from `start` would.
  if (lo > 0 && words[lo - 1].end > start) return scanWords(masked, start, end);
  const out: Word[] = [];
  for (let k = lo; k < words.length && words[k].start < end; k++) {
    const w = words[k];
    if (k === lo || w.end > end) out.push({ ...w, end: Math.min(w.end, end), w: w.end > end ? masked.slice(w.start, end).toLowerCase() : w.w, gapBefore: k === lo ? masked.slice(start, w.start) : w.gapBefore });
    else out.push(w);
  }
  return out;
}

/** Words between a subject and its speech verb ("has", "also", "repeatedly", "did not"). */
const AUX = new Set([
  'has', 'have', 'had', 'is', 'was', 'were', 'are', 'am', 'be', 'been', 'being', 'will', 'would', 'could', 'should', 'might', 'may', 'can', 'must',
  'shall', 'did', 'does', 'do', 'not', "n't", 'never', 'also', 'later', 'earlier', 'then', 'again', 'once', 'often', 'already', 'still', 'just', 'even',
  'first', 'last', 'now', 'soon', 'too', 'since', 'long', 'ever', 'always', 'previously', 'separately', 'has also', 'reportedly', 'recently',
  'himself', 'herself', 'themselves', 'itself', 'both', 'all', 'each', 'cannot', 'personally', 'openly', 'formally', 'quickly', 'further',
  ...['didn’t', 'doesn’t', 'don’t', 'wasn’t', 'isn’t', 'hasn’t', 'haven’t', 'hadn’t', 'won’t', 'wouldn’t', 'can’t', 'couldn’t', 'aren’t', 'weren’t', 'shouldn’t']
    .flatMap((w) => [w, w.replace('’', "'")]),
]);

/** Words that open a new clause: the subject of a cue never reaches across them. */
const CLAUSE_OPENERS = new Set([
  'that', 'but', 'because', 'while', 'when', 'whereas', 'although', 'though', 'if', 'as', 'after', 'before', 'until', 'unless', 'so', 'than',
  'whether', 'where', 'once', 'since', 'yet', 'nor', 'then', 'how', 'why', 'what',
]);

const APPOSITIVE_START = /^(?:a|an|the|who|whose|which|his|her|its|their|our|one|two|three|now|then|also|himself|herself|itself|\d.*|[\p{Lu}].*)$/u;

export interface Tagged {
  /** Token POS by start offset, when the tokens stage ran. */
  posAt: Pick<Map<number, string>, 'get' | 'has'>;
}

function isVerbLike(word: Word, masked: string, tags: Tagged, isCue: (w: string) => boolean): boolean {
  const pos = tags.posAt.get(word.start);
  if (pos) return pos === 'VERB' || pos === 'AUX';
  if (isCue(word.w)) return true;
  const first = masked[word.start];
  return first === first.toLowerCase() && /(?:ed|ing)$/.test(word.w) && word.w.length > 4 && !/^(?:during|according|including|leading|ruling|governing|outgoing|incoming|ranking|speaking|following|acting|founding|managing|presiding|ongoing|former|retired|alleged|so-called|united|embattled|beleaguered|elected)$/.test(word.w);
}

/**
 * The noun phrase before a cue that is its subject: "The state’s campaign chairman, Phil Lovas,"
 * in "The state’s campaign chairman, Phil Lovas, said". Appositions and relative clauses set off
 * by commas are part of it, as PolNeAR marks sources. Returns null when none stands there.
 */
export function subjectBefore(
  masked: string,
  unitStart: number,
  cueStart: number,
  tags: Tagged,
  isCue: (w: string) => boolean,
): { start: number; end: number } | null {
  const words = wordsIn(masked, unitStart, cueStart);
  let i = words.length - 1;
  const tail = (k: number) => masked.slice(words[k].end, k + 1 < words.length ? words[k + 1].start : cueStart);
  while (i >= 0 && !/[,;:\u0001—(]/.test(tail(i)) && (AUX.has(words[i].w) || (/ly$/.test(words[i].w) && masked[words[i].start] !== masked[words[i].start].toUpperCase()))) i--;
  if (i < 0) return null;
  if (/[;:\u0001—(]/.test(tail(i))) return null;
  let inAppositive = /,/.test(tail(i));
  let crossings = 0;
  const end = words[i].end;
  let j = i;
  let count = 1;
  while (j > 0) {
    const gap = words[j].gapBefore;
    if (/[;:\u0001—–(\[]|\.\s/.test(gap) || /\s-\s/.test(gap)) break;
    if (/,/.test(gap)) {
      // Crossed an apposition ("Lovas, the chairman,"); the segment back is its head, or one more
      // apposition when this one opens like one ("Schiff, 56, who has served …,";
      // "Brunner, a developer, which …,").
      const opensAppositive = crossings === 0 || /^(?:a|an|the|who|whose|which|\d+)$/.test(words[j].w);
      if (inAppositive && opensAppositive && count < 60 && crossings < 3) {
        crossings++;
        j--;
        count++;
        continue;
      }
      break;
    }
    const prev = words[j - 1];
    // Inside an apposition anything goes ("who served as envoy until …"); the head is a noun phrase.
    const inHead = !inAppositive || (crossings > 0 && !/,/.test(masked.slice(prev.end, words[j].start)) && headSegment(j));
    if (inHead && CLAUSE_OPENERS.has(prev.w) && masked[prev.start] === prev.w[0]) break;
    if (inHead && isVerbLike(prev, masked, tags, isCue) && !AUX.has(prev.w)) break;
    j--;
    count++;
    if (count > 60) return null;
  }
  // Leading words that cannot start a subject; a trailing "however" is no part of it.
  while (j <= i && (AUX.has(words[j].w) || CLAUSE_OPENERS.has(words[j].w) || words[j].w === 'and' || words[j].w === 'or')) j++;
  while (i > j && /^(?:however|though|too|meanwhile|instead|moreover|also)$/.test(words[i].w)) i--;
  if (j > i) return null;
  // "this month", "last week": a time, not a speaker.
  if (words.slice(j, i + 1).every((w) => /^(?:this|last|next|that|the|same|earlier|later|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|month|year|day|morning|afternoon|evening|night|weekend)$/.test(w.w))) return null;
  // "officials who said": the relative pronoun's antecedent speaks.
  let last = i;
  while (last > j && /^(?:who|which|that)$/.test(words[last].w) && !/,/.test(words[last].gapBefore)) last--;
  if (last < i) return { start: words[j].start, end: words[last].end };
  if (i - j > 50) return null;
  return { start: words[j].start, end: Math.min(end, words[i].end) };

  /** Whether word k sits in a segment with no comma before it up to the unit start: the head. */
  function headSegment(k: number): boolean {
    for (let x = k; x > 0; x--) if (/,/.test(words[x].gapBefore)) return false;
    return true;
  }
}

/** The speaker after an inverted cue ("…,” said Thomas Graham, a former official."). */
export function speakerAfter(masked: string, cueEnd: number, unitEnd: number): { start: number; end: number } | null {
  const words = wordsIn(masked, cueEnd, unitEnd);
  if (!words.length) return null;
  if (/[,;:\u0001—(]/.test(words[0].gapBefore)) return null;
  let k = 0;
  // "said Monday", "said in a statement", "said that": no speaker stands right after the cue.
  if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|this|earlier|later|recently|on|in|at|during|after|before|while|when|to|that|of|about|with|for|by|from|it|so|then|also|again|not)$/.test(words[0].w)) return null;
  let relative = false;
  for (; k + 1 < words.length; k++) {
    const gap = words[k + 1].gapBefore;
    if (/[;:\u0001—(]/.test(gap)) break;
    if (/,/.test(gap) && !APPOSITIVE_START.test(masked.slice(words[k + 1].start, words[k + 1].end))) break;
    if (/^(?:who|whose|which)$/.test(words[k + 1].w)) relative = true;
    // A relative clause runs to the end ("who served as U.S. envoy in Trump’s first term").
    else if (!relative && /^(?:on|in|at|during|while|after|before|when|as|adding|saying|according|told)$/.test(words[k + 1].w) && !/,/.test(gap)) break;
    if (k > 40) break;
  }
  return { start: words[0].start, end: words[k].end };
}
