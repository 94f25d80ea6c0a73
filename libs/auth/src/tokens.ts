import { AuthConfig } from '@app/platform';
import {
  JWTPayload,
  JWTVerifyGetKey,
  KeyLike,
  SignJWT,
  createRemoteJWKSet,
  errors,
  importSPKI,
  jwtVerify,
} from 'jose';
import { AuthenticationCode } from './auth-refusals';
import { Actor, Role, actorFromClaims } from './roles';

/** The token cannot be trusted: the caller is not authenticated (401). */
export class AuthenticationError extends Error {
  constructor(
    readonly code: AuthenticationCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** The identity provider's keys could not be fetched: not the caller's fault (503). */
export class KeySourceUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The identity provider keys are unavailable.', { cause });
    this.name = 'KeySourceUnavailableError';
  }
}

/**
 * Verifies bearer tokens with jose: signature, algorithm (from configuration only, so
 * neither `none` nor an HS256 token signed with a public key passes), expiry, issuer and
 * audience; then the claims this service needs.
 */
export class TokenVerifier {
  private key: Promise<Uint8Array | KeyLike | JWTVerifyGetKey> | undefined;

  constructor(private readonly config: AuthConfig) {}

  async verify(token: string): Promise<Actor> {
    let payload: JWTPayload;
    try {
      payload = (
        await jwtVerify(token, (await this.resolveKey()) as Uint8Array, {
          algorithms: this.config.algorithms,
          issuer: this.config.issuer,
          audience: this.config.audience,
          clockTolerance: this.config.clockToleranceSeconds,
          requiredClaims: ['sub', 'exp'],
        })
      ).payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new AuthenticationError('AUTH.TOKEN_EXPIRED', 'The token has expired.');
      }
      if (error instanceof KeySourceUnavailableError) throw error;
      throw new AuthenticationError('AUTH.TOKEN_INVALID', 'The token is not valid.');
    }
    const actor = actorFromClaims(payload);
    if (typeof actor === 'string') throw new AuthenticationError('AUTH.TOKEN_INVALID', actor);
    return actor;
  }

  private resolveKey() {
    const { key, algorithms } = this.config;
    this.key ??=
      key.kind === 'secret'
        ? Promise.resolve(new Uint8Array(key.secret))
        : key.kind === 'public-key'
          ? importSPKI(key.pem, algorithms[0])
          : Promise.resolve(remoteKeySet(key.url));
    return this.key;
  }
}

/**
 * The identity provider's published keys. A failure to fetch them is an outage (503), told
 * apart here, where only fetching can fail: a token that merely does not fit the keys must
 * stay a 401, or anyone could make the API look down.
 */
function remoteKeySet(url: string): JWTVerifyGetKey {
  const keySet = createRemoteJWKSet(new URL(url), { timeoutDuration: 3000 });
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      const systemCode = (error as { code?: unknown }).code;
      const unreachable =
        error instanceof errors.JWKSTimeout ||
        error instanceof errors.JWKSInvalid ||
        // A non-200 answer from the identity provider.
        (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC') ||
        // jose fetches with node:http: ECONNREFUSED, ENOTFOUND, ECONNRESET...
        (typeof systemCode === 'string' && /^E[A-Z]+$/.test(systemCode));
      throw unreachable ? new KeySourceUnavailableError(error) : error;
    }
  };
}

export interface TokenRequest {
  readonly role: Role;
  readonly directorate?: string;
  readonly subject: string;
  readonly ttlSeconds: number;
}

/** Signs a token with the shared secret: for local runs and tests, never for production. */
export async function issueLocalToken(config: AuthConfig, request: TokenRequest): Promise<string> {
  if (config.key.kind !== 'secret') {
    throw new Error('tokens can be issued only with a shared secret (AUTH_JWT_SECRET)');
  }
  const claims = {
    role: request.role,
    ...(request.directorate ? { directorate: request.directorate } : {}),
  };
  // Never sign what the verifier would refuse.
  const actor = actorFromClaims({ ...claims, sub: request.subject });
  if (typeof actor === 'string') throw new Error(actor);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + request.ttlSeconds)
    .sign(new Uint8Array(config.key.secret));
}
