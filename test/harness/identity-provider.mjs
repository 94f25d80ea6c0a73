// Minimal OpenID Connect provider for browser tests (oidc-provider 9.x).
// Usage: node identity-provider.mjs <port> <redirectUri>   -> prints "ready" on stdout.
// Sign-in takes no password: the "Account" typed into the form is the account id,
// formatted role:directorate (e.g. investigator:koper, supervisor). Consent is implicit.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
if (!port || !redirectUri) {
  console.error('usage: node identity-provider.mjs <port> <redirectUri>');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;
const RESOURCE = 'urn:smuggling-cases-api'; // resource indicator (must be an absolute URI)
const AUDIENCE = 'smuggling-cases-api';

// Fresh RS256 signing key per run, published at <issuer>/jwks.
const signingKey = {
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid: 'test-rs256',
  alg: 'RS256',
  use: 'sig',
};

// Tiny in-memory adapter: passing our own (instead of the built-in default) avoids
// oidc-provider's "development-only in-memory adapter" warning. Nothing expires; fine for tests.
const store = new Map();
class MemoryAdapter {
  constructor(model) {
    this.model = model;
  }
  async upsert(id, payload) {
    store.set(`${this.model}:${id}`, payload);
    if (this.model === 'Session') store.set(`${this.model}:uid:${payload.uid}`, id);
  }
  async find(id) {
    return store.get(`${this.model}:${id}`);
  }
  async findByUid(uid) {
    return this.find(store.get(`${this.model}:uid:${uid}`));
  }
  async findByUserCode() {
    return undefined;
  }
  async consume(id) {
    const p = await this.find(id);
    if (p) p.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id) {
    store.delete(`${this.model}:${id}`);
  }
  async revokeByGrantId() {}
}

const provider = new Provider(issuer, {
  adapter: MemoryAdapter,
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] }, // signed cookies; not "secure", so http works
  clients: [
    {
      client_id: 'console',
      application_type: 'web', // web clients may register http redirect URIs (code flow)
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true }, // oidc-provider 9 only supports S256
  findAccount: (ctx, accountId) => ({ accountId, claims: () => ({ sub: accountId }) }),
  extraTokenClaims: (ctx, token) => {
    const [role, directorate] = String(token.accountId ?? '').split(':');
    return { role, directorate: directorate || undefined };
  },
  features: {
    devInteractions: { enabled: false },
    // Signing out of the console ends the session here too, after a plain confirmation page.
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: (ctx, form) => {
        ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title></head>
<body>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button></body></html>`;
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => RESOURCE, // audience applies without the client sending `resource`
      useGrantedResource: () => true, // ...also at the token endpoint
      getResourceServerInfo: () => ({
        audience: AUDIENCE,
        scope: 'openid',
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // Lets the console (the redirect URI's origin) call the token endpoint with fetch.
  clientBasedCORS: (ctx, origin, client) =>
    client.redirectUris.some((uri) => new URL(uri).origin === origin),
  // Explicit lifetimes (seconds); the defaults print "you SHOULD change" notices on stdout.
  ttl: {
    AccessToken: 3600,
    AuthorizationCode: 60,
    IdToken: 3600,
    Interaction: 3600,
    Session: 86400,
    Grant: 86400,
  },
});

const readForm = async (req) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
};

const loginPage = (uid) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Sign in</title></head>
<body><form method="post" action="/interaction/${uid}/login">
<label for="login">Account</label> <input id="login" name="login" type="text" autofocus>
<button type="submit">Sign in</button>
</form></body></html>`;

const oidc = provider.callback();
const server = createServer(async (req, res) => {
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return oidc(req, res);
  try {
    const details = await provider.interactionDetails(req, res); // checks the interaction cookie
    if (!match[2] && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      return res.end(loginPage(details.uid));
    }
    if (match[2] && req.method === 'POST') {
      const accountId = (await readForm(req)).get('login')?.trim();
      if (!accountId) {
        res.writeHead(303, { location: `/interaction/${details.uid}` });
        return res.end();
      }
      // Grant consent right away: openid scope plus the same scope on the API resource.
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      grant.addResourceScope(RESOURCE, details.params.scope);
      const grantId = await grant.save();
      return await provider.interactionFinished(
        req,
        res,
        {
          login: { accountId },
          consent: { grantId },
        },
        { mergeWithLastSubmission: false },
      );
    }
    res.writeHead(405);
    res.end();
  } catch (err) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(`interaction error: ${err.message}`);
  }
});

server.listen(Number(port), '127.0.0.1', () => console.log('ready'));
