import { KeySourceUnavailableError, TokenVerifier } from '@app/auth';
import { AuthConfig, loadAuthConfig } from '@app/platform';
import { KeyLike, SignJWT, exportJWK } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

const KID = 'idp-signing-2024-03';
const claims = { sub: 'u-1042', role: 'investigator', directorate: 'novo-mesto' };

function sign(config: AuthConfig, key: KeyLike, kid: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}

function jwksConfig(url: string): AuthConfig {
  return loadAuthConfig({ AUTH_JWKS_URL: url, AUTH_JWT_ALGORITHMS: 'ES256' });
}

describe('TokenVerifier with a remote JWKS', () => {
  const signing = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let server: Server;
  let baseUrl: string;
  let jwksRequests = 0;

  beforeAll(async () => {
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(signing.publicKey)), kid: KID, alg: 'ES256', use: 'sig' }],
    });
    server = createServer((req, res) => {
      if (req.url === '/.well-known/jwks.json') {
        jwksRequests += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
      } else if (req.url === '/broken') {
        res.writeHead(500).end('identity provider is down');
      }
      // Any other path never answers, like an identity provider that hangs.
    });
    baseUrl = await listen(server);
  });

  afterAll(async () => {
    await close(server);
  });

  it('accepts a token signed with the published key', async () => {
    const config = jwksConfig(`${baseUrl}/.well-known/jwks.json`);
    const before = jwksRequests;
    await expect(
      new TokenVerifier(config).verify(await sign(config, signing.privateKey, KID)),
    ).resolves.toEqual({ id: 'u-1042', role: 'investigator', directorate: 'novo-mesto' });
    expect(jwksRequests).toBe(before + 1);
  });

  it('refuses a token whose key id the identity provider does not publish', async () => {
    const config = jwksConfig(`${baseUrl}/.well-known/jwks.json`);
    const token = await sign(config, stranger.privateKey, 'not-published');
    await expect(new TokenVerifier(config).verify(token)).rejects.toMatchObject({
      name: 'AuthenticationError',
      code: 'AUTH.TOKEN_INVALID',
    });
  });

  it('refuses a token that names the published key id but was signed with another key', async () => {
    const config = jwksConfig(`${baseUrl}/.well-known/jwks.json`);
    const token = await sign(config, stranger.privateKey, KID);
    await expect(new TokenVerifier(config).verify(token)).rejects.toMatchObject({
      name: 'AuthenticationError',
      code: 'AUTH.TOKEN_INVALID',
    });
  });

  // The caller's token may be fine: an outage of the identity provider is a 503, not a 401.
  it('reports an unreachable identity provider as unavailable keys', async () => {
    const gone = createServer();
    const goneUrl = await listen(gone);
    await close(gone);
    const config = jwksConfig(`${goneUrl}/.well-known/jwks.json`);
    const token = await sign(config, signing.privateKey, KID);
    await expect(new TokenVerifier(config).verify(token)).rejects.toBeInstanceOf(
      KeySourceUnavailableError,
    );
  });

  it('reports an identity provider that answers with an error as unavailable keys', async () => {
    const config = jwksConfig(`${baseUrl}/broken`);
    const token = await sign(config, signing.privateKey, KID);
    await expect(new TokenVerifier(config).verify(token)).rejects.toBeInstanceOf(
      KeySourceUnavailableError,
    );
  });

  it('reports an identity provider that does not answer as unavailable keys', async () => {
    const config = jwksConfig(`${baseUrl}/hangs`);
    const token = await sign(config, signing.privateKey, KID);
    await expect(new TokenVerifier(config).verify(token)).rejects.toBeInstanceOf(
      KeySourceUnavailableError,
    );
  });
});
