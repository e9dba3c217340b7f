// Spelling variants of compounds for full-text search (lexicons/search-variants.yaml): news text
// writes "ceasefire" and "cease-fire", and the tokenizers of both engines read the hyphenated
// form as two words, so each spelling alone misses the other's articles.
import { readLexiconYaml } from '../lexicon-yaml.js';
import { bundledLexicon } from '../lexicon-dir.js';

let table: Map<string, string[]> | null = null;

/** joined form (lower case) -> its parts, from the lexicon plus any extra files of the same format. */
export function loadSearchVariants(extraFiles: string[] = []): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const f of [bundledLexicon('search-variants.yaml'), ...extraFiles]) {
    if (!f) continue;
    const data = readLexiconYaml(f, 'search variants') as { variants?: unknown[] } | null;
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
