import { validBody } from '../harness/routes';
import { http, useSystem } from '../harness/system';
import { eventually, testToken } from '../harness/test-env';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

interface Instant {
  utc: string;
  local: string;
}

interface HeldPerson {
  caseId: string;
  personId: string;
  name: { givenName: string | null; familyName: string | null } | null;
  directorate: string;
  caseReference: string;
  caseSummary: string;
  phase: string;
  heldSince: Instant;
  detentionPlace: string | null;
  court: string | null;
  responsibleOfficer: string | null;
  remand: { monthsUsed: number; ceilingMonths: number } | null;
  overdue: boolean;
  overdueSince: Instant | null;
  nextDeadline: Instant | null;
  noGroundSince: Instant | null;
  nextAction: { code: string; text: string };
  clocks: {
    kind: string;
    deadline: Instant;
    metAt: Instant | null;
    state: string;
    overdue: boolean;
    minutesLeft: number;
    action: { code: string; text: string } | null;
  }[];
  safeguards: {
    safeguard: string;
    status: string;
    dueSince: Instant;
    openMinutes: number | null;
    providedBy: string | null;
    delayed: { reason: string; authorisedBy: string } | null;
  }[];
  openSafeguards: number;
}

interface Board {
  asOf: Instant;
  items: HeldPerson[];
  staleCount: number;
  nextCursor: string | null;
}

type Held = { caseId: string; personId: string; arrestedAt: string };

/**
 * The custody desk as the prosecutors' liaison officer uses it at 3 a.m.: who must be released
 * or brought before a judge within the next hours, the overdue on top, with what to do in words
 * and enough to act on by phone; stale records apart; safeguards as open items.
 */
