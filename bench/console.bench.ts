import { chromium } from 'playwright-core';
import { CHROMIUM } from '../test/harness/browser';
import { Context, Section, size } from './context';
import { startStack } from './processes';
import { absolute, compared } from './report';
import { nowMs, percentile, until } from './stats';

const HELD = 60;
const HOUR = 3600_000;

/**
 * B11: the liaison officer's first load of the board on the local stack, as `up` runs it: from
 * the address typed to the board shown, the local sign-in included (no typing), each time in a
 * fresh browser context (nothing cached), beside the API's board read as JSON, from this process.
 */
export async function consoleFirstLoad(ctx: Context): Promise<Section> {
  const databaseUrl = await ctx.infra.migratedDatabase('b11_console');
  const { baseUrl, token, stop } = await startStack(ctx, databaseUrl, {
    CONSOLE_LOCAL_SIGN_IN: 'true',
  });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const board = () =>
      fetch(`${baseUrl}/custody-board?expiringWithin=6h&limit=200`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((answer) => answer.json() as Promise<{ items: unknown[] }>);
    // A night's board: people arrested over the last two days, most with a clock running out.
    for (let i = 0; i < HELD; i++) await arrested(baseUrl, token, 2 + (i % 44));
    await until(async () => (await board()).items.length >= HELD / 2, 'the board', 60_000);

    const runs = size(ctx, 5, 20);
    const consoleMs: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = nowMs();
      await page.goto(`${baseUrl}/console/`);
      await page.getByLabel('Vloga').selectOption('prosecutor-liaison');
      await page.getByRole('button', { name: 'Prijava' }).click();
      await page.locator('table.board tbody tr').first().waitFor();
      // The first run warms the API and the browser; it is not counted.
      if (run > 0) consoleMs.push(nowMs() - started);
      await context.close();
    }
    const rawMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = nowMs();
      await board();
      rawMs.push(nowMs() - started);
    }
    return {
      rows: [
        compared('B11', 'console: address to board shown, p50', 'ms', percentile(consoleMs, 0.5), {
          name: 'GET /custody-board as JSON',
          value: percentile(rawMs, 0.5),
        }),
        absolute('B11', 'console: address to board shown, p95', 'ms', percentile(consoleMs, 0.95), {
          max: 1000,
        }),
      ],
      details: { runs, held: HELD, consoleMs, rawMs },
    };
  } finally {
    await browser.close();
    await stop();
  }
}

async function arrested(baseUrl: string, token: string, hoursAgo: number): Promise<void> {
  const post = async (path: string, body: object) => {
    const answer = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as { caseId: string };
  };
  const at = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
  const { caseId } = await post('/cases', {
    directorate: 'novo-mesto',
    borderSection: 'Obrežje',
    offenceParagraph: 3,
    openedAt: at(hoursAgo + 1),
    summary: 'Van stopped at the border.',
  });
  await post(`/cases/${caseId}/arrests`, {
    occurredAt: at(hoursAgo),
    nationality: 'RS',
    slovenianCitizen: false,
    place: 'Obrežje',
  });
}
