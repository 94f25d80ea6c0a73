import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { TEST_AUTH_SECRET, testToken } from './test-env';

/*
 * Tokens that must not authenticate anyone, each with one defect, for the refusals of
 * test/e2e/auth.e2e-spec.ts: made as the real ones are (the test secret, issuer and audience),
 * so that the defect is the only reason a refusal can have.
 */

// What the API accepts by default (AUTH_ISSUER, AUTH_AUDIENCE) and the test secret it is given:
// a forgery differs from them only where it says.
const ISSUER = 'smuggling-cases-local';
const AUDIENCE = 'smuggling-cases-api';
const SECRET = new Uint8Array(Buffer.from(TEST_AUTH_SECRET, 'base64'));
/** A secret the API does not know: what a token signed with it claims is worth nothing. */
export const OTHER_SECRET = new Uint8Array(randomBytes(32));

/** Now, as a token's iat, nbf and exp count time. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The defect of a forged token: a claim left out (null) or changed, another algorithm or secret. */
export interface Forgery {
  claims?: Record<string, unknown>;
  subject?: string | null;
  issuer?: string | null;
  audience?: string | null;
  exp?: number | null;
  nbf?: number;
  alg?: string;
  secret?: Uint8Array;
}

/** A token like the real ones (a supervisor's), with exactly the given defect. */
export function forge(f: Forgery = {}): Promise<string> {
  const jwt = new SignJWT({ role: 'supervisor', ...f.claims })
    .setProtectedHeader({ alg: f.alg ?? 'HS256', typ: 'JWT' })
    .setIssuedAt();
  if (f.subject !== null) jwt.setSubject(f.subject ?? 'forged-supervisor');
  if (f.issuer !== null) jwt.setIssuer(f.issuer ?? ISSUER);
  if (f.audience !== null) jwt.setAudience(f.audience ?? AUDIENCE);
  if (f.exp !== null) jwt.setExpirationTime(f.exp ?? nowSeconds() + 600);
  if (f.nbf !== undefined) jwt.setNotBefore(f.nbf);
  return jwt.sign(f.secret ?? SECRET);
}

/** jose never signs with alg "none": built by hand, with an empty signature. */
export function unsignedToken(): string {
  const header = b64url({ alg: 'none', typ: 'JWT' });
  const payload = b64url({
    sub: 'forged-supervisor',
    role: 'supervisor',
    iss: ISSUER,
    aud: AUDIENCE,
    iat: nowSeconds(),
    exp: nowSeconds() + 600,
  });
  return `${header}.${payload}.`;
}

/** A genuine auditor's token whose payload was edited into a supervisor's afterwards. */
export async function tamperedToken(): Promise<string> {
  const [header, payload, signature] = (await testToken('auditor')).split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
  return `${header}.${b64url({ ...claims, role: 'supervisor' })}.${signature}`;
}

/** The Authorization header value of a token. */
export const bearer = async (token: Promise<string> | string) => `Bearer ${await token}`;
