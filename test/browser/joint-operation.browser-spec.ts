import { Locator, Page } from 'playwright-core';
import { launchChromium, screenshot, signedIn } from '../harness/browser';
import { timeline, validBody } from '../harness/routes';
import { http, useSystem } from '../harness/system';

const CODE = 'HR-SI-2024-03';

/**
 * An investigator of Novo mesto records the joint operation with the Croatian police of 13-15
 * March 2024 (127 migrants and 4 smugglers found on the Slovenian side) through the console's
 * forms alone, corrects and withdraws from the timeline, and the API counts what the press
 * release says. One scenario in steps: each test goes on from the page the one before left.
 */
describe('the joint operation of March 2024, recorded through the console', () => {
  const sut = useSystem({ CONSOLE_LOCAL_SIGN_IN: 'true' });
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    // Another case of the directorate, outside the operation: the operation's figures leave it out.
    const steps = { at: timeline() };
    const other = await http<{ caseId: string }>(sut.system.baseUrl, 'POST', '/cases', {
      json: validBody('POST /cases', steps),
    });
    const arrested = await http(sut.system.baseUrl, 'POST', `/cases/${other.body.caseId}/arrests`, {
      json: validBody('POST /cases/:caseId/arrests', steps),
    });
    expect(arrested.status).toBe(201);
    chromium = await launchChromium();
    page = await signedIn(chromium.context, sut.system.baseUrl, 'investigator', 'novo-mesto');
  });
  afterAll(async () => {
    await chromium?.close();
  });

  const form = (name: string) => page.getByRole('form', { name });
  /** Sends a form and waits for the API's acceptance, which the form then shows. */
  const send = async (of: Locator, button: string) => {
    await of.getByRole('button', { name: button }).click();
    await of.getByRole('status').filter({ hasText: 'Zapisano.' }).waitFor();
  };
  const choose = async (command: string) => {
    await page.getByLabel('Kaj').selectOption({ label: command });
    return form(command);
  };
  const arrest = async (at: string, nationality: string) => {
    const of = await choose('Prijetje osumljenca');
    await of.getByLabel('Kdaj (ljubljanski čas) *').fill(at);
    await of.getByLabel('Državljanstvo (ISO koda) *').fill(nationality);
    await of.getByLabel('Kraj *').fill('Obrežje');
    await send(of, 'Zapiši: Prijetje osumljenca');
  };
  /** The foreigners the patrols found in a night: one procedure each, all in one command. */
  const found = async (at: string, nationality: string, size: number) => {
    const of = form('Prijeti tujci (postopek)');
    await of.getByLabel('Kdaj (ljubljanski čas) *').fill(at);
    await of.getByLabel('Policijska uprava *').selectOption('novo-mesto');
    await of.getByLabel('Mejni odsek *').fill('Obrežje');
    await of.getByLabel('Prišli iz države *').selectOption('HR');
    await of.getByLabel('Kraj *').fill('Obrežje, ob Kolpi');
    await of.getByLabel('Skupna akcija (koda)').fill(CODE);
    await of.getByRole('button', { name: 'Dodaj: Osebe' }).click();
    await of.getByLabel('Državljanstvo (ISO koda)').first().fill(nationality);
    // The rest of the group like the first: many alike are added at once.
    await of.getByLabel('Koliko').fill(String(size - 1));
    await of.getByRole('button', { name: 'Dodaj: Osebe (kopij zadnjega)' }).click();
    await of.getByRole('group', { name: `Osebe (${size})`, exact: true }).waitFor();
    await send(of, 'Zapiši: Prijeti tujci (postopek)');
  };
  const suspects = () => page.locator('tr[data-person]').filter({ hasText: 'osumljenec' });

  it('opens the case, links the operation, and records the 4 smugglers arrested over 3 days', async () => {
    await page.getByRole('link', { name: 'Zadeve' }).click();
    const open = form('Nova zadeva');
    await open.getByLabel('Policijska uprava *').selectOption('novo-mesto');
    await open.getByLabel('Mejni odsek *').fill('Obrežje');
    await open.getByLabel('Odstavek 308. člena KZ-1 *').fill('3');
    await open.getByLabel('Odprta (ljubljanski čas) *').fill('2024-03-13T07:30');
    await open.getByLabel('Povzetek *').fill('Mešane patrulje s hrvaško policijo, 13.–15. 3. 2024');
    await open.getByRole('button', { name: 'Zapiši: Nova zadeva' }).click();
    await page.getByRole('heading', { name: 'Mešane patrulje s hrvaško policijo' }).waitFor();

    const link = await choose('Skupna akcija');
    await link.getByLabel('Kdaj (ljubljanski čas) *').fill('2024-03-16T10:30');
    await link.getByLabel('Koda akcije *').fill(CODE);
    await link.getByLabel('Ime akcije *').fill('Mešane patrulje, 13.–15. marec 2024');
    await link.getByLabel('Partnerska država *').selectOption('HR');
    await link.getByLabel('Vrsta *').selectOption('mixed-patrol');
    await link.getByLabel('Od *').fill('2024-03-13T00:00');
    await link.getByLabel('Do *').fill('2024-03-15T23:59');
    await send(link, 'Zapiši: Skupna akcija');

    await arrest('2024-03-13T21:40', 'RS');
    await arrest('2024-03-14T03:15', 'BA');
    await arrest('2024-03-15T01:05', 'MK');
    await arrest('2024-03-15T22:50', 'HR');
    await suspects().nth(3).waitFor();
    await expect(suspects().count()).resolves.toBe(4);
    await screenshot(page, 'case');
  });

  it('records the 127 foreigners the patrols found, each in a procedure of their own', async () => {
    await page.getByRole('link', { name: 'Postopki s tujci' }).click();
    await found('2024-03-13T23:10', 'SY', 45);
    await found('2024-03-14T02:40', 'AF', 42);
    await found('2024-03-15T00:20', 'MA', 40);
    await page.getByLabel('Skupna akcija (koda)').first().fill(CODE);
    await page.getByRole('button', { name: 'Pokaži' }).click();
    await page.locator('[data-totals] [data-key="persons"]', { hasText: /^127$/ }).waitFor();
    await screenshot(page, 'procedures');
    await page.getByRole('link', { name: 'Zadeve' }).click();
    await page.getByRole('link', { name: 'Mešane patrulje s hrvaško policijo' }).click();
  });

  it("shows the API's refusal next to the field it concerns, and records nothing", async () => {
    const events = await sut.eventCount();
    const of = await choose('Prijetje osumljenca');
    await of.getByLabel('Državljanstvo (ISO koda) *').fill('XX');
    await of.getByLabel('Kraj *').fill('Obrežje');
    await of.getByRole('button', { name: 'Zapiši: Prijetje osumljenca' }).click();
    const nationality = of.getByLabel('Državljanstvo (ISO koda) *');
    await of.getByText('REQUEST.VALIDATION_FAILED').waitFor();
    await expect(nationality.getAttribute('aria-invalid')).resolves.toBe('true');
    const described = await nationality.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${described}"]`).textContent()).resolves.toMatch(
      /nationality must be a valid ISO31661 Alpha2 code/,
    );
    await screenshot(page, 'form-problem');
    await expect(sut.eventCount()).resolves.toBe(events);
  });

  it('corrects an arrest and withdraws one entered by mistake, from the timeline', async () => {
    await arrest('2024-03-15T23:30', 'HR');
    await suspects().nth(4).waitFor();

    const arrests = page.locator('tr[data-type="person.suspect-arrested"]');
    const mistaken = arrests.last();
    await mistaken.getByRole('button', { name: 'Prekliči' }).click();
    const withdrawal = mistaken.getByRole('form', { name: 'Preklic vnosa' });
    await withdrawal.getByLabel('Razlog *').fill('Vnesen dvakrat; ista oseba kot 22:50.');
    await withdrawal.getByRole('button', { name: 'Zapiši: Preklic vnosa' }).click();
    await page
      .locator('tr[data-type="person.suspect-arrested"][data-status="withdrawn"]')
      .waitFor();
    await suspects().nth(4).waitFor({ state: 'detached' });
    await expect(suspects().count()).resolves.toBe(4);

    const first = arrests.first();
    await first.getByRole('button', { name: 'Popravi' }).click();
    const correction = first.getByRole('form', { name: 'Popravi: Prijetje osumljenca' });
    await correction.getByLabel('Kraj').fill('Metlika');
    await correction.getByLabel('Razlog *').fill('Kraj prijetja po poročilu patrulje.');
    await correction.getByRole('button', { name: 'Zapiši popravek' }).click();
    await page
      .locator('tr[data-type="person.suspect-arrested"][data-status="corrected"]')
      .waitFor();
    await expect(page.locator('tr[data-type="case.correction-recorded"]').count()).resolves.toBe(1);
    await screenshot(page, 'timeline');
  });

  it("records the Croatian police's own figures apart, and the API counts what the release says", async () => {
    await page.getByRole('link', { name: 'Postopki s tujci' }).click();
    const partner = form('Podatki partnerske policije');
    await partner.getByLabel('Kdaj (ljubljanski čas) *').fill('2024-03-18T09:00');
    await partner.getByLabel('Koda akcije *').fill(CODE);
    await partner.getByLabel('Partnerska država *').selectOption('HR');
    await partner.getByLabel('Organ *').fill('PU Karlovačka');
    await partner.getByLabel('Območje *').selectOption('covered-sections');
    await partner.getByLabel('Migranti *').fill('172');
    await partner.getByLabel('Tihotapci *').fill('3');
    await partner.getByLabel('Vir *').fill('Sporočilo za javnost MUP RH, 18. 3. 2024');
    await send(partner, 'Zapiši: Podatki partnerske policije');

    const operation = await http<{
      recorded: { cases: number; migrants: number; smugglers: number };
      partnerReports: { migrants: number; smugglers: number }[];
    }>(sut.system.baseUrl, 'GET', `/joint-operations?code=${CODE}`);
    expect(operation.status).toBe(200);
    expect(operation.body.recorded).toMatchObject({ cases: 1, migrants: 127, smugglers: 4 });
    expect(operation.body.partnerReports).toMatchObject([{ migrants: 172, smugglers: 3 }]);

    // The caseload of the operation shows the same (once it is the page shown: the procedures'
    // page has fields of that name too).
    await page.getByRole('link', { name: 'Zadeve' }).click();
    await page.getByRole('heading', { name: 'Zadeve', exact: true }).waitFor();
    await page.getByLabel('Skupna akcija (koda)').fill(CODE);
    await page.getByRole('button', { name: 'Pokaži' }).click();
    const totals = page.locator('[data-totals]');
    await totals.locator('[data-key="suspects"]', { hasText: /^4$/ }).waitFor();
    await expect(totals.locator('[data-key="cases"]').textContent()).resolves.toBe('1');
    await screenshot(page, 'caseload');
  });
});
