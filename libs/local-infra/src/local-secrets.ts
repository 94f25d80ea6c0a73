import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The keys a local system needs and no developer should have to invent. */
const GENERATED = {
  PERSONAL_DATA_KEY: () => randomBytes(32).toString('base64'),
  IDENTITY_HASH_KEY: () => randomBytes(32).toString('base64'),
  AUTH_JWT_SECRET: () => randomBytes(32).toString('base64'),
};

/**
 * Keys for a local system, generated on first start and kept (readable by the owner only) in
 * a git-ignored file, so that data sealed yesterday can still be opened today. A key given in
 * the environment wins.
 */
export function localSecrets(file: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const stored = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)
    : {};
  const secrets: Record<string, string> = {};
  let changed = false;
  for (const [name, generate] of Object.entries(GENERATED)) {
    if (env[name]) continue;
    // With an identity provider configured there is no shared secret to make.
    if (name === 'AUTH_JWT_SECRET' && (env.AUTH_PUBLIC_KEY || env.AUTH_JWKS_URL)) continue;
    if (!stored[name]) {
      stored[name] = generate();
      changed = true;
    }
    secrets[name] = stored[name];
  }
  if (changed) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return secrets;
}
