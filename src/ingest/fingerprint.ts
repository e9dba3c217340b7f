// Identity of a document: exact duplicates share an id (hash of the normalised text), near
// duplicates share most of a 64-bit SimHash over word shingles.
import { createHash } from 'node:crypto';

export function normalizeForHash(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
}

export function documentId(text: string): string {
  return createHash('sha256').update(normalizeForHash(text)).digest('hex').slice(0, 20);
}

// 32-bit integer hashing only: BigInt arithmetic made SimHash cost ~7 ms a document.
function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SHINGLE = 2;

/** 64-bit SimHash over 2-word shingles (closer for small edits than 3-word ones, as far apart for unrelated stories), as 16 hex digits. */
export function simhash(text: string): string {
  const words = normalizeForHash(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const wh = words.map((w) => fnv1a(w, 0x811c9dc5));
  const hi = new Int32Array(32);
  const lo = new Int32Array(32);
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    let a = 0x9747b28c;
    for (let k = i; k < Math.min(words.length, i + SHINGLE); k++) a = fmix(Math.imul(a, 31) ^ wh[k]);
    const b = fmix(a ^ 0x5bd1e995);
    for (let bit = 0; bit < 32; bit++) {
      hi[bit] += (a >>> bit) & 1 ? 1 : -1;
      lo[bit] += (b >>> bit) & 1 ? 1 : -1;
    }
  }
  let h = 0;
  let l = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (hi[bit] > 0) h |= 1 << bit;
    if (lo[bit] > 0) l |= 1 << bit;
  }
  return (h >>> 0).toString(16).padStart(8, '0') + (l >>> 0).toString(16).padStart(8, '0');
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function hammingDistance(a: string, b: string): number {
  return popcount(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) + popcount(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16));
}

/** Four 16-bit bands: two SimHashes within Hamming distance 3 share at least one band exactly. */
export function simhashBands(h: string): string[] {
  return [0, 4, 8, 12].map((i) => `${i / 4}:${h.slice(i, i + 4)}`);
}

export const NEAR_DUPLICATE_DISTANCE = 3;
