import { AuthConfig, loadAuthConfig } from '@app/platform';
import { JWTPayload, KeyLike, SignJWT } from 'jose';
import { KeyObject, generateKeyPairSync, randomBytes } from 'node:crypto';
import { Role } from './roles';
import { AuthenticationError, TokenVerifier, issueLocalToken } from './tokens';

const secret = randomBytes(32);
const secretConfig = loadAuthConfig({ AUTH_JWT_SECRET: secret.toString('base64') });

const investigator = { sub: 'u-1042', role: 'investigator', directorate: 'novo-mesto' };

const now = () => Math.floor(Date.now() / 1000);

interface SignOptions {
  alg?: string;
  key?: KeyLike | Uint8Array;
  config?: AuthConfig;
  issuer?: string;
  audience?: string;
  /** Seconds since the epoch; null leaves the claim out. */
  exp?: number | null;
}

/** Signs like an identity provider would, with every part under the test's control. */
function sign(claims: JWTPayload, options: SignOptions = {}): Promise<string> {
  const config = options.config ?? secretConfig;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setIssuer(options.issuer ?? config.issuer)
    .setAudience(options.audience ?? config.audience)
    .setIssuedAt();
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now() + 300);
  return jwt.sign(options.key ?? new Uint8Array(secret));
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const invalid = (message?: RegExp) => ({
  name: 'AuthenticationError',
  code: 'AUTH.TOKEN_INVALID',
  ...(message ? { message: expect.stringMatching(message) } : {}),
});

