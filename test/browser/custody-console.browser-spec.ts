import { BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshot, signedIn } from '../harness/browser';
import { validBody } from '../harness/routes';
import { http, useSystem } from '../harness/system';
import { testToken } from '../harness/test-env';

const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
/** An instant as the console's time fields take it: Ljubljana's wall clock, to the minute. */
const ljubljanaWallTime = (iso: string) =>
  new Date(iso)
    .toLocaleString('sv-SE', { timeZone: 'Europe/Ljubljana' })
    .replace(' ', 'T')
    .slice(0, 16);

/**
 * The console in a real Chromium against the real stack: a liaison officer's board updates
 * without a reload when an investigator records a step; a Koper investigator sees no Novo mesto
 * custody in the console either.
 */
describe('the console in a browser', () => {
  const sut = useSystem({ CONSOLE_LOCAL_SIGN_IN: 'true', CUSTODY_DESK_TICK_MS: '100' });
  let chromium: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  const signIn = async (role: string, directorate?: string): Promise<Page> => {
    const page = await signedIn(chromium.context, sut.system.baseUrl, role, directorate);
    await page.getByRole('status').filter({ hasText: 'v živo' }).waitFor();
    return page;
  };
  const post = async (path: string, json: object) => {
    const answer = await http(sut.system.baseUrl, 'POST', path, { json });
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status}`);
    return answer.body as { caseId: string; persons?: { personId: string }[] };
  };
  const arrestIn = async (directorate: string, hoursAgo: number) => {
    const { caseId } = await post(
      '/cases',
      validBody(
        'POST /cases',
        {},
        {
          directorate,
          openedAt: ago(hoursAgo + 1),
          summary: 'Van stopped at the border.',
        },
      ),
    );
    const arrest = await post(
      `/cases/${caseId}/arrests`,
      validBody('POST /cases/:caseId/arrests', {}, { occurredAt: ago(hoursAgo) }),
    );
    return { caseId, personId: arrest.persons![0].personId };
  };

  it("updates a liaison officer's open board without a reload when an investigator records an arrest", async () => {
    const signInPage = await chromium.context.newPage();
    await signInPage.goto(`${sut.system.baseUrl}/console/`);
    await signInPage.getByRole('button', { name: 'Prijava' }).waitFor();
    await screenshot(signInPage, 'sign-in');
    await signInPage.close();
    const liaison = await signIn('prosecutor-liaison');
    await liaison.getByText('Nihče ni pridržan v tem oknu.').waitFor();
    const navigations: string[] = [];
    liaison.on('framenavigated', (frame) => navigations.push(frame.url()));

    // The investigator records, in the console, an arrest of 44 h ago with no written decision:
    // overdue, and custody ends in 4 h.
    const { caseId } = await post('/cases', validBody('POST /cases', {}, { openedAt: ago(45) }));
    const investigator = await signedIn(
      chromium.context,
      sut.system.baseUrl,
      'investigator',
      'novo-mesto',
    );
    await investigator.goto(`${sut.system.baseUrl}/console/#/cases/${caseId}`);
    await investigator.getByLabel('Kaj').selectOption({ label: 'Prijetje osumljenca' });
    const arrest = investigator.getByRole('form', { name: 'Prijetje osumljenca' });
    await arrest.getByLabel('Kdaj (ljubljanski čas) *').fill(ljubljanaWallTime(ago(44)));
    await arrest.getByLabel('Državljanstvo (ISO koda) *').fill('RS');
    await arrest.getByLabel('Kraj *').fill('Obrežje');
    await arrest.getByRole('button', { name: '+ Osebni podatki' }).click();
    await arrest.getByLabel('Ime', { exact: true }).fill('Marko');
    await arrest.getByLabel('Priimek').fill('Horvat');
    await arrest.getByRole('button', { name: 'Zapiši: Prijetje osumljenca' }).click();
    await arrest.getByRole('status').filter({ hasText: 'Zapisano.' }).waitFor();

    const row = liaison.locator('tbody tr');
    await row.waitFor();
    await expect(row.getAttribute('class')).resolves.toBe('overdue');
    await expect(row.locator('td[data-next-action]').textContent()).resolves.toMatch(
      /^zamuda od .+: izdati pisno odločbo o pridržanju$/,
    );
    expect(navigations).toEqual([]);
    // Its written decision is long overdue: the officer is alerted, not only shown a row.
    await liaison.getByRole('alert').filter({ hasText: 'Rok se izteka ali je potekel' }).waitFor();
    await screenshot(liaison, 'board');

    // Names only with a reason, which the API logs.
    const reason = 'Priprava na zaslišanje pri preiskovalnem sodniku.';
    await liaison.getByRole('button', { name: 'Pokaži imena' }).click();
    await liaison.getByLabel('Zakaj potrebujete osebne podatke?').fill(reason);
    await liaison.getByRole('button', { name: 'Pokaži', exact: true }).click();
    await row.locator('td[data-name]', { hasText: 'Marko Horvat' }).waitFor();
    const log = await http<{ items: { justification: string | null; purpose: string }[] }>(
      sut.system.baseUrl,
      'GET',
      '/audit/consultations?limit=200',
      { token: await testToken('auditor') },
    );
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ justification: reason, purpose: 'GET /custody-board/stream' }),
    );

    await liaison.getByRole('button', { name: 'English' }).click();
    await liaison.getByRole('heading', { name: 'Custody board' }).waitFor();
    await expect(row.locator('td[data-next-action]').textContent()).resolves.toMatch(
      /^overdue since .+: issue the written detention decision$/,
    );
    await expect(liaison.locator('html').getAttribute('lang')).resolves.toBe('en');

    // Narrowed to Koper, the Novo mesto arrest leaves the board.
    await liaison.getByLabel('Police directorate').selectOption('koper');
    await row.waitFor({ state: 'detached' });
  });

  it('shows a Koper investigator no Novo mesto case or custody in the console either', async () => {
    const novoMesto = await arrestIn('novo-mesto', 45);
    const koper = await arrestIn('koper', 45);
    const investigator = await signIn('investigator', 'koper');
    await investigator.locator(`tr[data-person="${koper.personId}"]`).waitFor();
    await expect(
      investigator.locator(`tr[data-person="${novoMesto.personId}"]`).count(),
    ).resolves.toBe(0);
    await expect(investigator.locator('tbody tr').count()).resolves.toBe(1);

    // Their caseload holds Koper's case alone, Novo mesto's, asked for by its address, is not there for them.
    await investigator.getByRole('link', { name: 'Zadeve' }).click();
    await investigator.locator(`tr[data-case="${koper.caseId}"]`).waitFor();
    await expect(investigator.locator('tr[data-case]').count()).resolves.toBe(1);
    await investigator.evaluate(`location.hash = '#/cases/${novoMesto.caseId}'`);
    await investigator.getByRole('alert').filter({ hasText: 'CASE.NOT_FOUND' }).waitFor();
    await expect(investigator.getByRole('heading', { name: 'Van stopped' }).count()).resolves.toBe(
      0,
    );
  });
});
