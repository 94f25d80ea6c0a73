import { LoadResult, loadHistory } from '../../apps/cli/src/seed/load-history';
import { countPlan, foreignerFigures, procedureTotals } from '../../apps/cli/src/seed/plan-figures';
import { JOINT_OPERATION_CODE } from '../../apps/cli/src/seed/plan/joint-operation';
import { PLAN_VERSION, planHistory, planSize } from '../../apps/cli/src/seed/seed-history';
import { http, projectionsCaughtUp, useSystem } from '../harness/system';
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
  foreigners: Foreigners;
}

interface Foreigners {
  apprehended: number;
  persons: number;
  thirdCountry: number;
  eu: number;
  unknownNationality: number;
  expressedIntent: number;
  intentShare: number;
  referrals: Record<'asylum-home-ljubljana' | 'asylum-home-logatec' | 'aliens-centre', number>;
  handedOver: number;
  released: number;
  caughtAgainAfterLeaving: number;
  repeatIntentsAfterLeaving: number;
  byNationality: { nationality: string; count: number }[];
  byNeighbour: { country: string; count: number }[];
}

/**
 * About 25,000 commands storing 170,000 events (most of them the procedures' people, up to 120
 * in one command): minutes on a 2-core machine, with the relay and projector running.
 */
const LOAD_TIMEOUT_MS = 40 * 60_000;

/**
 * The seeded history of 2022 to March 2024, loaded through the HTTP API into a fresh system as
 * the `seed` command loads it: every command must be accepted, and the event store must hold
 * the cases of each year the press releases count.
 */
