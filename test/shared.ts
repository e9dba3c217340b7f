// Where ../shared (corpora, seeds) is, for tests that use it. A fresh clone on a user's machine
// has no ../shared: such tests skip with one line saying so.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const sharedRoot = resolve(repoRoot, '..', 'shared');
export const hasShared = existsSync(join(sharedRoot, 'seeds'));
export const SKIP_SHARED = hasShared ? false : '../shared is absent: seed and corpus tests skipped';

export function sharedPath(...parts: string[]): string {
  return join(sharedRoot, ...parts);
}
