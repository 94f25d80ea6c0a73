import { BrowserContext, Page, chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How the tests and the bench launch Chromium: headless, and quiet on a closed network. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/**
 * A real headless Chromium (scripts/ensure-chromium.sh provides it) on a fresh profile, with
 * nothing of its own reaching out to the network: these machines' network is closed. Each page
 * is a user of its own: the console keeps its token in the page's memory only.
 */
export async function launchChromium(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, CHROMIUM);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves what a page shows as docs/console-<name>.png when CONSOLE_SCREENSHOTS is set (the
 * README's pictures are made so: `CONSOLE_SCREENSHOTS=docs npm run test:browser`).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CONSOLE_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `console-${name}.png`), fullPage: true });
}

/**
 * A new page signed in on the console's local sign-in, as a user would: by the form; returned
 * once the console shows its pages (the first of them loads on its own).
 */
export async function signedIn(
  context: BrowserContext,
  baseUrl: string,
  role: string,
  directorate?: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('Vloga').selectOption(role);
  if (directorate) await page.getByLabel('Policijska uprava').selectOption(directorate);
  await page.getByRole('button', { name: 'Prijava' }).click();
  await page.getByRole('navigation').waitFor();
  return page;
}
