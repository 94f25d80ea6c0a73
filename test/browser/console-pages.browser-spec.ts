import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { launchChromium, screenshot, signedIn } from '../harness/browser';
import { http, useSystem } from '../harness/system';

const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  readonly id: string;
  readonly impact: string;
  readonly nodes: string[];
}

/** What axe-core finds serious or critical on the page as it stands. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated by the browser's own protocol, so the console's CSP stays as it is.
  await page.evaluate(AXE);
  // In the page, where `axe` and `document` are (the tests' TypeScript has no DOM).
  const found = await page.evaluate<
    { id: string; impact: string; nodes: { target: string[] }[] }[]
  >('axe.run(document).then((results) => results.violations)');
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * The console's pages, seen by the people they are for: an auditor's history, past state and
 * integrity check; every page checked by axe-core; the investigator's work done by keyboard.
 */
describe("the console's pages", () => {
  const sut = useSystem({ CONSOLE_LOCAL_SIGN_IN: 'true' });
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let caseId: string;
  let kept: string;
  let withdrawn: string;
  let procedureId: string;

  const post = async <T>(path: string, json: object): Promise<T> => {
    const answer = await http<T>(sut.system.baseUrl, 'POST', path, { json });
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status}`);
    return answer.body;
  };
  type Arrested = { persons: { personId: string }[] };
  const arrest = (hoursAgo: number) =>
    post<Arrested>(`/cases/${caseId}/arrests`, {
      occurredAt: ago(hoursAgo),
      nationality: 'RS',
      slovenianCitizen: false,
      place: 'Metlika',
    });

  beforeAll(async () => {
    chromium = await launchChromium();
    ({ caseId } = await post<{ caseId: string }>('/cases', {
      directorate: 'novo-mesto',
      borderSection: 'Metlika',
      offenceParagraph: 3,
      openedAt: ago(5),
      summary: 'Tovornjak ustavljen pri Metliki',
    }));
    kept = (await arrest(4)).persons[0].personId;
    withdrawn = (await arrest(3)).persons[0].personId;
    const timeline = await http<{ entries: { eventId: string; data: { personId?: string } }[] }>(
      sut.system.baseUrl,
      'GET',
      `/cases/${caseId}/timeline`,
    );
    const mistaken = timeline.body.entries.find((e) => e.data.personId === withdrawn)!;
    await post(`/cases/${caseId}/withdrawals`, {
      withdrawnEventId: mistaken.eventId,
      reason: 'The same man as the first arrest.',
    });
    const procedures = await post<{ procedures: { procedureId: string }[] }>('/procedures', {
      occurredAt: ago(2),
      directorate: 'novo-mesto',
      borderSection: 'Metlika',
      cameFrom: 'HR',
      place: 'Metlika, ob Kolpi',
      persons: [{ nationality: 'AF', minor: false }],
    });
    procedureId = procedures.procedures[0].procedureId;
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('lets an auditor open the history, the state as of a moment on the timeline, and the integrity check', async () => {
    const auditor = await signedIn(chromium.context, sut.system.baseUrl, 'auditor');
    await auditor.getByRole('link', { name: 'Revizija' }).click();
    await auditor.getByRole('link', { name: 'Tovornjak ustavljen pri Metliki' }).click();
    const history = auditor.locator('[data-history] tbody tr');
    await history.nth(3).waitFor();
    await expect(history.count()).resolves.toBe(4);
    await expect(
      auditor.locator('[data-history] tr[data-type="case.entry-withdrawn"]').count(),
    ).resolves.toBe(1);

    // Now: one suspect. One step back on the timeline, before the withdrawal: both.
    const state = auditor.locator('section[data-as-of]');
    await state.locator(`tr[data-person="${kept}"]`).waitFor();
    await expect(state.locator('tr[data-person]').count()).resolves.toBe(1);
    const slider = auditor.getByLabel('Časovnica dogodkov');
    await slider.focus();
    await auditor.keyboard.press('ArrowLeft');
    await state.locator(`tr[data-person="${withdrawn}"]`).waitFor();
    await expect(state.locator('tr[data-person]').count()).resolves.toBe(2);
    await screenshot(auditor, 'audit-case');

    await auditor.getByRole('link', { name: 'Nazaj na revizijo' }).click();
    await auditor.getByRole('button', { name: 'Preveri celovitost' }).click();
    await auditor.locator('[data-intact="true"]').waitFor();
    // The auditor's own readings of the past state are in the consultation log.
    await auditor.getByRole('button', { name: 'Filtriraj' }).click();
    await auditor
      .locator('tr[data-seq]', { hasText: '/audit/cases/:caseId/state' })
      .first()
      .waitFor();
    await screenshot(auditor, 'audit');
  });

  it('has no serious or critical accessibility violation on any page (axe-core)', async () => {
    const found: Record<string, Violation[]> = {};
    const check = async (page: Page, name: string) => {
      found[name] = await seriousViolations(page);
    };
    // The check itself finds what it must: an unlabelled field on a page without a language.
    const control = await chromium.context.newPage();
    await control.setContent('<main><input type="text"></main>');
    await expect(seriousViolations(control)).resolves.toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'label', impact: 'critical' })]),
    );

    const anonymous = await chromium.context.newPage();
    await anonymous.goto(`${sut.system.baseUrl}/console/`);
    await anonymous.getByRole('button', { name: 'Prijava' }).waitFor();
    await check(anonymous, 'sign-in');

    const investigator = await signedIn(
      chromium.context,
      sut.system.baseUrl,
      'investigator',
      'novo-mesto',
    );
    await investigator.getByRole('heading', { name: 'Pripori in roki' }).waitFor();
    await check(investigator, 'board');
    await investigator.getByRole('link', { name: 'Zadeve' }).click();
    await investigator.getByRole('form', { name: 'Nova zadeva' }).waitFor();
    await check(investigator, 'caseload');
    await investigator.getByRole('link', { name: 'Tovornjak ustavljen pri Metliki' }).click();
    await investigator.getByLabel('Kaj').selectOption({ label: 'Prijeta skupina migrantov' });
    await investigator.getByRole('button', { name: 'Dodaj: Migranti' }).click();
    await investigator.getByRole('button', { name: '+ Osebni podatki' }).click();
    await investigator.getByRole('button', { name: 'Popravi' }).first().click();
    await investigator.getByRole('form', { name: 'Popravi: Zadeva odprta' }).waitFor();
    await investigator.getByRole('form', { name: 'Prijeta skupina migrantov' }).waitFor();
    await check(investigator, 'case');
    await investigator.getByRole('link', { name: 'Postopki s tujci' }).click();
    await investigator.locator(`tr[data-procedure="${procedureId}"]`).waitFor();
    await check(investigator, 'procedures');
    await investigator.getByRole('link', { name: procedureId.slice(0, 8) }).click();
    await investigator.getByLabel('Kaj').selectOption({ label: 'Napotitev' });
    await investigator.getByRole('form', { name: 'Napotitev' }).waitFor();
    await check(investigator, 'procedure');

    const supervisor = await signedIn(chromium.context, sut.system.baseUrl, 'supervisor');
    await supervisor.getByRole('link', { name: 'Statistika' }).click();
    await supervisor.locator('table[data-figures="headline"]').waitFor({ state: 'attached' });
    await check(supervisor, 'statistics');

    const auditor = await signedIn(chromium.context, sut.system.baseUrl, 'auditor');
    await auditor.getByRole('link', { name: 'Revizija' }).click();
    await auditor.getByRole('button', { name: 'Preveri celovitost' }).click();
    await auditor.locator('[data-intact]').waitFor();
    await check(auditor, 'audit');
    await auditor.getByRole('link', { name: 'Tovornjak ustavljen pri Metliki' }).click();
    await auditor.locator('section[data-as-of] tr[data-person]').first().waitFor();
    await check(auditor, 'audit-case');
    await auditor.locator(`a[href$="${kept}"]`).first().click();
    await auditor
      .getByLabel('Zakaj potrebujete osebne podatke?')
      .fill('Preverjanje zakonitosti pridržanja.');
    await check(auditor, 'audit-person-justification');
    await auditor.getByRole('button', { name: 'Pokaži', exact: true }).click();
    await auditor.locator('[data-history] tbody tr').first().waitFor();
    await check(auditor, 'audit-person');

    await auditor.getByRole('button', { name: 'English' }).click();
    await auditor.getByRole('link', { name: 'Custody' }).click();
    await check(auditor, 'board-en');

    expect(found).toEqual({
      'sign-in': [],
      board: [],
      caseload: [],
      case: [],
      procedures: [],
      procedure: [],
      statistics: [],
      audit: [],
      'audit-case': [],
      'audit-person-justification': [],
      'audit-person': [],
      'board-en': [],
    });
  });

  it('charts statistics whose numbers, one click away, equal GET /statistics', async () => {
    const day = (offset: number) =>
      new Date(Date.now() + offset * 24 * HOUR).toLocaleDateString('sv-SE', {
        timeZone: 'Europe/Ljubljana',
      });
    const [from, to] = [day(-3), day(2)];
    const statistics = await http<Record<string, unknown>>(
      sut.system.baseUrl,
      'GET',
      `/statistics?from=${from}&to=${to}`,
    );
    const supervisor = await signedIn(chromium.context, sut.system.baseUrl, 'supervisor');
    await supervisor.getByRole('link', { name: 'Statistika' }).click();
    await supervisor.getByLabel('Od', { exact: true }).fill(from);
    await supervisor.getByLabel('Do (brez tega dne)').fill(to);
    await supervisor.getByRole('button', { name: 'Prikaži' }).click();
    const headline = supervisor.locator('table[data-figures="headline"]');
    await headline
      .locator(
        `td[data-key="foreigners.apprehended"][data-value="${String(
          (statistics.body.foreigners as { apprehended: number }).apprehended,
        )}"]`,
      )
      .waitFor({ state: 'attached' });
    await supervisor.getByText('Številke').first().click();
    await screenshot(supervisor, 'statistics');

    // A cell's key names the answer's field; lists are named by their nationality or directorate.
    const valueAt = (key: string): unknown =>
      key.split('.').reduce<unknown>((at, part) => {
        if (!Array.isArray(at)) return (at as Record<string, unknown> | undefined)?.[part];
        const row = at.find((r: Record<string, unknown>) =>
          [r.nationality, r.directorate].includes(part),
        ) as Record<string, unknown> | undefined;
        return row && 'count' in row ? row.count : row;
      }, statistics.body);
    const cells = await supervisor.evaluate<{ figures: string; key: string; value: string }[]>(
      `[...document.querySelectorAll('table[data-figures] td[data-key]')].map((td) => ({
        figures: td.closest('table').dataset.figures,
        key: td.dataset.key,
        value: td.dataset.value,
      }))`,
    );
    const figures = new Set(cells.map((c) => c.figures));
    expect([...figures].sort()).toEqual([
      'directorate',
      'headline',
      'intent',
      'months',
      'nationality',
    ]);
    const whole = cells.filter((c) => c.figures !== 'months');
    // Every figure has its cell: 9 headline rows and 2 intent rows, this period and the year
    // before; 3 for each of the 8 directorates; one for each nationality of the two top tens.
    const top = (list: unknown) => Math.min((list as unknown[]).length, 10);
    const body = statistics.body as {
      foreigners: { byNationality: unknown[] };
      byNationality: { smugglers: unknown[] };
    };
    expect(whole).toHaveLength(
      9 * 2 +
        2 * 2 +
        8 * 3 +
        top(body.foreigners.byNationality) +
        top(body.byNationality.smugglers),
    );
    for (const cell of whole) expect(cell).toEqual({ ...cell, value: String(valueAt(cell.key)) });
    // The months of the period add up to it.
    const monthly = cells.filter((c) => /^\d{4}-\d{2}\.cases$/.test(c.key));
    expect(monthly.reduce((sum, c) => sum + Number(c.value), 0)).toBe(statistics.body.cases);
  });

  /** Moves the focus with Tab alone until it is on the control named so. */
  const tabTo = async (page: Page, name: string | RegExp) => {
    for (let presses = 0; presses < 60; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<string>(
        `((el) => (el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim())(document.activeElement)`,
      );
      if (typeof name === 'string' ? focused.startsWith(name) : name.test(focused)) return;
    }
    throw new Error(`no control named ${String(name)} is reached by Tab`);
  };

  it('lets an investigator sign in, open a case and record an arrest by keyboard alone', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${sut.system.baseUrl}/console/`);
    await tabTo(page, 'Vloga');
    await page.keyboard.press('ArrowDown'); // prosecutor-liaison → investigator
    await tabTo(page, 'Policijska uprava');
    await tabTo(page, 'Prijava');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Zadeve');
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Nova zadeva' }).waitFor();

    await tabTo(page, 'Policijska uprava *');
    await page.keyboard.type('novo');
    await tabTo(page, 'Mejni odsek *');
    await page.keyboard.type('Obrežje');
    await tabTo(page, 'Odstavek 308. člena KZ-1 *');
    await page.keyboard.type('3');
    await tabTo(page, 'Povzetek *');
    await page.keyboard.type('Osebni avtomobil na AC Obrežje');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Osebni avtomobil na AC Obrežje' }).waitFor();

    await tabTo(page, 'Kaj');
    await page.keyboard.press('ArrowDown'); // the first command: an arrest
    await tabTo(page, 'Državljanstvo (ISO koda) *');
    await page.keyboard.type('HR');
    await tabTo(page, 'Kraj *');
    await page.keyboard.type('Obrežje');
    await tabTo(page, 'Zapiši: Prijetje osumljenca');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Zapisano.' }).waitFor();
    await page.locator('tr[data-person]').first().waitFor();
    await expect(page.locator('tr[data-person]').count()).resolves.toBe(1);
  });
});
