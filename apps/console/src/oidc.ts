import type { Session } from './sign-in';

/** The identity provider the API trusts, as GET /console/settings names it. */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

interface Pending {
  readonly verifier: string;
  readonly state: string;
  readonly tokenEndpoint: string;
}

// Only what the way back needs: never a token. The tab's session storage, gone with the tab.
const PENDING = 'console.oidc.pending';
const redirectUri = () => `${location.origin}/console/`;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = (size: number) => base64url(crypto.getRandomValues(new Uint8Array(size)));

/**
 * Goes to the identity provider to sign in: authorization code with PKCE (RFC 7636), as a
 * public client, which has no secret to keep.
 */
export async function signInAt(settings: OidcSettings): Promise<void> {
  const discovery = (await (
    await fetch(`${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)
  ).json()) as { authorization_endpoint: string; token_endpoint: string };
  const verifier = random(48);
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const pending: Pending = { verifier, state: random(16), tokenEndpoint: discovery.token_endpoint };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  location.assign(
    `${discovery.authorization_endpoint}?${new URLSearchParams({
      response_type: 'code',
      client_id: settings.clientId,
      redirect_uri: redirectUri(),
      scope: settings.scope,
      state: pending.state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })}`,
  );
}

/**
 * Back from the identity provider with a code: exchanges it for the access token, which stays
 * in memory. Null when the page was not opened on the way back.
 */
export async function signedInFromProvider(settings: OidcSettings): Promise<Session | null> {
  const back = new URLSearchParams(location.search);
  const code = back.get('code');
  const error = back.get('error');
  if (!code && !error) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING);
  // The code is used once: it leaves the address bar and the history.
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
  if (error) throw new Error(`${error}: ${back.get('error_description') ?? ''}`);
  if (!pending || back.get('state') !== pending.state) {
    throw new Error('The answer from the identity provider is not for this sign-in.');
  }
  const answer = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code!,
      redirect_uri: redirectUri(),
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const tokens = (await answer.json()) as { access_token?: string; error?: string };
  if (!answer.ok || !tokens.access_token) {
    throw new Error(`The identity provider gave no token (${tokens.error ?? answer.status}).`);
  }
  return sessionOf(tokens.access_token);
}

/** Who the token says the user is; the API verifies it on every request, not the console. */
export function sessionOf(token: string): Session {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(atob(payload)) as { role?: string; directorate?: string };
  return { token, role: claims.role ?? '', directorate: claims.directorate ?? null };
}
