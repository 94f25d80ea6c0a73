import { LoadResult, loadHistory } from '../../apps/cli/src/seed/load-history';
import { PLAN_VERSION, planHistory, planSize } from '../../apps/cli/src/seed/seed-history';
import { http, useSystem } from '../harness/system';
import { testToken } from '../harness/test-env';

const SEED = 2024;

interface Figures {
  cases: number;
  smugglersArrested: { total: number; foreigners: number; slovenianCitizens: number };
  migrants: number;
  smugglersRemanded: number;
  asylumIntent: { share: number };
  byDirectorate: {
    directorate: string;
    cases: number;
    smugglersArrested: number;
    smugglersRemanded: number;
  }[];
  byNationality: { smugglers: { count: number }[]; migrants: { count: number }[] };
}
/** About 21,000 commands: minutes on a 2-core machine, with the relay and projector running. */
const LOAD_TIMEOUT_MS = 30 * 60_000;

/**
 * The seeded history of 2022 to March 2024, loaded through the HTTP API into a fresh system as
 * the `seed` command loads it: every command must be accepted, and the event store must hold
 * the cases of each year the press releases count.
 */
describe('the seeded case history, loaded through the API', () => {
  const sut = useSystem();
  const plan = planHistory(SEED);
  const size = planSize(plan);
  let load: LoadResult;

  beforeAll(async () => {
    const token = await testToken('supervisor', undefined, {
      subject: 'seed-loader',
      ttlSeconds: 3600,
    });
    load = await loadHistory(plan, {
      baseUrl: sut.system.baseUrl,
      token,
      concurrency: 8,
      idempotencyPrefix: `seed-v${PLAN_VERSION}-${SEED}`,
    });
    console.log(
      `seed ${SEED}: ${load.commands} commands (${size.events} events) in ${load.cases} cases ` +
        `loaded in ${load.seconds.toFixed(1)} s, ${load.commandsPerSecond.toFixed(0)} commands/s`,
    );
  }, LOAD_TIMEOUT_MS);

  it('has every command accepted, and stores the events planned', async () => {
    expect(load).toMatchObject({ commands: size.commands, cases: size.cases });
    expect(await sut.eventCount()).toBe(size.events);
    const [{ max }] = await sut.db.query<{ max: string }[]>(
      'SELECT max(position)::text AS max FROM event_store.events',
    );
    expect(load.lastPosition).toBe(max);
  });

  it('opens the cases of each year that the releases count', async () => {
    const rows = await sut.db.query<{ year: string; cases: number }[]>(
      `SELECT to_char(occurred_at AT TIME ZONE 'Europe/Ljubljana', 'YYYY') AS year,
              count(*)::int AS cases
         FROM event_store.events
        WHERE type = 'case.opened'
        GROUP BY 1
        ORDER BY 1`,
    );
    // 2024: the 121 cases to 1 March and the two of the joint operation of 13-15 March.
    expect(rows).toEqual([
      { year: '2022', cases: 242 },
      { year: '2023', cases: 479 },
      { year: '2024', cases: 123 },
    ]);
    const [early] = await sut.db.query<{ y2023: number; y2024: number }[]>(
      `SELECT count(*) FILTER (WHERE local >= '2023-01-01' AND local < '2023-03-01')::int AS y2023,
              count(*) FILTER (WHERE local >= '2024-01-01' AND local < '2024-03-01')::int AS y2024
         FROM (SELECT occurred_at AT TIME ZONE 'Europe/Ljubljana' AS local
                 FROM event_store.events WHERE type = 'case.opened') opened`,
    );
    expect(early).toEqual({ y2023: 27, y2024: 121 });
  });

  const statistics = async (from: string, to: string) => {
    const answer = await http<Figures & { yearEarlier: Figures }>(
      sut.system.baseUrl,
      'GET',
      `/statistics?from=${from}&to=${to}&minPosition=${load.lastPosition}`,
    );
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('gives the figures of 2023 (and 2022 beside them) as the press release states', async () => {
    const year = await statistics('2023-01-01', '2024-01-01');
    expect(year).toMatchObject({
      cases: 479,
      smugglersArrested: { total: 557, foreigners: 548, slovenianCitizens: 9 },
      migrants: 3280,
      smugglersRemanded: 514,
    });
    expect(year.yearEarlier.cases).toBe(242);
    // "More than 98% of apprehended foreigners express the intent."
    expect(year.asylumIntent.share).toBeGreaterThan(0.98);
    expect(year.asylumIntent.share).toBeLessThan(1);
  });

  it('gives the figures of 2024 up to 1 March, and 27 cases in the same days of 2023', async () => {
    const early = await statistics('2024-01-01', '2024-03-01');
    expect(early).toMatchObject({
      cases: 121,
      smugglersArrested: { total: 137, foreigners: 135, slovenianCitizens: 2 },
      migrants: 757,
      yearEarlier: { cases: 27 },
    });
    expect(early.asylumIntent.share).toBeGreaterThan(0.98);
    // Read as "up to and including 1 March", the figures are the same.
    await expect(statistics('2024-01-01', '2024-03-02')).resolves.toMatchObject({
      cases: 121,
      smugglersArrested: { total: 137 },
      migrants: 757,
      yearEarlier: { cases: 27 },
    });
  });

  it('gives 275 smugglers arrested in 2023 up to 27 September, the other release', async () => {
    for (const to of ['2023-09-27', '2023-09-28']) {
      const figures = await statistics('2023-01-01', to);
      expect({ to, smugglers: figures.smugglersArrested.total }).toEqual({ to, smugglers: 275 });
    }
  });

  it('shows the joint operation of 13-15 March 2024: 127 migrants and 4 smugglers', async () => {
    const operation = await statistics('2024-03-13', '2024-03-16');
    expect(operation).toMatchObject({ migrants: 127, smugglersArrested: { total: 4 } });
  });

  it('breaks the year down by directorate and nationality, summing to the totals', async () => {
    const year = await statistics('2023-01-01', '2024-01-01');
    const sum = (counts: number[]) => counts.reduce((n, c) => n + c, 0);
    expect(sum(year.byDirectorate.map((d) => d.cases))).toBe(479);
    expect(sum(year.byDirectorate.map((d) => d.smugglersArrested))).toBe(557);
    expect(sum(year.byDirectorate.map((d) => d.smugglersRemanded))).toBe(514);
    expect(sum(year.byNationality.migrants.map((n) => n.count))).toBe(3280);
    expect(sum(year.byNationality.smugglers.map((n) => n.count))).toBe(557);
    // Pressure is highest in Novo mesto and Koper.
    const busiest = [...year.byDirectorate].sort((a, b) => b.cases - a.cases).slice(0, 2);
    expect(busiest.map((d) => d.directorate).sort()).toEqual(['koper', 'novo-mesto']);
  });

  it('counts people who left the asylum home and were caught again, with their repeat intents', async () => {
    const answer = await http<{
      total: number;
      items: { apprehensions: number; asylumIntents: number }[];
    }>(
      sut.system.baseUrl,
      'GET',
      `/people?minApprehensions=2&minAsylumIntents=2&minPosition=${load.lastPosition}`,
    );
    expect(answer.body.total).toBeGreaterThan(50);
    for (const person of answer.body.items) {
      expect(person.apprehensions).toBeGreaterThanOrEqual(2);
      expect(person.asylumIntents).toBeGreaterThanOrEqual(2);
    }
  });

  it('stores nothing new when the same load runs again, and answers as the first time', async () => {
    const events = await sut.eventCount();
    const token = await testToken('supervisor', undefined, { subject: 'seed-loader' });
    const first = plan.cases.filter((c) => c.after.length === 0).slice(0, 5);
    const again = await loadHistory(
      { ...plan, cases: first },
      {
        baseUrl: sut.system.baseUrl,
        token,
        idempotencyPrefix: `seed-v${PLAN_VERSION}-${SEED}`,
      },
    );
    expect(again.commands).toBe(first.reduce((n, c) => n + c.steps.length, 0));
    expect(await sut.eventCount()).toBe(events);
  });
});