function pemOf(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

describe('TokenVerifier with a shared secret', () => {
  const verifier = new TokenVerifier(secretConfig);

  it('answers the actor a valid token names', async () => {
    await expect(verifier.verify(await sign(investigator))).resolves.toEqual({
      id: 'u-1042',
      role: 'investigator',
      directorate: 'novo-mesto',
    });
  });

  it('gives a national role without a directorate no directorate', async () => {
    await expect(verifier.verify(await sign({ sub: 'u-7', role: 'auditor' }))).resolves.toEqual({
      id: 'u-7',
      role: 'auditor',
      directorate: null,
    });
  });

  it('accepts what issueLocalToken issues', async () => {
    const token = await issueLocalToken(secretConfig, {
      role: 'supervisor',
      subject: 'local-supervisor',
      ttlSeconds: 60,
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      id: 'local-supervisor',
      role: 'supervisor',
      directorate: null,
    });
  });

  it('refuses an expired token as expired, so a client knows to get a new one', async () => {
    await expect(
      verifier.verify(await sign(investigator, { exp: now() - 60 })),
    ).rejects.toMatchObject({ name: 'AuthenticationError', code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('allows the configured clock skew, and no more', async () => {
    expect(secretConfig.clockToleranceSeconds).toBe(5);
    await expect(
      verifier.verify(await sign(investigator, { exp: now() - 2 })),
    ).resolves.toMatchObject({ id: 'u-1042' });
    await expect(
      verifier.verify(await sign(investigator, { exp: now() - 10 })),
    ).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const payload = {
      ...investigator,
      iss: secretConfig.issuer,
      aud: secretConfig.audience,
      iat: now(),
      exp: now() + 300,
    };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    await expect(verifier.verify(unsigned)).rejects.toMatchObject(invalid());
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await sign(investigator, { key: new Uint8Array(randomBytes(32)) });
    await expect(verifier.verify(forged)).rejects.toMatchObject(invalid());
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [header, , signature] = (await sign(investigator)).split('.');
    const promoted = base64url({
      ...investigator,
      role: 'supervisor',
      iss: secretConfig.issuer,
      aud: secretConfig.audience,
      exp: now() + 300,
    });
    await expect(verifier.verify(`${header}.${promoted}.${signature}`)).rejects.toMatchObject(
      invalid(),
    );
  });

  it.each(['', 'abc', 'a.b.c', 'a.b', '..', 'a.b.c.d.e', `${base64url({ alg: 'HS256' })}.e30.`])(
    'refuses the malformed token %j',
    async (token) => {
      await expect(verifier.verify(token)).rejects.toMatchObject(invalid());
    },
  );

  it('refuses a token from another issuer', async () => {
    const token = await sign(investigator, { issuer: 'someone-else' });
    await expect(verifier.verify(token)).rejects.toMatchObject(invalid());
  });

  it('refuses a token meant for another audience', async () => {
    const token = await sign(investigator, { audience: 'another-api' });
    await expect(verifier.verify(token)).rejects.toMatchObject(invalid());
  });

  it('refuses a token that never expires', async () => {
    await expect(verifier.verify(await sign(investigator, { exp: null }))).rejects.toMatchObject(
      invalid(),
    );
  });

  it('refuses a token without a subject', async () => {
    const token = await sign({ role: 'supervisor' });
    await expect(verifier.verify(token)).rejects.toMatchObject(invalid());
  });

  // The message reaches the caller: it should say what to fix in the identity provider.
  it.each<[string, JWTPayload, RegExp]>([
    ['an unknown role', { sub: 'u-1', role: 'admin' }, /role must be one of investigator/],
    ['no role', { sub: 'u-1' }, /role must be one of/],
    [
      'an investigator without a directorate',
      { sub: 'u-1', role: 'investigator' },
      /must name their directorate/,
    ],
    [
      'an unknown directorate',
      { ...investigator, directorate: 'atlantis' },
      /directorate must be one of ljubljana/,
    ],
    [
      'a directorate that is not a string',
      { ...investigator, directorate: 7 },
      /directorate must be one of/,
    ],
    ['a subject with a space', { ...investigator, sub: 'u 1042' }, /subject \(sub\)/],
    ['an empty subject', { ...investigator, sub: '' }, /subject \(sub\)/],
    ['a subject of 129 characters', { ...investigator, sub: 'u'.repeat(129) }, /subject \(sub\)/],
  ])('refuses a token with %s, saying so', async (_, claims, message) => {
    await expect(verifier.verify(await sign(claims))).rejects.toMatchObject(invalid(message));
  });

  it('answers AuthenticationError instances, which the HTTP layer maps to 401', async () => {
    await expect(verifier.verify('abc')).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('TokenVerifier with a public key', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rsaConfig = loadAuthConfig({ AUTH_PUBLIC_KEY: pemOf(rsa.publicKey) });
  const ecConfig = loadAuthConfig({
    AUTH_PUBLIC_KEY: pemOf(ec.publicKey),
    AUTH_JWT_ALGORITHMS: 'ES256',
  });

  it('accepts an RS256 token signed with the private key', async () => {
    expect(rsaConfig.algorithms).toEqual(['RS256']);
    const token = await sign(investigator, {
      alg: 'RS256',
      key: rsa.privateKey,
      config: rsaConfig,
    });
    await expect(new TokenVerifier(rsaConfig).verify(token)).resolves.toEqual({
      id: 'u-1042',
      role: 'investigator',
      directorate: 'novo-mesto',
    });
  });

  it('accepts an ES256 token signed with the private key', async () => {
    const token = await sign(investigator, { alg: 'ES256', key: ec.privateKey, config: ecConfig });
    await expect(new TokenVerifier(ecConfig).verify(token)).resolves.toMatchObject({
      id: 'u-1042',
    });
  });

  it('refuses a token signed with another private key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = await sign(investigator, {
      alg: 'RS256',
      key: other.privateKey,
      config: rsaConfig,
    });
    await expect(new TokenVerifier(rsaConfig).verify(token)).rejects.toMatchObject(invalid());
  });

  // Algorithm confusion: the public key is public, so if the verifier let the token's header
  // pick HS256, anyone could sign with the PEM text as the HMAC secret.
  it.each([
    ['the exported PEM', pemOf(rsa.publicKey)],
    ['the configured PEM', rsaConfig.key.kind === 'public-key' ? rsaConfig.key.pem : ''],
  ])('refuses an HS256 token whose secret is %s', async (_, pem) => {
    expect(pem).toContain('-----BEGIN PUBLIC KEY-----');
    const token = await sign(investigator, {
      alg: 'HS256',
      key: new TextEncoder().encode(pem),
      config: rsaConfig,
    });
    await expect(new TokenVerifier(rsaConfig).verify(token)).rejects.toMatchObject(invalid());
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const payload = {
      ...investigator,
      iss: rsaConfig.issuer,
      aud: rsaConfig.audience,
      exp: now() + 300,
    };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    await expect(new TokenVerifier(rsaConfig).verify(unsigned)).rejects.toMatchObject(invalid());
  });

  // The token's header names the algorithm; a caller must not be able to turn a forged
  // token into a 503 (KeySourceUnavailableError) by naming an allowed algorithm of another
  // key type than the configured key.
  it('refuses, as invalid, a token whose algorithm does not fit the key type', async () => {
    const config = loadAuthConfig({
      AUTH_PUBLIC_KEY: pemOf(ec.publicKey),
      AUTH_JWT_ALGORITHMS: 'ES256,RS256',
    });
    const forged = await sign(investigator, { alg: 'RS256', key: rsa.privateKey, config });
    await expect(new TokenVerifier(config).verify(forged)).rejects.toMatchObject(invalid());
  });
});

describe('issueLocalToken', () => {
  it('issues only with a shared secret', async () => {
    const rsaConfig = loadAuthConfig({
      AUTH_PUBLIC_KEY: pemOf(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey),
    });
    await expect(
      issueLocalToken(rsaConfig, { role: 'supervisor', subject: 'u-1', ttlSeconds: 60 }),
    ).rejects.toThrow(/only with a shared secret/);
  });

  it.each<[string, { role: Role; directorate?: string; subject: string }, RegExp]>([
    [
      'an investigator without a directorate',
      { role: 'investigator', subject: 'u-1' },
      /must name their directorate/,
    ],
    [
      'an unknown directorate',
      { role: 'investigator', directorate: 'atlantis', subject: 'u-1' },
      /directorate must be one of/,
    ],
    ['an unknown role', { role: 'admin' as Role, subject: 'u-1' }, /role must be one of/],
    ['a subject with a space', { role: 'auditor', subject: 'u 1' }, /subject \(sub\)/],
  ])('refuses to issue a token for %s', async (_, request, message) => {
    await expect(issueLocalToken(secretConfig, { ...request, ttlSeconds: 60 })).rejects.toThrow(
      message,
    );
  });
});