describe('the seeded case history, loaded through the API', () => {
  const sut = useSystem();
  const plan = planHistory(SEED);
  const size = planSize(plan);
  // What the statistics and GET /procedures must answer, counted from the plan's steps.
  const counted = countPlan(plan);
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
        `and ${load.procedureGroups} procedure groups (${size.procedures} procedures) ` +
        `loaded in ${load.seconds.toFixed(1)} s, ${load.commandsPerSecond.toFixed(0)} commands/s`,
    );
    // A position names one stream's event, on one of the topic's partitions: the figures below
    // need every partition of every projection applied, not only the last command's.
    await projectionsCaughtUp(sut.system.baseUrl, 5 * 60_000);
  }, LOAD_TIMEOUT_MS);

  it('has every command accepted, and stores the events planned', async () => {
    expect(load).toMatchObject({
      commands: size.commands,
      cases: size.cases,
      procedureGroups: size.procedureGroups,
    });
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

  /** The foreigners of a period as the plan has them, in the shape the statistics answer. */
  const expectedForeigners = (from: string, to: string) => {
    const f = foreignerFigures(counted, from, to);
    const { byNationality, byNeighbour, thirdCountryPersons, procedures, caseMigrants, ...rest } =
      f;
    return {
      figures: rest,
      byNationality: Object.fromEntries(byNationality),
      byNeighbour: Object.fromEntries(byNeighbour),
      thirdCountryPersons,
      procedures,
      caseMigrants,
    };
  };
  /** A breakdown as { key: count }, without the zeros. */
  const tally = <T extends { count: number }>(items: T[], key: (item: T) => string) =>
    Object.fromEntries(items.filter((i) => i.count > 0).map((i) => [key(i), i.count]));

  it('gives over 41,700 foreigners apprehended and more than 40,000 persons in 2023 to 27 September, the other release', async () => {
    const expected = expectedForeigners('2023-01-01', '2023-09-27');
    for (const to of ['2023-09-27', '2023-09-28']) {
      const { foreigners } = await statistics('2023-01-01', to);
      expect({ to, foreigners }).toEqual({
        to,
        foreigners: {
          ...expected.figures,
          intentShare: expect.closeTo(expected.figures.intentShare, 12) as unknown,
          byNationality: expect.any(Array) as unknown,
          byNeighbour: expect.any(Array) as unknown,
        },
      });
      expect(tally(foreigners.byNationality, (n) => n.nationality)).toEqual(expected.byNationality);
      expect(tally(foreigners.byNeighbour, (n) => n.country)).toEqual(expected.byNeighbour);
      // "Over 41,700 foreign nationals", "more than 40,000 persons", "more than 98%".
      expect(foreigners.apprehended).toBeGreaterThan(41_700);
      expect(foreigners.persons).toBeGreaterThan(40_000);
      expect(foreigners.intentShare).toBeGreaterThan(0.98);
      expect(foreigners.intentShare).toBeLessThan(1);
    }
    // The 1,610 migrants of the cases of those days count among them, with the procedures.
    expect(expected.caseMigrants).toBe(1610);
    expect(expected.procedures + expected.caseMigrants).toBe(expected.figures.apprehended);
  });

  it('counts in the statistics the people caught again after leaving the asylum home, with their repeat intents', async () => {
    const { foreigners } = await statistics('2023-01-01', '2023-09-27');
    const expected = expectedForeigners('2023-01-01', '2023-09-27').figures;
    expect(foreigners.caughtAgainAfterLeaving).toBe(expected.caughtAgainAfterLeaving);
    expect(foreigners.repeatIntentsAfterLeaving).toBe(expected.repeatIntentsAfterLeaving);
    expect(foreigners.caughtAgainAfterLeaving).toBeGreaterThanOrEqual(1_000);
    expect(foreigners.repeatIntentsAfterLeaving).toBeGreaterThan(
      0.95 * foreigners.caughtAgainAfterLeaving,
    );
  });

  it('gives more than 7,850 third-country citizens in 2024 by mid-March, the release of March', async () => {
    const expected = expectedForeigners('2024-01-01', '2024-03-16');
    const early = await statistics('2024-01-01', '2024-03-16');
    expect(early.foreigners).toMatchObject({
      apprehended: expected.figures.apprehended,
      persons: expected.figures.persons,
      thirdCountry: expected.figures.thirdCountry,
      eu: expected.figures.eu,
      unknownNationality: expected.figures.unknownNationality,
      expressedIntent: expected.figures.expressedIntent,
      caughtAgainAfterLeaving: expected.figures.caughtAgainAfterLeaving,
    });
    expect(early.foreigners.thirdCountry).toBeGreaterThan(7_850);
    // Counted once a person, too.
    expect(expected.thirdCountryPersons).toBeGreaterThan(7_850);
    expect(early.foreigners.intentShare).toBeGreaterThan(0.98);
    // The 757 migrants of the cases to 1 March are among them, and the same days of 2023.
    expect(expected.caseMigrants).toBe(757);
    const before = expectedForeigners('2023-01-01', '2023-03-16').figures;
    expect(early.yearEarlier.foreigners).toMatchObject({
      apprehended: before.apprehended,
      persons: before.persons,
      thirdCountry: before.thirdCountry,
    });
  });

  it("lists the joint operation's 127 procedures, each linked to its case and counted once", async () => {
    const expected = procedureTotals(counted, JOINT_OPERATION_CODE, '2024-03-13', '2024-03-16');
    const answer = await http<{ totals: unknown; items: unknown[]; nextCursor: string | null }>(
      sut.system.baseUrl,
      'GET',
      `/procedures?jointOperation=${JOINT_OPERATION_CODE}&from=2024-03-13&to=2024-03-16` +
        `&minPosition=${load.lastPosition}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.totals).toEqual(expected);
    expect(expected).toMatchObject({ procedures: 127, persons: 127 });
    // In the statistics of those days, the 127 are the cases' migrants and, once, procedures.
    const days = await statistics('2024-03-13', '2024-03-16');
    const figures = expectedForeigners('2024-03-13', '2024-03-16');
    expect(days.migrants).toBe(127);
    expect(figures.caseMigrants).toBe(0);
    expect(days.foreigners.apprehended).toBe(figures.figures.apprehended);
    expect(days.foreigners.persons).toBe(figures.figures.persons);
  });

  it("gives the joint operation's figures as each police recorded them, apart", async () => {
    const answer = await http<{
      recorded: { migrants: number; smugglers: number };
      partnerReports: { area: string; migrants: number | null; smugglers: number | null }[];
    }>(
      sut.system.baseUrl,
      'GET',
      `/joint-operations?code=${JOINT_OPERATION_CODE}&minPosition=${load.lastPosition}`,
    );
    expect(answer.status).toBe(200);
    // The Slovenian police: 127 migrants and 4 smugglers. The Croatian police, as reported:
    // 172 migrants and 3 smugglers on the sections covered, 6 more smugglers elsewhere.
    expect(answer.body.recorded).toMatchObject({ migrants: 127, smugglers: 4 });
    expect(
      answer.body.partnerReports.map(({ area, migrants, smugglers }) => ({
        area,
        migrants,
        smugglers,
      })),
    ).toEqual([
      { area: 'covered-sections', migrants: 172, smugglers: 3 },
      { area: 'elsewhere', migrants: null, smugglers: 6 },
    ]);
  });

  it('stores nothing new when the same load runs again, and answers as the first time', async () => {
    const events = await sut.eventCount();
    const token = await testToken('supervisor', undefined, { subject: 'seed-loader' });
    const first = plan.cases.filter((c) => c.after.length === 0).slice(0, 5);
    const groups = plan.procedureGroups.filter((g) => g.after.length === 0).slice(0, 5);
    const again = await loadHistory(
      { ...plan, cases: first, procedureGroups: groups },
      {
        baseUrl: sut.system.baseUrl,
        token,
        idempotencyPrefix: `seed-v${PLAN_VERSION}-${SEED}`,
      },
    );
    expect(again.commands).toBe([...first, ...groups].reduce((n, c) => n + c.steps.length, 0));
    expect(await sut.eventCount()).toBe(events);
  });
});
