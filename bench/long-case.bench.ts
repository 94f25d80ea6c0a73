import { Context, Section, size } from './context';
import { startStack } from './processes';
import { compared } from './report';
import { nowMs, percentile } from './stats';

const LONG = 2000;
const SHORT = 10;
const GROUP = 200;

/**
 * B9: what a command costs as its case grows. A joint operation is a long stream: a case of
 * 2,000 events (the opening and hundreds of migrants apprehended in groups) beside cases of 10.
 * The same command, one more migrant apprehended after everything on record, is sent over HTTP
 * to the long case and to a short one by turns, one at a time, so that both see the same
 * machine; each short case takes one measured command, the long one takes them all (it grows
 * by that many, a few percent).
 */
export async function longCase(ctx: Context): Promise<Section> {
  const measured = size(ctx, 40, 300);
  const databaseUrl = await ctx.infra.migratedDatabase('b9_long_case');
  const { baseUrl, token, stop } = await startStack(ctx, databaseUrl);
  const post = async (path: string, body: object): Promise<{ caseId: string; version: number }> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) {
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    }
    return (await response.json()) as { caseId: string; version: number };
  };
  const start = Date.now() - 30 * 24 * 3600_000;
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const open = () =>
    post('/cases', {
      directorate: 'novo-mesto',
      borderSection: 'Obrežje',
      offenceParagraph: 3,
      openedAt: at(0),
      summary: 'Joint operation near Obrežje.',
    });
  /** A case of `events` events: the opening and migrants apprehended in groups. */
  const caseOf = async (events: number) => {
    const { caseId } = await open();
    for (let left = events - 1, minute = 1; left > 0; left -= GROUP, minute++) {
      await post(`/cases/${caseId}/apprehension-groups`, {
        occurredAt: at(minute),
        place: 'Obrežje',
        migrants: Array.from({ length: Math.min(GROUP, left) }, (_, i) => ({
          nationality: i % 2 ? 'SY' : 'AF',
          minor: false,
        })),
      });
    }
    return caseId;
  };
  let minute = 24 * 60;
  const apprehend = async (caseId: string) => {
    const started = nowMs();
    await post(`/cases/${caseId}/apprehensions`, {
      occurredAt: at(minute++),
      nationality: 'PK',
      minor: false,
      place: 'Metlika',
    });
    return nowMs() - started;
  };
  try {
    const long = await caseOf(LONG);
    const short: string[] = [];
    for (let i = 0; i < measured + 10; i++) short.push(await caseOf(SHORT));
    // The first commands warm the API (its statements, its code paths) on both kinds of case.
    for (let i = 0; i < 10; i++) {
      await apprehend(short.pop()!);
      await apprehend(long);
    }
    const shortMs: number[] = [];
    const longMs: number[] = [];
    for (const caseId of short) {
      shortMs.push(await apprehend(caseId));
      longMs.push(await apprehend(long));
    }
    const shortCase = `case of ${SHORT} events`;
    return {
      rows: [
        compared(
          'B9',
          `command latency p50, case of ${LONG} events`,
          'ms',
          percentile(longMs, 0.5),
          { name: shortCase, value: percentile(shortMs, 0.5) },
          { max: 1.3 },
        ),
        compared(
          'B9',
          `command latency p99, case of ${LONG} events`,
          'ms',
          percentile(longMs, 0.99),
          {
            name: shortCase,
            value: percentile(shortMs, 0.99),
          },
        ),
      ],
      details: { measuredCommands: measured, longCaseEvents: LONG, shortCaseEvents: SHORT },
    };
  } finally {
    await stop();
  }
}
