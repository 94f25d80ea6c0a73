import { generateHistory } from '../harness/generated-history';
import { Figures, comparable, countFromStore } from '../harness/statistics-from-store';
import { http, useSystem } from '../harness/system';

describe('statistics against a count straight from the event store', () => {
  const sut = useSystem();
  let lastPosition: string;

  beforeAll(async () => {
    // Around a new year, with corrections that move openings and apprehensions by days.
    ({ lastPosition } = await generateHistory(sut.system.baseUrl, sut.db, {
      seed: 20240101,
      cases: 30,
      from: '2023-11-20T00:00:00Z',
      to: '2024-02-20T00:00:00Z',
    }));
  });

  const periods = [
    ['2023-11-01', '2023-12-01'],
    ['2023-12-01', '2024-01-01'],
    ['2024-01-01', '2024-02-01'],
    ['2024-02-01', '2024-03-01'],
    ['2023-01-01', '2024-01-01'],
    ['2023-12-24', '2024-01-08'],
    ['2020-01-01', '2030-01-01'],
  ];

  it.each(periods)('agrees for %s to %s, and for the year before', async (from, to) => {
    const { status, body } = await http<Figures & { yearEarlier: Figures }>(
      sut.system.baseUrl,
      'GET',
      `/statistics?from=${from}&to=${to}&minPosition=${lastPosition}`,
    );
    expect(status).toBe(200);
    expect(comparable(body)).toEqual(await countFromStore(sut.db, from, to));
    const earlier = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
    expect(comparable(body.yearEarlier)).toEqual(
      await countFromStore(sut.db, earlier(from), earlier(to)),
    );
  });

  it('counts something in every part of the history, so that agreeing means something', async () => {
    const whole = await countFromStore(sut.db, '2020-01-01', '2030-01-01');
    expect(whole.cases).toBe(30);
    expect(whole.smugglersArrested.total).toBeGreaterThan(10);
    expect(whole.smugglersArrested.slovenianCitizens).toBeGreaterThan(0);
    expect(whole.smugglersRemanded).toBeGreaterThan(5);
    expect(whole.asylumIntent.expressedIntent).toBeGreaterThan(0);
    expect(whole.asylumIntent.expressedIntent).toBeLessThan(whole.asylumIntent.foreignMigrants);
    const [{ n }]: { n: number }[] = await sut.db.query(
      `SELECT count(*)::int AS n FROM event_store.events WHERE type = 'case.correction-recorded'`,
    );
    expect(n).toBeGreaterThan(3);
    // Some correction moves a count from one month to another: the periods above can tell.
    const [{ moved }]: { moved: number }[] = await sut.db.query(
      `SELECT count(*)::int AS moved
         FROM event_store.events c JOIN event_store.events e
           ON e.event_id = (c.data->>'correctedEventId')::uuid
        WHERE c.type = 'case.correction-recorded'
          AND date_trunc('month', e.occurred_at AT TIME ZONE 'Europe/Ljubljana')
           <> date_trunc('month', (c.data->'replacement'->>'occurredAt')::timestamptz
                                  AT TIME ZONE 'Europe/Ljubljana')`,
    );
    expect(moved).toBeGreaterThan(0);
  });

  it('refuses a period that ends before it starts, or is not made of days', async () => {
    for (const query of [
      'from=2024-02-01&to=2024-01-01',
      'from=2024-01-01&to=2024-01-01',
      'from=2024-01-01',
      'from=2024-02-30&to=2024-03-01',
      'from=2024-01-01T00:00:00Z&to=2024-02-01',
      'from=2000-01-01&to=2030-01-01',
    ]) {
      const answer = await http(sut.system.baseUrl, 'GET', `/statistics?${query}`);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({
        query,
        status: 400,
        code: 'REQUEST.VALIDATION_FAILED',
      });
    }
  });
});
