// Spelling variants of compounds for full-text search (lexicons/search-variants.yaml): news text
// writes "ceasefire" and "cease-fire", and the tokenizers of both engines read the hyphenated
// form as two words, so each spelling alone misses the other's articles.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

function findLexicon(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = join(dir, 'lexicons', 'search-variants.yaml');
    if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  return null;
}

let table: Map<string, string[]> | null = null;

/** joined form (lower case) -> its parts, from the lexicon plus any extra files of the same format. */
export function loadSearchVariants(extraFiles: string[] = []): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const f of [findLexicon(), ...extraFiles]) {
    if (!f) continue;
    const data = parse(readFileSync(f, 'utf8')) as { variants?: unknown[] } | null;
    for (const v of data?.variants ?? []) {
      const parts = String(v).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (parts.length > 1) map.set(parts.join(''), parts);
    }
  }
  table = map;
  return map;
}

/** The split form of a joined compound the lexicon lists (`ceasefires` -> cease fires), or null. */
export function splitCompound(word: string): string[] | null {
  const t = table ?? loadSearchVariants();
  const w = word.toLowerCase();
  const parts = t.get(w);
  if (parts) return parts;
  for (const suffix of ['s', 'es']) {
    const base = w.endsWith(suffix) ? t.get(w.slice(0, -suffix.length)) : undefined;
    if (base) return [...base.slice(0, -1), base[base.length - 1] + suffix];
  }
  return null;
}
