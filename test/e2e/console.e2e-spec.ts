import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CASE_COMMANDS,
  NEW_RECORDS,
  PERSON_COMMANDS,
  PROCEDURE_COMMANDS,
  TIMELINE_COMMANDS,
} from '../../apps/console/src/contract/commands';
import { http, useSystem } from '../harness/system';

/**
 * The README's budgets for the JavaScript the console sends (uncompressed): the first load (the
 * sign-in and the board), and the whole console with every page's own code fetched when opened.
 */
const FIRST_LOAD_BUDGET_BYTES = 60 * 1024;
const WHOLE_CONSOLE_BUDGET_BYTES = 150 * 1024;

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
      const entry = await fetch(`${sut.system.baseUrl}${scripts[0]}`);
      expect(entry.status).toBe(200);
      const code = await entry.text();
      const firstLoad = Buffer.byteLength(code);
      expect(firstLoad).toBeGreaterThan(1000);
      expect(firstLoad).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);

      // The pages' own code, which the entry fetches when a page is first opened.
      const chunks = [...new Set(code.match(/assets\/[\w-]+\.js/g) ?? [])].sort();
      // Every script built is one the entry may fetch, and so counted here.
      const built = readdirSync(join(__dirname, '..', '..', 'dist', 'console', 'assets'))
        .filter((file) => file.endsWith('.js') && !scripts[0].endsWith(file))
        .map((file) => `assets/${file}`)
        .sort();
      expect(chunks).toEqual(built);
      let whole = firstLoad;
      for (const chunk of chunks) {
        const script = await fetch(`${sut.system.baseUrl}/console/${chunk}`);
        expect(script.status).toBe(200);
        whole += (await script.arrayBuffer()).byteLength;
      }
      expect(whole).toBeLessThanOrEqual(WHOLE_CONSOLE_BUDGET_BYTES);
    });

    it('offers a form for every command an investigator or border officer sends', async () => {
      const contract = await http<{
        paths: Record<string, { post?: { 'x-permission'?: string } }>;
      }>(sut.system.baseUrl, 'GET', '/docs-json');
      const writes = Object.entries(contract.body.paths)
        .filter(([, ops]) =>
          ['case.write', 'procedure.write'].includes(ops.post?.['x-permission'] ?? ''),
        )
        .map(([path]) => path)
        .sort();
      const offered = [
        ...Object.values(NEW_RECORDS),
        ...CASE_COMMANDS,
        ...PERSON_COMMANDS,
        ...PROCEDURE_COMMANDS,
        ...Object.values(TIMELINE_COMMANDS),
      ]
        .map((command) => command.path)
        .sort();
      expect(writes.length).toBeGreaterThanOrEqual(38);
      expect(offered).toEqual(writes);
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
