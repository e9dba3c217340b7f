// Character classes for the hand-written scanners of attribution (words, speech cues). Unicode
// property regular expressions run over whole documents were a large part of the quotes stage;
// a table per UTF-16 code unit, filled on first sight, answers the same question in a lookup.

/** \p{L} or \p{N}. */
export const LETTER = 1;
/** ’ ' -: joins letters inside a word ("don’t", "co-op"). */
export const JOINER = 2;
/** & .: inside a word for the clause scanner only ("AT&T", "U.S."). */
export const INNER = 4;
/** An astral letter or digit: the pair of code units at i and i + 1. */
export const ASTRAL = 8;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const UNKNOWN = 255;
const table = new Uint8Array(0x10000).fill(UNKNOWN);

/** Class bits of the code point at i; 0 for anything else, a lone surrogate included. */
export function charKindAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  let k = table[c];
  if (k === UNKNOWN) {
    // Surrogates are classed by the code point they form (below), never by themselves.
    k = c >= 0xd800 && c <= 0xdfff ? 0 : LETTER_OR_DIGIT.test(s[i]) ? LETTER : c === 0x2019 || c === 0x27 || c === 0x2d ? JOINER : c === 0x26 || c === 0x2e ? INNER : 0;
    table[c] = k;
  }
  if (k === 0 && c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff && LETTER_OR_DIGIT.test(s.slice(i, i + 2))) return LETTER | ASTRAL;
  }
  return k;
}
