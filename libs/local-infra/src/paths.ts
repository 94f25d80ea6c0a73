import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';

/** The repository root: the nearest package.json of this project, from source or from dist. */
export function repoRoot(): string {
  let dir = __dirname;
  while (dir !== parse(dir).root) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'smuggling-cases') return dir;
    }
    dir = dirname(dir);
  }
  throw new Error(`cannot find the smuggling-cases repository above ${__dirname}`);
}

/** Directory for local state (databases, broker logs, keys): `LOCAL_DATA_DIR`, else the git-ignored `.data`. */
export function dataDir(name: string): string {
  return join(process.env.LOCAL_DATA_DIR || join(repoRoot(), '.data'), name);
}

/** Git-ignored directory for downloads that are fetched once and reused. */
export function cacheDir(name: string): string {
  return join(repoRoot(), '.cache', name);
}

/**
 * Postgres refuses to run as root, so as root it runs as the `postgres` user, which must be
 * able to reach its data directory. When some parent directory is closed to other users
 * (a home directory, say) the data goes under the system's temporary directory instead.
 */
export function postgresDataDir(name: string): string {
  const preferred = dataDir(name);
  if (process.getuid?.() !== 0 || traversableByOthers(dirname(preferred))) return preferred;
  const key = createHash('sha256').update(dirname(preferred)).digest('hex').slice(0, 12);
  return join(tmpdir(), `smuggling-cases-${key}`, name);
}

/** Whether users other than the owner may pass through every directory down to `dir`. */
export function traversableByOthers(dir: string): boolean {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (dirname(current) === current) return true;
  }
}
