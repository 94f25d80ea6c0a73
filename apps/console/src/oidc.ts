import type { components } from './contract/openapi';
import type { Session } from './session';

/** The identity provider the API trusts, as GET /console/settings names it. */
export type OidcSettings = components['schemas']['ConsoleOidcDto'];

interface Discovery {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly end_session_endpoint?: string;
}

interface Pending {
  readonly verifier: string;
  readonly state: string;
  readonly tokenEndpoint: string;
  readonly endSessionEndpoint: string | null;
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
 * The provider's own description of itself. It must be the issuer the API trusts, and its token
 * endpoint on the issuer's origin: the only one the page's CSP lets the console reach.
 */
async function discovered(settings: OidcSettings): Promise<Discovery> {
  const issuer = settings.issuer.replace(/\/$/, '');
  const found = (await (
    await fetch(`${issuer}/.well-known/openid-configuration`)
  ).json()) as Discovery;
  if (found.issuer.replace(/\/$/, '') !== issuer) {
    throw new Error(`The identity provider says it is ${found.issuer}, not ${settings.issuer}.`);
  }
  if (new URL(found.token_endpoint).origin !== new URL(issuer).origin) {
    throw new Error(`The token endpoint ${found.token_endpoint} is not on the issuer's origin.`);
  }
  return found;
}

/**
 * Goes to the identity provider to sign in: authorization code with PKCE (RFC 7636), as a
 * public client, which has no secret to keep.
 */
export async function signInAt(settings: OidcSettings): Promise<void> {
  const discovery = await discovered(settings);
  const verifier = random(48);
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const pending: Pending = {
    verifier,
    state: random(16),
    tokenEndpoint: discovery.token_endpoint,
    endSessionEndpoint: discovery.end_session_endpoint ?? null,
  };
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
 * Back from the identity provider: exchanges the code for the access token, which stays in
 * memory. Null when the page was not opened on the way back.
 */
export async function signedInFromProvider(settings: OidcSettings): Promise<Session | null> {
  const back = new URLSearchParams(location.search);
  if (!back.has('code') && !back.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING);
  // The code is used once: it leaves the address bar and the history.
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
  // Nothing the address says is shown or used unless it answers this tab's own sign-in.
  if (!pending || back.get('state') !== pending.state) {
    throw new Error('The answer from the identity provider is not for this sign-in.');
  }
  if (back.has('error')) {
    throw new Error(`The identity provider refused: ${back.get('error')}.`);
  }
  const answer = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: back.get('code')!,
      redirect_uri: redirectUri(),
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const tokens = (await answer.json()) as {
    access_token?: string;
    id_token?: string;
    error?: string;
  };
  if (!answer.ok || !tokens.access_token) {
    throw new Error(`The identity provider gave no token (${tokens.error ?? answer.status}).`);
  }
  // Signing out ends the provider's session too: on a shared desk, the next officer signs in
  // as themselves, not as whoever the provider still remembers.
  const signOutAt =
    pending.endSessionEndpoint && tokens.id_token
      ? `${pending.endSessionEndpoint}?${new URLSearchParams({
          id_token_hint: tokens.id_token,
          post_logout_redirect_uri: redirectUri(),
          client_id: settings.clientId,
        })}`
      : null;
  return { ...sessionOf(tokens.access_token), signOutAt };
}

/** Who the token says the user is; the API verifies it on every request, not the console. */
export function sessionOf(token: string): Session {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(atob(payload)) as { role?: string; directorate?: string };
  return {
    token,
    role: claims.role ?? '',
    directorate: claims.directorate ?? null,
    signOutAt: null,
  };
}