describe('the custody board', () => {
  const sut = useSystem();
  const held: Record<
    'breachedLately' | 'fortyFourHours' | 'soon' | 'later' | 'remanded' | 'stale',
    Held
  > = {} as never;

  const post = async (path: string, json: object) => {
    const answer = await http(sut.system.baseUrl, 'POST', path, { json });
    if (answer.status !== 201)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as { caseId: string; position: string; persons?: { personId: string }[] };
  };
  const openCase = (directorate: string, openedAt = ago(12)) =>
    post(
      '/cases',
      validBody(
        'POST /cases',
        {},
        {
          directorate,
          openedAt,
          summary: 'Van stopped at the border with nine people in the back.',
        },
      ),
    ).then((a) => a.caseId);
  const arrest = async (caseId: string, arrestedAt: string, person?: object) => {
    const answer = await post(`/cases/${caseId}/arrests`, {
      ...validBody('POST /cases/:caseId/arrests', {}, { occurredAt: arrestedAt }),
      person,
    });
    return { caseId, personId: answer.persons![0].personId, arrestedAt };
  };
  const step = (who: Held, route: string, json: object) =>
    post(`/cases/${who.caseId}/persons/${who.personId}/${route}`, json);
  const board = async (query = '', token?: string, headers?: Record<string, string>) =>
    http<Board>(sut.system.baseUrl, 'GET', `/custody-board${query}`, { token, headers });
  const people = (answer: { body: Board }) => answer.body.items.map((i) => i.personId);
  const entry = async (who: Held) =>
    (await board()).body.items.find((i) => i.personId === who.personId)!;

  beforeAll(async () => {
    const novoMesto = await openCase('novo-mesto');
    const koper = await openCase('koper');
    // Police custody ran out ten minutes ago: the written decision was issued in time.
    held.breachedLately = await arrest(novoMesto, ago(48 + 1 / 6));
    await step(held.breachedLately, 'police-detention', { occurredAt: ago(47.5) });
    await step(held.breachedLately, 'detention-decision', {
      occurredAt: ago(47),
      reference: 'PU NM 8/24',
    });
    // Arrested 44 h ago, no written decision: that is overdue, and custody ends in 4 h.
    held.fortyFourHours = await arrest(novoMesto, ago(44), {
      givenName: 'Marko',
      familyName: 'Petrović',
    });
    // Arrested 2 h ago: the written decision is due in 4 h.
    held.soon = await arrest(koper, ago(2));
    // Arrested 1 h ago, detained, decision issued: only the 48 h clock runs.
    held.later = await arrest(novoMesto, ago(1));
    await step(held.later, 'police-detention', { occurredAt: ago(0.8) });
    await step(held.later, 'detention-decision', { occurredAt: ago(0.5), reference: 'PU NM 7/24' });
    // On remand for a month, in prison.
    held.remanded = await arrest(novoMesto, ago(72));
    await step(held.remanded, 'judge-appearance', { occurredAt: ago(60), court: 'OS Novo mesto' });
    await step(
      held.remanded,
      'remand',
      validBody(
        'POST /cases/:caseId/persons/:personId/remand',
        {},
        {
          occurredAt: ago(50),
          court: 'OS Novo mesto',
          months: 1,
        },
      ),
    );
    await step(held.remanded, 'remand-service', { occurredAt: ago(49) });
    await step(held.remanded, 'detention-place', { occurredAt: ago(48), facility: 'ZPKZ Dob' });
    // Arrested ten days ago and never released on record: no lawful ground for eight days.
    held.stale = await arrest(await openCase('novo-mesto', ago(11 * 24)), ago(10 * 24));
    // Apprehended migrants are not in criminal custody and are not on the board.
    await post(
      `/cases/${koper}/apprehensions`,
      validBody('POST /cases/:caseId/apprehensions', {}, { occurredAt: ago(1.5) }),
    );

    await eventually(
      async () => {
        const answer = await board();
        const later = answer.body.items.find((i) => i.personId === held.later.personId);
        const remanded = answer.body.items.find((i) => i.personId === held.remanded.personId);
        const decided = later?.clocks.some(
          (c) => c.kind === 'written-detention-decision' && c.metAt,
        );
        return decided && remanded?.detentionPlace && answer.body.staleCount === 1
          ? true
          : undefined;
      },
      { what: 'the board to show everyone held, with their last steps' },
    );
  });

  it('puts the overdue first, the latest breach on top, then everyone by time left', async () => {
    const answer = await board();
    expect(answer.status).toBe(200);
    expect(people(answer)).toEqual([
      held.breachedLately.personId,
      held.fortyFourHours.personId,
      held.soon.personId,
      held.later.personId,
      held.remanded.personId,
    ]);
    const [lately, fortyFour] = answer.body.items;
    expect(lately.overdueSince?.utc).toBe(
      new Date(Date.parse(held.breachedLately.arrestedAt) + 48 * HOUR).toISOString(),
    );
    expect(lately.nextAction.code).toBe('release-or-bring-before-judge');
    expect(lately.nextAction.text).toMatch(
      /^overdue since (\d{4}-\d\d-\d\d )?\d\d:\d\d: release or bring before the investigating judge$/,
    );
    expect(fortyFour.overdue).toBe(true);
  });

  it('shows the 44-hour case in the 6-hour window: overdue decision, custody ending in 4 h', async () => {
    const answer = await board('?expiringWithin=6h');
    const fortyFour = answer.body.items.find((i) => i.personId === held.fortyFourHours.personId)!;
    const arrestedAt = Date.parse(held.fortyFourHours.arrestedAt);
    expect(fortyFour).toMatchObject({
      overdue: true,
      overdueSince: { utc: new Date(arrestedAt + 6 * HOUR).toISOString() },
      nextDeadline: { utc: new Date(arrestedAt + 48 * HOUR).toISOString() },
      nextAction: { code: 'issue-detention-decision' },
      noGroundSince: null,
    });
    expect(
      fortyFour.clocks.map((c) => [c.kind, Date.parse(c.deadline.utc) - arrestedAt, c.state]),
    ).toEqual([
      ['written-detention-decision', 6 * HOUR, 'overdue'],
      ['police-custody', 48 * HOUR, 'running'],
    ]);
    const custody = fortyFour.clocks[1];
    const left = (arrestedAt + 48 * HOUR - Date.parse(answer.body.asOf.utc)) / 60_000;
    expect(custody.minutesLeft).toBe(Math.floor(left));
    expect(custody.minutesLeft).toBeLessThanOrEqual(240);
    expect(custody.action?.text).toMatch(
      /^release or bring before the investigating judge by (\d{4}-\d\d-\d\d )?\d\d:\d\d$/,
    );
    expect(fortyFour.clocks[0].minutesLeft).toBeLessThanOrEqual(-38 * 60);
  });

  it.each([
    ['?expiringWithin=6h', ['breachedLately', 'fortyFourHours', 'soon']],
    ['?expiringWithin=6h&overdue=false', ['fortyFourHours', 'soon']],
    ['?expiringWithin=6h&overdue=true', ['breachedLately', 'fortyFourHours']],
    ['?expiringWithin=3h', ['breachedLately', 'fortyFourHours']],
    ['?expiringWithin=3h&overdue=false', []],
    ['?expiringWithin=2d', ['breachedLately', 'fortyFourHours', 'soon', 'later']],
    ['?overdue=true', ['breachedLately', 'fortyFourHours']],
    ['?overdue=false', ['soon', 'later', 'remanded']],
  ] as const)('%s holds exactly %j', async (query, expected) => {
    await expect(board(query).then(people)).resolves.toEqual(expected.map((k) => held[k].personId));
  });

  it('lists the stale apart: held with no lawful ground since long ago, never in the day’s work', async () => {
    const answer = await board();
    expect(answer.body.staleCount).toBe(1);
    expect(people(answer)).not.toContain(held.stale.personId);
    const stale = await http<{ items: HeldPerson[] }>(
      sut.system.baseUrl,
      'GET',
      '/custody-board/stale',
    );
    expect(stale.status).toBe(200);
    expect(stale.body.items.map((i) => [i.personId, i.noGroundSince?.utc])).toEqual([
      [held.stale.personId, new Date(Date.parse(held.stale.arrestedAt) + 48 * HOUR).toISOString()],
    ]);
    expect(Date.now() - Date.parse(stale.body.items[0].noGroundSince!.utc)).toBeGreaterThan(
      7 * DAY,
    );
  });

  it('gives what a call needs: reference, summary, place, court, officer, remand months', async () => {
    const remanded = await entry(held.remanded);
    expect(remanded).toMatchObject({
      caseSummary: 'Van stopped at the border with nine people in the back.',
      phase: 'remand',
      detentionPlace: 'ZPKZ Dob',
      court: 'OS Novo mesto',
      responsibleOfficer: 'test-supervisor',
      remand: { monthsUsed: 1, ceilingMonths: 3 },
      nextAction: { code: 'panel-decides-extension' },
    });
    // The year the case was opened, in Ljubljana.
    const opened = await http<{ openedAt: string }>(
      sut.system.baseUrl,
      'GET',
      `/cases/${held.remanded.caseId}`,
    );
    const year = new Intl.DateTimeFormat('en', {
      year: 'numeric',
      timeZone: 'Europe/Ljubljana',
    }).format(new Date(opened.body.openedAt));
    expect(remanded.caseReference).toBe(
      `NM-${year}-${held.remanded.caseId.slice(0, 8).toUpperCase()}`,
    );
  });

  it('tracks safeguards as open items with their age; a delay needs its reason and who authorised it', async () => {
    const fresh = await entry(held.soon);
    expect(fresh.safeguards.map((s) => [s.safeguard, s.status])).toEqual([
      ['rights-information', 'open'],
      ['interpreter', 'open'],
    ]);
    expect(fresh.safeguards[0].openMinutes).toBeGreaterThanOrEqual(119);
    expect(fresh.openSafeguards).toBe(2);

    const events = await sut.eventCount();
    const refused = await http(
      sut.system.baseUrl,
      'POST',
      `/cases/${held.soon.caseId}/persons/${held.soon.personId}/safeguards`,
      {
        json: {
          occurredAt: ago(1),
          safeguard: 'counsel',
          step: 'delayed',
          authorisedBy: 'Duty prosecutor',
        },
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'SAFEGUARD.REASON_REQUIRED' });
    await expect(sut.eventCount()).resolves.toBe(events);

    await step(held.soon, 'safeguards', {
      occurredAt: ago(1.9),
      safeguard: 'rights-information',
      step: 'provided',
    });
    await step(held.soon, 'safeguards', {
      occurredAt: ago(1.8),
      safeguard: 'counsel',
      step: 'requested',
    });
    const { position } = await step(held.soon, 'safeguards', {
      occurredAt: ago(1.5),
      safeguard: 'counsel',
      step: 'delayed',
      reason: 'Counsel on duty unreachable; called again at 04:00.',
      authorisedBy: 'Duty prosecutor Novak',
    });
    const after = (await board(`?minPosition=${position}`)).body.items.find(
      (i) => i.personId === held.soon.personId,
    )!;
    expect(
      after.safeguards.map((s) => [
        s.safeguard,
        s.status,
        s.providedBy,
        s.delayed?.authorisedBy ?? null,
      ]),
    ).toEqual([
      ['rights-information', 'provided', 'test-supervisor', null],
      ['interpreter', 'open', null, null],
      ['counsel', 'delayed', null, 'Duty prosecutor Novak'],
    ]);
    expect(after.openSafeguards).toBe(1);
  });

  it('shows names only with a justification, and logs that consultation', async () => {
    await expect(board()).resolves.toMatchObject({
      body: { items: expect.arrayContaining([expect.objectContaining({ name: null })]) },
    });
    const unjustified = await board('?names=true');
    expect(unjustified.status).toBe(400);
    expect(unjustified.body).toMatchObject({ code: 'CONSULTATION.JUSTIFICATION_REQUIRED' });

    const liaison = await testToken('prosecutor-liaison', undefined, { subject: 'liaison-names' });
    const justification = 'Duty prosecutor asks who is held past custody tonight';
    const named = await board('?names=true&expiringWithin=6h', liaison, {
      'X-Justification': justification,
    });
    expect(named.status).toBe(200);
    const fortyFour = named.body.items.find((i) => i.personId === held.fortyFourHours.personId)!;
    expect(fortyFour.name).toEqual({ givenName: 'Marko', familyName: 'Petrović' });

    const log = await sut.db.query<
      { justification: string; records: { kind: string; id: string }[] }[]
    >(
      `SELECT justification, records FROM audit.consultation_log
        WHERE actor_id = 'liaison-names' AND purpose = 'GET /custody-board'`,
    );
    expect(log.map((l) => l.justification)).toEqual([justification]);
    expect(log[0].records).toEqual(
      expect.arrayContaining([{ kind: 'person', id: held.fortyFourHours.personId }]),
    );
  });

  it('pages with a cursor, in board order, without repeats or gaps', async () => {
    const all = people(await board());
    const seen: string[] = [];
    let cursor: string | null = '';
    for (let page = 0; cursor !== null && page < 10; page++) {
      const answer = await board(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(answer.status).toBe(200);
      seen.push(...people(answer));
      cursor = answer.body.nextCursor;
    }
    expect(seen).toEqual(all);
    expect(seen).toHaveLength(5);
  });

  it("shows an investigator only their directorate's board", async () => {
    const koper = await testToken('investigator', 'koper');
    await expect(board('', koper).then(people)).resolves.toEqual([held.soon.personId]);
    const refused = await board('?directorate=novo-mesto', koper);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    const staleOfOthers = await http<{ items: HeldPerson[] }>(
      sut.system.baseUrl,
      'GET',
      '/custody-board/stale',
      { token: koper },
    );
    expect(staleOfOthers.body.items).toEqual([]);
    const liaison = await testToken('prosecutor-liaison');
    await expect(board('?directorate=koper', liaison).then(people)).resolves.toEqual([
      held.soon.personId,
    ]);
  });

  it.each([
    ['?expiringWithin=6', 'expiringWithin'],
    ['?expiringWithin=-1h', 'expiringWithin'],
    ['?overdue=yes', 'overdue'],
    ['?names=yes', 'names'],
    ['?limit=0', 'limit'],
    ['?limit=201', 'limit'],
    ['?directorate=atlantis', 'directorate'],
    ['?cursor=not-a-cursor', 'cursor'],
    ['?cursor=eyJuZXh0RGVhZGxpbmUiOiIxJyBPUiAxPTEifQ', 'cursor'],
    ['?sort=deadline', 'sort'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const answer = await board(query);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'REQUEST.VALIDATION_FAILED',
      errors: [expect.objectContaining({ field })],
    });
  });

  it('drops a person from the board once released, and refuses safeguards after', async () => {
    const { position } = await step(held.soon, 'release', {
      occurredAt: ago(0.2),
      reason: 'police-detention-ended',
    });
    await expect(board(`?minPosition=${position}`).then(people)).resolves.toEqual([
      held.breachedLately.personId,
      held.fortyFourHours.personId,
      held.later.personId,
      held.remanded.personId,
    ]);
    const late = await http(
      sut.system.baseUrl,
      'POST',
      `/cases/${held.soon.caseId}/persons/${held.soon.personId}/safeguards`,
      { json: { occurredAt: ago(0.1), safeguard: 'interpreter', step: 'provided' } },
    );
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'CUSTODY.NOT_HELD' });
  });
});
