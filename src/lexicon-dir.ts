// Where the repository's lexicons/ folder is, for every loader of a bundled lexicon (actors,
// events, issues, tone, speech, publishers, search variants): found from this file both in src/ (tsx)
// and in dist/src/ (the built package).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | null | undefined;

function findLexiconDir(): string | null {
  if (found !== undefined) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'lexicons', 'actors'))) return (found = join(dir, 'lexicons'));
    dir = dirname(dir);
  }
  return (found = null);
}

/** The lexicons/ folder; an error when the installation has none. */
export function lexiconDir(): string {
  const dir = findLexiconDir();
  if (!dir) throw new Error('lexicons/ directory not found next to the parley package');
  return dir;
}

/** A bundled lexicon file by name, or null when it (or the folder) is missing: for optional lexicons. */
export function bundledLexicon(name: string): string | null {
  const dir = findLexiconDir();
  const path = dir && join(dir, name);
  return path && existsSync(path) ? path : null;
}
