import { http, useSystem } from '../harness/system';

/** The README's budget for the JavaScript the console sends (uncompressed). */
const JAVASCRIPT_BUDGET_BYTES = 60 * 1024;

describe('the console as the API serves it', () => {
  describe('on a local run', () => {
    const sut = useSystem({ CONSOLE_LOCAL_SIGN_IN: 'true' });

    it('serves its pages at /console/, under the JavaScript budget, with the security headers', async () => {
      const page = await fetch(`${sut.system.baseUrl}/console/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      const html = await page.text();
      const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts).toHaveLength(1);
      let bytes = 0;
      for (const src of scripts) {
        const script = await fetch(`${sut.system.baseUrl}${src}`);
        expect(script.status).toBe(200);
        bytes += (await script.arrayBuffer()).byteLength;
      }
      expect(bytes).toBeGreaterThan(1000);
      expect(bytes).toBeLessThanOrEqual(JAVASCRIPT_BUDGET_BYTES);
    });

    it('signs in as any role, with a token the API takes, and refuses claims it would not', async () => {
      const signedIn = await http<{ token: string; subject: string }>(
        sut.system.baseUrl,
        'POST',
        '/console/sign-in',
        { json: { role: 'investigator', directorate: 'koper' }, token: null },
      );
      expect(signedIn.status).toBe(201);
      expect(signedIn.body.subject).toBe('console-investigator-koper');
      const board = await http(sut.system.baseUrl, 'GET', '/custody-board?directorate=koper', {
        token: signedIn.body.token,
      });
      expect(board.status).toBe(200);
      const elsewhere = await http(sut.system.baseUrl, 'GET', '/custody-board?directorate=celje', {
        token: signedIn.body.token,
      });
      expect(elsewhere.status).toBe(403);

      const unbound = await http(sut.system.baseUrl, 'POST', '/console/sign-in', {
        json: { role: 'investigator' },
        token: null,
      });
      expect(unbound.status).toBe(422);
      expect(unbound.body).toMatchObject({ code: 'CONSOLE.INVALID_SIGN_IN' });
      const unknown = await http(sut.system.baseUrl, 'POST', '/console/sign-in', {
        json: { role: 'superuser' },
        token: null,
      });
      expect(unknown.status).toBe(400);
    });
  });

  describe('anywhere else', () => {
    const sut = useSystem();

    it('offers no local sign-in', async () => {
      const answer = await http(sut.system.baseUrl, 'POST', '/console/sign-in', {
        json: { role: 'supervisor' },
        token: null,
      });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'CONSOLE.LOCAL_SIGN_IN_OFF' });
    });
  });
});
