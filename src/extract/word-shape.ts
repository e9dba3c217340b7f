// A word's shape: its first two characters (their low seven bits) and its length (up to 15), a
// number under 2 ** 18. A bitset of the shapes of a lexicon's words (32 KB, small enough to stay
// in cache) rules out most words of a text without hashing them for a Map look-up: a word whose
// shape is not in it is none of the lexicon's.

export function wordShape(s: string, at: number, len: number): number {
  return (s.charCodeAt(at) & 0x7f) | ((len > 1 ? s.charCodeAt(at + 1) & 0x7f : 0) << 7) | (Math.min(len, 15) << 14);
}

export type Shapes = Uint32Array;

export function shapesOf(words: Iterable<string>): Shapes {
  const bits = new Uint32Array((1 << 18) >> 5);
  for (const w of words) {
    const s = wordShape(w, 0, w.length);
    bits[s >> 5] |= 1 << (s & 31);
  }
  return bits;
}

export function hasShape(shapes: Shapes, shape: number): boolean {
  return (shapes[shape >> 5] & (1 << (shape & 31))) !== 0;
}
