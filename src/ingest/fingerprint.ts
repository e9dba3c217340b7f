// Identity of a document: exact duplicates share an id (hash of the normalised text), near
// duplicates share most of a 64-bit SimHash over word shingles.
import { createHash } from 'node:crypto';

export function normalizeForHash(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
}

export function documentId(text: string): string {
  return createHash('sha256').update(normalizeForHash(text)).digest('hex').slice(0, 20);
}

function hash64(s: string): bigint {
  // FNV-1a 64: fast and good enough for shingle hashing; collisions only blur similarity.
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}

/** 64-bit SimHash over 3-word shingles, as 16 hex digits. */
export function simhash(text: string): string {
  const words = normalizeForHash(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const counts = new Array<number>(64).fill(0);
  const n = Math.max(1, words.length - 2);
  for (let i = 0; i < n; i++) {
    const h = hash64(words.slice(i, i + 3).join(' '));
    for (let b = 0; b < 64; b++) counts[b] += (h >> BigInt(b)) & 1n ? 1 : -1;
  }
  let out = 0n;
  for (let b = 0; b < 64; b++) if (counts[b] > 0) out |= 1n << BigInt(b);
  return out.toString(16).padStart(16, '0');
}

export function hammingDistance(a: string, b: string): number {
  let x = BigInt('0x' + a) ^ BigInt('0x' + b);
  let d = 0;
  while (x) {
    d += Number(x & 1n);
    x >>= 1n;
  }
  return d;
}

/** Four 16-bit bands: two SimHashes within Hamming distance 3 share at least one band exactly. */
export function simhashBands(h: string): string[] {
  return [0, 4, 8, 12].map((i) => `${i / 4}:${h.slice(i, i + 4)}`);
}

export const NEAR_DUPLICATE_DISTANCE = 3;
