import { http, useSystem } from '../harness/system';
import { eventually, testToken } from '../harness/test-env';

const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

interface Board {
  asOf: { utc: string; local: string };
  items: {
    caseId: string;
    personId: string;
    directorate: string;
    phase: string;
    heldSince: { utc: string; local: string };
    nextDeadline: { utc: string; local: string };
    clocks: {
      kind: string;
      deadline: { utc: string; local: string };
      metAt: { utc: string } | null;
      overdue: boolean;
    }[];
  }[];
  nextCursor: string | null;
}

/**
 * The custody board as prosecutors' liaison officers read it: built by its own projection
 * from the topic, with every deadline the law sets, nearest first.
 */
describe('the custody board', () => {
  const sut = useSystem();
  const held: Record<
    'overdue' | 'soon' | 'later',
    { caseId: string; personId: string; arrestedAt: string }
  > = {} as never;

  const post = async (path: string, json: object) => {
    const answer = await http(sut.system.baseUrl, 'POST', path, { json });
    if (answer.status !== 201)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as { caseId: string; persons?: { personId: string }[] };
  };
  const openCase = (directorate: string) =>
    post('/cases', {
      directorate,
      borderSection: 'Obrežje',
      offenceParagraph: 3,
      openedAt: ago(12),
      summary: 'Van stopped at the border.',
    }).then((a) => a.caseId);
  const arrest = async (caseId: string, arrestedAt: string) => {
    const answer = await post(`/cases/${caseId}/arrests`, {
      occurredAt: arrestedAt,
      nationality: 'RS',
      slovenianCitizen: false,
      place: 'Obrežje',
    });
    return { caseId, personId: answer.persons![0].personId, arrestedAt };
  };
  const board = async (query = '', token?: string) =>
    http<Board>(sut.system.baseUrl, 'GET', `/custody-board${query}`, { token });

  beforeAll(async () => {
    const novoMesto = await openCase('novo-mesto');
    const koper = await openCase('koper');
    // Arrested 10 h ago with no written decision: that clock ran out 4 h ago.
    held.overdue = await arrest(novoMesto, ago(10));
    // Arrested 2 h ago: the written decision is due in 4 h.
    held.soon = await arrest(koper, ago(2));
    // Arrested 1 h ago, detained, decision issued: only the 48 h clock runs.
    held.later = await arrest(novoMesto, ago(1));
    const person = `/cases/${novoMesto}/persons/${held.later.personId}`;
    await post(`${person}/police-detention`, { occurredAt: ago(0.8) });
    await post(`${person}/detention-decision`, { occurredAt: ago(0.5), reference: 'PU NM 7/24' });
    // Apprehended migrants are not in criminal custody and are not on the board.
    await post(`/cases/${koper}/apprehensions`, {
      occurredAt: ago(1.5),
      nationality: 'SY',
      minor: false,
      place: 'Obrežje',
    });

    await eventually(
      async () => {
        const answer = await board();
        const later = answer.body.items.find((i) => i.personId === held.later.personId);
        const decided = later?.clocks.some(
          (c) => c.kind === 'written-detention-decision' && c.metAt,
        );
        return decided && answer.body.items.length === 3 ? true : undefined;
      },
      { what: 'the board to show the three people held, the written decision issued' },
    );
  });

  const people = (answer: { body: Board }) => answer.body.items.map((i) => i.personId);

  it('lists everyone held, nearest deadline first, with each legal clock', async () => {
    const answer = await board();
    expect(answer.status).toBe(200);
    expect(people(answer)).toEqual([
      held.overdue.personId,
      held.soon.personId,
      held.later.personId,
    ]);
    const [overdue] = answer.body.items;
    const arrestedAt = Date.parse(held.overdue.arrestedAt);
    expect(overdue).toMatchObject({
      caseId: held.overdue.caseId,
      directorate: 'novo-mesto',
      phase: 'arrested',
      heldSince: { utc: new Date(arrestedAt).toISOString() },
      nextDeadline: { utc: new Date(arrestedAt + 6 * HOUR).toISOString() },
    });
    expect(
      overdue.clocks.map((c) => [c.kind, Date.parse(c.deadline.utc) - arrestedAt, c.overdue]),
    ).toEqual([
      ['written-detention-decision', 6 * HOUR, true],
      ['police-custody', 48 * HOUR, false],
    ]);
    // The written decision was issued: that clock is met, not overdue, and no longer next.
    const decision = answer.body.items[2].clocks.find(
      (c) => c.kind === 'written-detention-decision',
    );
    expect(decision?.overdue).toBe(false);
    expect(decision?.metAt?.utc).toMatch(/^\d{4}-/);
    expect(answer.body.items[2].nextDeadline.utc).toBe(
      new Date(Date.parse(held.later.arrestedAt) + 48 * HOUR).toISOString(),
    );
  });

  it('gives Slovenian local time beside every UTC instant, the same instant', async () => {
    const { body } = await board();
    const instants = [
      body.asOf,
      ...body.items.flatMap((i) => [
        i.heldSince,
        i.nextDeadline,
        ...i.clocks.map((c) => c.deadline),
      ]),
    ];
    for (const { utc, local } of instants) {
      expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
      expect(Math.floor(Date.parse(local) / 1000)).toBe(Math.floor(Date.parse(utc) / 1000));
    }
  });

  it('filters what is overdue, and what runs out within a given time', async () => {
    await expect(board('?overdue=true').then(people)).resolves.toEqual([held.overdue.personId]);
    await expect(board('?overdue=false').then(people)).resolves.toEqual([
      held.soon.personId,
      held.later.personId,
    ]);
    await expect(board('?expiringWithin=6h').then(people)).resolves.toEqual([held.soon.personId]);
    await expect(board('?expiringWithin=3h').then(people)).resolves.toEqual([]);
    await expect(board('?expiringWithin=2d').then(people)).resolves.toEqual([
      held.soon.personId,
      held.later.personId,
    ]);
  });

  it('pages with a cursor, in board order, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    for (let page = 0; cursor !== null && page < 10; page++) {
      const answer = await board(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(answer.status).toBe(200);
      seen.push(...people(answer));
      cursor = answer.body.nextCursor;
    }
    expect(seen).toEqual([held.overdue.personId, held.soon.personId, held.later.personId]);
  });

  it("shows an investigator only their directorate's board", async () => {
    const koper = await testToken('investigator', 'koper');
    await expect(board('', koper).then(people)).resolves.toEqual([held.soon.personId]);
    const refused = await board('?directorate=novo-mesto', koper);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    const liaison = await testToken('prosecutor-liaison');
    await expect(board('?directorate=koper', liaison).then(people)).resolves.toEqual([
      held.soon.personId,
    ]);
  });

  it.each([
    ['?expiringWithin=6', 'expiringWithin'],
    ['?expiringWithin=-1h', 'expiringWithin'],
    ['?overdue=yes', 'overdue'],
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

  it('drops a person from the board once released', async () => {
    await post(`/cases/${held.soon.caseId}/persons/${held.soon.personId}/release`, {
      occurredAt: ago(0.2),
      reason: 'police-detention-ended',
    });
    await expect(
      eventually(
        async () => {
          const ids = people(await board());
          return ids.includes(held.soon.personId) ? undefined : ids;
        },
        { what: 'the released person to leave the board' },
      ),
    ).resolves.toEqual([held.overdue.personId, held.later.personId]);
  });
});
