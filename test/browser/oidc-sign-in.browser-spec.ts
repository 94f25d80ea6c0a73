import { freePort } from '@app/local-infra';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { launchChromium } from '../harness/browser';
import { http, useSystem } from '../harness/system';

/**
 * The console signs in at the identity provider the API trusts: a real OpenID Connect provider
 * (oidc-provider, test/harness/identity-provider.mjs), authorization code with PKCE, its access
 * tokens verified by the API against the provider's keys. No local secret, no local sign-in.
 */
describe('the console signing in at an OpenID Connect provider', () => {
  // Filled before useSystem's beforeAll reads it: the provider's address is chosen first.
  const env: Record<string, string> = {};
  let issuer: string;
  let provider: ChildProcess | undefined;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    issuer = `http://127.0.0.1:${await freePort()}`;
    Object.assign(env, {
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: 'smuggling-cases-api',
      CONSOLE_OIDC_ISSUER: issuer,
      CONSOLE_OIDC_CLIENT_ID: 'console',
    });
  });
  const sut = useSystem(env);
  beforeAll(async () => {
    // The console's address is known once the API listens: the provider registers it then.
    provider = spawn(
      process.execPath,
      [
        join(__dirname, '..', 'harness', 'identity-provider.mjs'),
        new URL(issuer).port,
        `${sut.system.baseUrl}/console/`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [line] = (await once(provider.stdout!, 'data')) as [Buffer];
    expect(line.toString().trim()).toBe('ready');
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    provider?.kill();
  });

  it('signs in with authorization code and PKCE, and the API takes the provider’s token', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${sut.system.baseUrl}/console/`);
    const provider = page.getByRole('button', { name: 'Prijava z enotno identiteto' });
    await provider.waitFor();
    await expect(page.getByLabel('Vloga').count()).resolves.toBe(0);
    await provider.click();

    // At the provider: its own page, on its own address.
    await page.getByLabel('Account').fill('investigator:koper');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Back in the console, signed in as the token says, the code gone from the address.
    await page.getByRole('navigation').waitFor();
    await expect(page.locator('.who').textContent()).resolves.toBe('investigator · koper');
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('status').filter({ hasText: 'v živo' }).waitFor();
    await page.getByRole('link', { name: 'Zadeve' }).click();
    await page.locator('[data-totals]').waitFor();

    // Signing out ends the provider's session too: the next sign-in asks who it is again.
    await page.getByRole('button', { name: 'Odjava' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await provider.click();
    await page.getByLabel('Account').waitFor();
  });

  it('refuses a way back that is not its own sign-in, and offers no local sign-in', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${sut.system.baseUrl}/console/?code=stolen&state=forged`);
    await page.getByRole('alert').filter({ hasText: 'not for this sign-in' }).waitFor();
    // Nor does the address put words of its own on the page.
    await page.goto(
      `${sut.system.baseUrl}/console/?error=x&error_description=Call%20this%20number`,
    );
    await page.getByRole('alert').filter({ hasText: 'not for this sign-in' }).waitFor();
    await expect(page.getByText('Call this number').count()).resolves.toBe(0);
    expect(new URL(page.url()).search).toBe('');
    await expect(page.getByRole('navigation').count()).resolves.toBe(0);

    const local = await http(sut.system.baseUrl, 'POST', '/console/sign-in', {
      json: { role: 'supervisor' },
      token: null,
    });
    expect(local.status).toBe(404);
    const served = await fetch(`${sut.system.baseUrl}/console/`);
    expect(served.headers.get('content-security-policy')).toContain(`connect-src 'self' ${issuer}`);
  });
});
