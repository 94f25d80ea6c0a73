import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the built console is: dist/console of the project, found from this file whether it runs
 * built (dist/apps/api/...) or from source (tests). Null when it was not built.
 */
export function consoleFiles(from = __dirname): string | null {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const built = join(dir, 'dist', 'console');
      return existsSync(join(built, 'index.html')) ? built : null;
    }
  }
  return null;
}
