// Where the package's own files are, whether running from source (src/) or compiled (dist/src/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The built web app. */
export const defaultWebRoot = () => join(packageRoot(), 'dist', 'web');
/** The example articles `parley start` loads. */
export const examplesDir = () => join(packageRoot(), 'examples');
