import { PersonalDataVault } from '@app/personal-data';
import { randomUUID } from 'node:crypto';
import { readWholeTopic } from '../harness/kafka-reader';
import { SampleContext, timeline, validBody } from '../harness/routes';
import { http, openCaseWithPeople, useSystem } from '../harness/system';
import { eventually } from '../harness/test-env';

/** Every act happens on a timeline ending a little before now, a few minutes apart. */
const t = timeline();

/** A case with an arrested suspect and an apprehended migrant, on the timeline `t`. */
type Ctx = SampleContext;

interface RouteCase {
  /** The stable event type the route stores. */
  event: string;
  path: (c: Ctx) => string;
  /** Steps that make the valid command valid, through the API. */
  prepare?: (c: Ctx) => Promise<void>;
  body: (c: Ctx) => object | Promise<object>;
  /** A body whose shape is wrong: 400, naming `invalidField`. */
  invalid: object;
  invalidField: string;
  /** A command that breaks a rule of the domain: 422 with `code`. */
  violation: { prepare?: (c: Ctx) => Promise<void>; body?: (c: Ctx) => object; code: string };
}

describe('every case command through HTTP', () => {
  const sut = useSystem();

  const post = (path: string, json: unknown, headers: Record<string, string> = {}) =>
    http(sut.system.baseUrl, 'POST', path, { json, headers });
  const ok = async (path: string, json: unknown) => {
    const answer = await post(path, json);
    if (answer.status !== 201)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as {
      caseId: string;
      version: number;
      persons?: { personId: string; recognised: boolean }[];
    };
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await sut.db.query(sql, params))[0].count);
  const { eventCount: storedEvents, personCount: storedPersons } = sut;
  const streamTypes = async (caseId: string): Promise<string[]> => {
    const rows: { type: string }[] = await sut.db.query(
      'SELECT type FROM event_store.events WHERE stream_id = $1 ORDER BY version',
      [caseId],
    );
    return rows.map((r) => r.type);
  };
  const version = async (caseId: string) =>
    count(
      'SELECT coalesce(max(version), 0) AS count FROM event_store.events WHERE stream_id = $1',
      [caseId],
    );

  /** A case with an arrested suspect and an apprehended migrant. */
  const newCase = (): Promise<Ctx> => openCaseWithPeople(sut.system.baseUrl, { at: t });

  const person = (c: Ctx, id: string, action: string) =>
    `/cases/${c.caseId}/persons/${id}/${action}`;
  const detain = (c: Ctx) => ok(person(c, c.suspectId, 'police-detention'), { occurredAt: t(3) });
  const bringBeforeJudge = (c: Ctx) =>
    ok(person(c, c.suspectId, 'judge-appearance'), { occurredAt: t(4), court: 'OS Novo mesto' });
  const remand = (c: Ctx) =>
    ok(
      person(c, c.suspectId, 'remand'),
      validBody('POST /cases/:caseId/persons/:personId/remand', c, { occurredAt: t(5) }),
    );
  const release = (c: Ctx) =>
    ok(person(c, c.suspectId, 'release'), { occurredAt: t(6), reason: 'police-detention-ended' });
  const expressIntent = (c: Ctx, step = 3) =>
    ok(
      person(c, c.migrantId, 'asylum-intents'),
      validBody('POST /cases/:caseId/persons/:personId/asylum-intents', c, {
        occurredAt: t(step),
      }),
    );
  const referAsylum = (c: Ctx, step = 4) =>
    ok(person(c, c.migrantId, 'asylum-referral'), {
      occurredAt: t(step),
      facility: 'asylum-home-logatec',
    });
  const complain = (c: Ctx) =>
    ok(
      `/cases/${c.caseId}/criminal-complaints`,
      validBody('POST /cases/:caseId/criminal-complaints', c, { occurredAt: t(3) }),
    );
  const referProsecution = (c: Ctx) =>
    ok(`/cases/${c.caseId}/prosecution-referral`, {
      occurredAt: t(4),
      prosecutorOffice: 'ODT Novo mesto',
    });
  const close = (c: Ctx, step = 7) =>
    ok(`/cases/${c.caseId}/closure`, { occurredAt: t(step), reason: 'other' });

  const routes: Record<string, RouteCase> = {
    amendCaseDetails: {
      event: 'case.details-amended',
      path: (c) => `/cases/${c.caseId}/amendments`,
      body: (c) => validBody('POST /cases/:caseId/amendments', c),
      invalidField: 'offenceParagraph',
      invalid: { occurredAt: t(10), offenceParagraph: 'three' },
      violation: {
        body: () => ({ occurredAt: t(10), summary: 'Van stopped near Obrežje.' }),
        code: 'CASE.NOTHING_TO_AMEND',
      },
    },
    linkJointOperation: {
      event: 'case.joint-operation-linked',
      path: (c) => `/cases/${c.caseId}/joint-operations`,
      body: (c) => validBody('POST /cases/:caseId/joint-operations', c),
      invalidField: 'partnerCountry',
      invalid: {
        occurredAt: t(10),
        code: 'HR-SI-03',
        name: 'Mixed patrols',
        partnerCountry: 'XX',
        kind: 'mixed-patrol',
        from: t(0),
        to: t(9),
      },
      violation: {
        body: () => ({
          occurredAt: t(10),
          code: 'HR-SI-03',
          name: 'Mixed patrols',
          partnerCountry: 'HR',
          kind: 'mixed-patrol',
          from: t(9),
          to: t(0),
        }),
        code: 'OPERATION.INVALID_PERIOD',
      },
    },
    fileCriminalComplaint: {
      event: 'case.criminal-complaint-filed',
      path: (c) => `/cases/${c.caseId}/criminal-complaints`,
      body: (c) => validBody('POST /cases/:caseId/criminal-complaints', c),
      invalidField: 'suspectIds',
      invalid: {
        occurredAt: t(10),
        prosecutorOffice: 'ODT',
        reference: 'KU 7/24',
        suspectIds: ['not-a-uuid'],
      },
      violation: {
        body: (c) => ({
          occurredAt: t(10),
          prosecutorOffice: 'ODT',
          reference: 'KU 7/24',
          suspectIds: [c.migrantId],
        }),
        code: 'PERSON.NOT_A_SUSPECT',
      },
    },
    referToProsecution: {
      event: 'case.referred-to-prosecution',
      path: (c) => `/cases/${c.caseId}/prosecution-referral`,
      prepare: async (c) => void (await complain(c)),
      body: (c) => validBody('POST /cases/:caseId/prosecution-referral', c),
      invalidField: 'prosecutorOffice',
      invalid: { occurredAt: t(10) },
      violation: {
        body: () => ({ occurredAt: t(10), prosecutorOffice: 'ODT Novo mesto' }),
        code: 'CASE.NO_CRIMINAL_COMPLAINT',
      },
    },
    recordIndictment: {
      event: 'case.indictment-filed',
      path: (c) => `/cases/${c.caseId}/indictments`,
      prepare: async (c) => {
        await complain(c);
        await referProsecution(c);
      },
      body: (c) => validBody('POST /cases/:caseId/indictments', c),
      invalidField: 'defendantIds',
      invalid: { occurredAt: t(10), court: 'OS Novo mesto', reference: 'K 3/24', defendantIds: [] },
      violation: {
        body: (c) => ({
          occurredAt: t(10),
          court: 'OS',
          reference: 'K 3/24',
          defendantIds: [c.suspectId],
        }),
        code: 'CASE.NOT_REFERRED',
      },
    },
    closeCase: {
      event: 'case.closed',
      path: (c) => `/cases/${c.caseId}/closure`,
      prepare: async (c) => void (await release(c)),
      body: (c) => validBody('POST /cases/:caseId/closure', c),
      invalidField: 'reason',
      invalid: { occurredAt: t(10), reason: 'bored' },
      violation: {
        body: () => ({ occurredAt: t(10), reason: 'other' }),
        code: 'CASE.PERSONS_HELD',
      },
    },
    recordCorrection: {
      event: 'case.correction-recorded',
      path: (c) => `/cases/${c.caseId}/corrections`,
      prepare: async (c) => {
        await release(c);
        await close(c);
      },
      body: async (c) => {
        const [arrest] = await sut.db.query(
          `SELECT event_id FROM event_store.events WHERE stream_id = $1 AND type = 'person.suspect-arrested'`,
          [c.caseId],
        );
        return validBody('POST /cases/:caseId/corrections', c, {
          correctedEventId: arrest.event_id,
        });
      },
      invalidField: 'correctedEventId',
      invalid: { correctedEventId: 'not-a-uuid', reason: 'typo' },
      violation: {
        body: () => ({
          correctedEventId: randomUUID(),
          reason: 'typo',
          changes: { place: 'Metlika' },
        }),
        code: 'CORRECTION.UNKNOWN_EVENT',
      },
    },
    arrestSuspect: {
      event: 'person.suspect-arrested',
      path: (c) => `/cases/${c.caseId}/arrests`,
      body: (c) => validBody('POST /cases/:caseId/arrests', c),
      invalidField: 'nationality',
      invalid: {
        occurredAt: t(10),
        nationality: 'Romania',
        slovenianCitizen: false,
        place: 'Metlika',
      },
      violation: {
        body: () => ({
          occurredAt: t(10),
          nationality: 'SI',
          slovenianCitizen: false,
          place: 'Metlika',
        }),
        code: 'PERSON.INCONSISTENT_CITIZENSHIP',
      },
    },
    apprehendMigrant: {
      event: 'person.migrant-apprehended',
      path: (c) => `/cases/${c.caseId}/apprehensions`,
      body: (c) => validBody('POST /cases/:caseId/apprehensions', c),
      invalidField: 'minor',
      invalid: { occurredAt: t(10), nationality: 'AF', minor: 'yes', place: 'Metlika' },
      violation: {
        body: () => ({ occurredAt: t(10), nationality: 'SI', minor: false, place: 'Metlika' }),
        code: 'PERSON.SLOVENIAN_NOT_MIGRANT',
      },
    },
    apprehendMigrantGroup: {
      event: 'person.migrant-apprehended',
      path: (c) => `/cases/${c.caseId}/apprehension-groups`,
      body: (c) => validBody('POST /cases/:caseId/apprehension-groups', c),
      invalidField: 'migrants',
      invalid: { occurredAt: t(10), place: 'Obrežje', migrants: [] },
      violation: {
        body: (c) => ({
          occurredAt: t(10),
          place: 'Obrežje',
          migrants: [{ nationality: 'SY', minor: false, person: { personId: c.suspectId } }],
        }),
        code: 'PERSON.ROLE_CONFLICT',
      },
    },
    establishIdentity: {
      event: 'person.identity-established',
      path: (c) => person(c, c.suspectId, 'identity'),
      // A passport of its own each time: the sample's would name the suspect of an earlier case.
      body: (c) =>
        validBody('POST /cases/:caseId/persons/:personId/identity', c, {
          person: {
            givenName: 'Marko',
            familyName: 'Petrović',
            documents: [{ type: 'passport', number: `P${Date.now() % 1e9}`, issuingCountry: 'RS' }],
          },
        }),
      invalidField: 'person.dateOfBirth',
      invalid: {
        occurredAt: t(10),
        method: 'document',
        nationality: 'RS',
        person: { dateOfBirth: '17.5.1990' },
      },
      violation: {
        body: () => ({ occurredAt: t(10), method: 'document', nationality: null }),
        code: 'PERSON.NOTHING_ESTABLISHED',
      },
    },
    startPoliceDetention: {
      event: 'custody.police-detention-started',
      path: (c) => person(c, c.suspectId, 'police-detention'),
      body: (c) => validBody('POST /cases/:caseId/persons/:personId/police-detention', c),
      invalidField: 'occurredAt',
      invalid: { occurredAt: 'yesterday' },
      violation: {
        prepare: async (c) => void (await release(c)),
        body: () => ({ occurredAt: t(10) }),
        code: 'CUSTODY.NOT_HELD',
      },
    },
    issueDetentionDecision: {
      event: 'custody.detention-decision-issued',
      path: (c) => person(c, c.suspectId, 'detention-decision'),
      prepare: async (c) => void (await detain(c)),
      body: (c) => validBody('POST /cases/:caseId/persons/:personId/detention-decision', c),
      invalidField: 'reference',
      invalid: { occurredAt: t(10), reference: '' },
      violation: {
        // A suspect released by then: no detention to decide on.
        prepare: async (c) => void (await release(c)),
        body: () => ({ occurredAt: t(10), reference: 'PU NM 1/24' }),
        code: 'CUSTODY.NOT_IN_POLICE_DETENTION',
      },
    },
    bringBeforeJudge: {
      event: 'custody.brought-before-judge',
      path: (c) => person(c, c.suspectId, 'judge-appearance'),
      body: (c) => validBody('POST /cases/:caseId/persons/:personId/judge-appearance', c),
      invalidField: 'court',
      invalid: { occurredAt: t(10), court: 42 },
      violation: {
        prepare: async (c) => void (await release(c)),
        body: () => ({ occurredAt: t(10), court: 'OS' }),
        code: 'CUSTODY.NOT_HELD',
      },
    },
    orderRemand: {
      event: 'custody.remand-ordered',
      path: (c) => person(c, c.suspectId, 'remand'),
      prepare: async (c) => void (await bringBeforeJudge(c)),
      body: (c) =>
        validBody('POST /cases/:caseId/persons/:personId/remand', c, {
          grounds: ['flight-risk', 'reoffending'],
        }),
      invalidField: 'grounds',
      invalid: {
        occurredAt: t(10),
        court: 'OS',
        grounds: ['boredom'],
        prosecutorOffice: 'ODT',
        proposalReference: 'Kt 1/24',
        months: 1,
      },
      violation: {
        prepare: async (c) => void (await release(c)),
        body: () => ({
          occurredAt: t(10),
          court: 'OS',
          grounds: ['flight-risk'],
          prosecutorOffice: 'ODT',
          proposalReference: 'Kt 1/24',
          months: 1,
        }),
        code: 'CUSTODY.REMAND_WITHOUT_ARREST',
      },
    },
    serveRemandOrder: {
      event: 'custody.remand-order-served',
      path: (c) => person(c, c.suspectId, 'remand-service'),
      prepare: async (c) => void (await remand(c)),
      body: (c) => validBody('POST /cases/:caseId/persons/:personId/remand-service', c),
      invalidField: 'occurredAt',
      invalid: {},
      violation: {
        prepare: async (c) => void (await release(c)),
        body: () => ({ occurredAt: t(10) }),
        code: 'CUSTODY.NOT_ON_REMAND',
      },
    },
    extendRemand: {
      event: 'custody.remand-extended',
      path: (c) => person(c, c.suspectId, 'remand-extensions'),
      prepare: async (c) => void (await remand(c)),
      body: (c) => validBody('POST /cases/:caseId/persons/:personId/remand-extensions', c),
      invalidField: 'months',
      invalid: { occurredAt: t(10), by: 'out-of-trial-panel', months: 2.5, reference: 'Kr 4/24' },
      violation: {
        prepare: async (c) => void (await remand(c)),
        body: () => ({
          occurredAt: t(10),
          by: 'out-of-trial-panel',
          months: 3,
          reference: 'Kr 4/24',
        }),
        code: 'CUSTODY.EXTENSION_TOO_LONG',
      },
    },
    releaseFromCustody: {
      event: 'custody.released',
      path: (c) => person(c, c.suspectId, 'release'),
      body: (c) => validBody('POST /cases/:caseId/persons/:personId/release', c),
      invalidField: 'reason',
      invalid: { occurredAt: t(10), reason: 'escaped' },
      violation: {
        prepare: async (c) => void (await release(c)),
        body: () => ({ occurredAt: t(10), reason: 'other' }),
        code: 'CUSTODY.NOT_HELD',
      },
    },
    handOverToForeignAuthorities: {
      event: 'custody.handed-over',
      path: (c) => person(c, c.migrantId, 'handover'),
      body: (c) => validBody('POST /cases/:caseId/persons/:personId/handover', c),
      invalidField: 'legalBasis',
      invalid: {
        occurredAt: t(10),
        country: 'HR',
        authority: 'PU Karlovačka',
        legalBasis: 'because',
      },
      violation: {
        prepare: async (c) => void (await expressIntent(c)),
        body: () => ({
          occurredAt: t(10),
          country: 'HR',
          authority: 'PU Karlovačka',
          legalBasis: 'readmission-agreement',
        }),
        code: 'ASYLUM.CANNOT_RETURN',
      },
    },
    expressAsylumIntent: {
      event: 'protection.asylum-intent-expressed',
      path: (c) => person(c, c.migrantId, 'asylum-intents'),
      body: () => ({
        occurredAt: t(10),
        expressedTo: 'other-authority',
        authority: 'Upravna enota Brežice',
        statement: 'dictated',
      }),
      invalidField: 'statement',
      invalid: { occurredAt: t(10), expressedTo: 'police', statement: 'sung' },
      violation: {
        body: () => ({ occurredAt: t(10), expressedTo: 'other-authority', statement: 'refused' }),
        code: 'ASYLUM.AUTHORITY_REQUIRED',
      },
    },
    referToAsylumCentre: {
      event: 'protection.referred-to-asylum-centre',
      path: (c) => person(c, c.migrantId, 'asylum-referral'),
      prepare: async (c) => void (await expressIntent(c)),
      body: (c) => validBody('POST /cases/:caseId/persons/:personId/asylum-referral', c),
      invalidField: 'facility',
      invalid: { occurredAt: t(10), facility: 'hotel' },
      violation: {
        prepare: async (c) => {
          await expressIntent(c);
          await referAsylum(c);
        },
        body: () => ({ occurredAt: t(10), facility: 'asylum-home-ljubljana' }),
        code: 'ASYLUM.ALREADY_REFERRED',
      },
    },
    recordLeftReception: {
      event: 'protection.left-reception',
      path: (c) => person(c, c.migrantId, 'reception-departure'),
      prepare: async (c) => {
        await expressIntent(c);
        await referAsylum(c);
      },
      body: (c) => validBody('POST /cases/:caseId/persons/:personId/reception-departure', c),
      invalidField: 'facility',
      invalid: { occurredAt: t(10) },
      violation: {
        // Leaving a second time with no referral in between.
        prepare: async (c) => {
          await expressIntent(c);
          await referAsylum(c);
          await ok(person(c, c.migrantId, 'reception-departure'), {
            occurredAt: t(5),
            facility: 'asylum-home-logatec',
          });
        },
        body: () => ({ occurredAt: t(10), facility: 'asylum-home-logatec' }),
        code: 'ASYLUM.NOT_REFERRED',
      },
    },
  };

  it('documents every command route in the OpenAPI document', async () => {
    const { body } = await http<{
      paths: Record<string, Record<string, { operationId?: string }>>;
    }>(sut.system.baseUrl, 'GET', '/docs-json');
    const operations = Object.values(body.paths).flatMap((ops) =>
      Object.values(ops).map((op) => op.operationId),
    );
    expect(operations).toEqual(expect.arrayContaining(['openCase', ...Object.keys(routes)]));
  });

  describe.each(Object.keys(routes))('%s', (name) => {
    const route = routes[name];

    it('stores its event and answers 201 with the new version', async () => {
      const c = await newCase();
      await route.prepare?.(c);
      const before = await version(c.caseId);
      const answer = await post(route.path(c), await route.body(c), { 'if-match': `"${before}"` });

      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ caseId: c.caseId, version: expect.any(Number) });
      const added = (answer.body.version as number) - before;
      expect(added).toBeGreaterThanOrEqual(1);
      expect(answer.headers.get('etag')).toBe(`"${answer.body.version as number}"`);
      const types = await streamTypes(c.caseId);
      expect(types.slice(before)).toEqual(Array(added).fill(route.event));
    });

    it('refuses a malformed body with 400 and stores nothing', async () => {
      const c = await newCase();
      await route.prepare?.(c);
      const [events, persons] = [await storedEvents(), await storedPersons()];
      const answer = await post(route.path(c), route.invalid);

      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect((answer.body.errors as { field: string }[]).map((e) => e.field)).toContain(
        route.invalidField,
      );
      expect([await storedEvents(), await storedPersons()]).toEqual([events, persons]);
    });

    it('answers 404 for a case that does not exist, and stores nothing', async () => {
      const c = await newCase();
      await route.prepare?.(c);
      const body = await route.body(c);
      const events = await storedEvents();
      const answer = await post(route.path({ ...c, caseId: randomUUID() }), body);

      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('CASE.NOT_FOUND');
      expect(await storedEvents()).toBe(events);
    });

    it('answers 409 with the current version for a stale If-Match, and stores nothing', async () => {
      const c = await newCase();
      await route.prepare?.(c);
      const current = await version(c.caseId);
      const events = await storedEvents();
      const answer = await post(route.path(c), await route.body(c), {
        'if-match': `"${current - 1}"`,
      });

      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        code: 'STREAM.VERSION_CONFLICT',
        currentVersion: current,
        expectedVersion: current - 1,
      });
      expect(await storedEvents()).toBe(events);
    });

    it(`refuses a command that breaks a rule with 422 ${route.violation.code} and stores nothing`, async () => {
      const c = await newCase();
      await route.violation.prepare?.(c);
      const [events, persons] = [await storedEvents(), await storedPersons()];
      const answer = await post(route.path(c), (route.violation.body ?? route.body)(c));

      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe(route.violation.code);
      expect([await storedEvents(), await storedPersons()]).toEqual([events, persons]);
    });
  });

  it('answers 404 for a person who is not in the case', async () => {
    const c = await newCase();
    const answer = await post(person(c, randomUUID(), 'release'), {
      occurredAt: t(10),
      reason: 'other',
    });
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('PERSON.NOT_IN_CASE');
  });

  it('takes nothing but corrections once the case is closed', async () => {
    const c = await newCase();
    await release(c);
    await close(c);
    const answer = await post(
      person(c, c.migrantId, 'asylum-intents'),
      validBody('POST /cases/:caseId/persons/:personId/asylum-intents', c),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('CASE.CLOSED');
  });

  it('projects amendments, closure and a correction of the opening into GET /cases/:caseId', async () => {
    const c = await newCase();
    await ok(`/cases/${c.caseId}/amendments`, {
      occurredAt: t(3),
      summary: 'Driver of the van arrested.',
    });
    await release(c);
    await close(c);
    const [opening] = await sut.db.query(
      `SELECT event_id FROM event_store.events WHERE stream_id = $1 AND type = 'case.opened'`,
      [c.caseId],
    );
    const corrected = await ok(`/cases/${c.caseId}/corrections`, {
      correctedEventId: opening.event_id,
      reason: 'The section was Metlika, not Obrežje.',
      changes: { borderSection: 'Metlika' },
    });

    const view = await eventually(async () => {
      const answer = await http(sut.system.baseUrl, 'GET', `/cases/${c.caseId}`);
      return answer.body?.version === corrected.version ? answer.body : undefined;
    });
    expect(view).toMatchObject({
      status: 'closed',
      borderSection: 'Metlika',
      summary: 'Driver of the van arrested.',
      version: corrected.version,
    });
  });

  describe('people across cases', () => {
    const passport = { type: 'passport', number: 'P 77-11-99', issuingCountry: 'AF' };

    it('recognises a person caught again in another case by a document, and counts the repeat', async () => {
      const first = await newCase();
      const second = await newCase();
      const caught = await ok(`/cases/${first.caseId}/apprehensions`, {
        occurredAt: t(10),
        nationality: 'AF',
        minor: false,
        place: 'Obrežje',
        person: { givenName: 'Ahmad', documents: [passport] },
      });
      // Typed differently the second time: the register normalises before hashing.
      const again = await ok(`/cases/${second.caseId}/apprehensions`, {
        occurredAt: t(11),
        nationality: 'AF',
        minor: false,
        place: 'Metlika',
        person: { documents: [{ ...passport, number: 'p771199' }] },
      });

      expect(caught.persons).toEqual([{ personId: expect.any(String), recognised: false }]);
      expect(again.persons).toEqual([{ personId: caught.persons![0].personId, recognised: true }]);
      const apprehensions = await count(
        `SELECT count(*) FROM event_store.events WHERE type = 'person.migrant-apprehended' AND data->>'personId' = $1`,
        [caught.persons![0].personId],
      );
      expect(apprehensions).toBe(2);
    });

    it('answers 409 when documents point at two different registered persons', async () => {
      const c = await newCase();
      const a = { type: 'passport', number: 'A1000001', issuingCountry: 'SY' };
      const b = { type: 'id-card', number: 'B2000002', issuingCountry: 'SY' };
      await ok(`/cases/${c.caseId}/apprehensions`, {
        occurredAt: t(10),
        nationality: 'SY',
        minor: false,
        place: 'X',
        person: { documents: [a] },
      });
      await ok(`/cases/${c.caseId}/apprehensions`, {
        occurredAt: t(11),
        nationality: 'SY',
        minor: false,
        place: 'X',
        person: { documents: [b] },
      });
      const events = await storedEvents();

      const answer = await post(`/cases/${c.caseId}/apprehensions`, {
        occurredAt: t(12),
        nationality: 'SY',
        minor: false,
        place: 'X',
        person: { documents: [a, b] },
      });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('PERSON.IDENTITY_CONFLICT');
      expect(await storedEvents()).toBe(events);
    });

    it('answers a retried arrest with the same person and stores one event', async () => {
      const c = await newCase();
      const body = {
        occurredAt: t(10),
        nationality: 'UA',
        slovenianCitizen: false,
        place: 'Metlika',
        person: {
          givenName: 'Ivan',
          documents: [{ type: 'passport', number: `UA${Date.now() % 1e9}`, issuingCountry: 'UA' }],
        },
      };
      const [events, persons] = [await storedEvents(), await storedPersons()];
      const first = await post(`/cases/${c.caseId}/arrests`, body, {
        'idempotency-key': 'arrest-metlika-0001',
      });
      const retry = await post(`/cases/${c.caseId}/arrests`, body, {
        'idempotency-key': 'arrest-metlika-0001',
      });

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
      // One event; one person with one document hash and one data key.
      expect([await storedEvents(), await storedPersons()]).toEqual([events + 1, persons + 3]);
    });
  });

  describe('personal data', () => {
    it('never stores or publishes names, dates of birth or document numbers in clear, and can be opened', async () => {
      const c = await newCase();
      const secret = {
        givenName: 'Zlatan',
        familyName: 'Kovačević',
        dateOfBirth: '1988-02-29',
        documents: [{ type: 'passport', number: 'ZK4455667', issuingCountry: 'BA' }],
      };
      const arrest = await ok(`/cases/${c.caseId}/arrests`, {
        occurredAt: t(10),
        nationality: 'BA',
        slovenianCitizen: false,
        place: 'Metlika',
        person: secret,
      });
      const personId = arrest.persons![0].personId;

      const clearText = ['Zlatan', 'Kovačević', '1988-02-29', 'ZK4455667'];
      const stored: { data: string }[] = await sut.db.query(
        'SELECT data::text AS data FROM event_store.events WHERE stream_id = $1',
        [c.caseId],
      );
      for (const value of clearText) expect(stored.some((e) => e.data.includes(value))).toBe(false);

      const messages = await eventually(async () => {
        const all = await readWholeTopic(sut.config.kafka.brokers, sut.config.kafka.topic);
        return all.some(
          (m) =>
            m.envelope.streamId === c.caseId &&
            m.envelope.type === 'person.suspect-arrested' &&
            (m.envelope.data as { personId: string }).personId === personId,
        )
          ? all
          : undefined;
      });
      const published = JSON.stringify(messages.map((m) => m.envelope));
      for (const value of clearText) expect(published.includes(value)).toBe(false);

      const [event] = await sut.db.query(
        `SELECT data FROM event_store.events WHERE stream_id = $1 AND data->>'personId' = $2`,
        [c.caseId, personId],
      );
      const vault = sut.system.api.get(PersonalDataVault);
      await expect(vault.open(event.data.personalData)).resolves.toEqual(secret);
    });
  });

  describe('retries and races', () => {
    it('answers concurrent retries of one command with the first answer, storing it once', async () => {
      const c = await newCase();
      const events = await storedEvents();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          post(
            `/cases/${c.caseId}/amendments`,
            { occurredAt: t(10), summary: 'Retried summary.' },
            { 'idempotency-key': `amend-${c.caseId}` },
          ),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      expect(await storedEvents()).toBe(events + 1);
    });

    it('answers concurrent retries of an arrest with one person, registered once', async () => {
      const c = await newCase();
      const body = {
        occurredAt: t(10),
        nationality: 'RO',
        slovenianCitizen: false,
        place: 'Metlika',
        person: {
          documents: [{ type: 'id-card', number: `RO${Date.now() % 1e9}`, issuingCountry: 'RO' }],
        },
      };
      const [events, persons] = [await storedEvents(), await storedPersons()];
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          post(`/cases/${c.caseId}/arrests`, body, { 'idempotency-key': `arrest-${c.caseId}` }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      // One event; one person, the hash of their document and the key sealing it.
      expect([await storedEvents(), await storedPersons()]).toEqual([events + 1, persons + 3]);
    });

    it('registers nothing for arrests that lose a race on the case version', async () => {
      const c = await newCase();
      const current = await version(c.caseId);
      const [events, persons] = [await storedEvents(), await storedPersons()];
      const answers = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          post(
            `/cases/${c.caseId}/arrests`,
            validBody('POST /cases/:caseId/arrests', c, { place: `Lendava ${i}` }),
            { 'if-match': `"${current}"` },
          ),
        ),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(3);
      expect([await storedEvents(), await storedPersons()]).toEqual([events + 1, persons + 1]);
    });

    it('recognises a person whose first sightings in two cases race', async () => {
      const [a, b] = [await newCase(), await newCase()];
      const passport = { type: 'passport', number: `IQ${Date.now() % 1e9}`, issuingCountry: 'IQ' };
      const apprehend = (c: Ctx) =>
        ok(`/cases/${c.caseId}/apprehensions`, {
          occurredAt: t(10),
          nationality: 'IQ',
          minor: false,
          place: 'Obrežje',
          person: { documents: [passport] },
        });
      const [first, second] = await Promise.all([apprehend(a), apprehend(b)]);
      const persons = [...first.persons!, ...second.persons!];
      expect(new Set(persons.map((p) => p.personId)).size).toBe(1);
      expect(persons.map((p) => p.recognised).sort()).toEqual([false, true]);
    });

    it('refuses one document given for two migrants of a group, registering no one', async () => {
      const c = await newCase();
      const passport = { type: 'passport', number: 'DUP000111', issuingCountry: 'SY' };
      const [events, persons] = [await storedEvents(), await storedPersons()];
      const answer = await post(`/cases/${c.caseId}/apprehension-groups`, {
        occurredAt: t(10),
        place: 'Obrežje',
        migrants: [
          { nationality: 'SY', minor: false, person: { givenName: 'A', documents: [passport] } },
          { nationality: 'SY', minor: false, person: { givenName: 'B', documents: [passport] } },
        ],
      });
      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe('PERSON.SAME_DOCUMENT_TWICE');
      expect([await storedEvents(), await storedPersons()]).toEqual([events, persons]);
    });

    it('refuses an Idempotency-Key reused on another case', async () => {
      const [a, b] = [await newCase(), await newCase()];
      const body = { occurredAt: t(10), summary: 'Same body, other case.' };
      const first = await post(`/cases/${a.caseId}/amendments`, body, {
        'idempotency-key': 'reused-key-0001',
      });
      const other = await post(`/cases/${b.caseId}/amendments`, body, {
        'idempotency-key': 'reused-key-0001',
      });
      expect(first.status).toBe(201);
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    });
  });

  describe('hostile input', () => {
    it.each<[string, (c: Ctx) => string, unknown, string]>([
      [
        'a NUL character in text',
        (c) => `/cases/${c.caseId}/amendments`,
        { occurredAt: t(10), summary: 'a\u0000b' },
        'REQUEST.INVALID_CHARACTER',
      ],
      [
        'a person given as an array',
        (c) => `/cases/${c.caseId}/arrests`,
        {
          occurredAt: t(10),
          nationality: 'RS',
          slovenianCitizen: false,
          place: 'X',
          person: [{ givenName: 'Ana' }],
        },
        'REQUEST.VALIDATION_FAILED',
      ],
      [
        'documents nested in an array',
        (c) => `/cases/${c.caseId}/arrests`,
        {
          occurredAt: t(10),
          nationality: 'RS',
          slovenianCitizen: false,
          place: 'X',
          person: { documents: [[{ type: 'passport', number: 'X1', issuingCountry: 'RS' }]] },
        },
        'REQUEST.VALIDATION_FAILED',
      ],
      [
        'migrants nested in an array',
        (c) => `/cases/${c.caseId}/apprehension-groups`,
        { occurredAt: t(10), place: 'X', migrants: [[{ nationality: 'SY', minor: false }]] },
        'REQUEST.VALIDATION_FAILED',
      ],
      [
        'a day that does not exist',
        (c) => `/cases/${c.caseId}/amendments`,
        { occurredAt: '2025-02-31T10:00:00Z', summary: 'x' },
        'REQUEST.VALIDATION_FAILED',
      ],
      [
        'a birth date that does not exist',
        (c) => `/cases/${c.caseId}/arrests`,
        {
          occurredAt: t(10),
          nationality: 'RS',
          slovenianCitizen: false,
          place: 'X',
          person: { dateOfBirth: '1990-02-30' },
        },
        'REQUEST.VALIDATION_FAILED',
      ],
      [
        'a correction of an inherited member',
        (c) => `/cases/${c.caseId}/corrections`,
        { correctedEventId: randomUUID(), reason: 'x', changes: { constructor: { prototype: 1 } } },
        'REQUEST.VALIDATION_FAILED',
      ],
    ])('refuses %s with 400 and stores nothing', async (_label, path, json, code) => {
      const c = await newCase();
      const [events, persons] = [await storedEvents(), await storedPersons()];
      const answer = await post(path(c), json);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe(code);
      expect([await storedEvents(), await storedPersons()]).toEqual([events, persons]);
    });

    it('refuses an If-Match that is not a version', async () => {
      const c = await newCase();
      const answer = await post(
        `/cases/${c.caseId}/amendments`,
        { occurredAt: t(10), summary: 'x' },
        { 'if-match': '"2' },
      );
      expect(answer.status).toBe(400);
      expect((answer.body.errors as { field: string }[])[0].field).toBe('If-Match');
    });

    it('reads ids in any case and answers them in lower case', async () => {
      const c = await newCase();
      const answer = await post(`/cases/${c.caseId.toUpperCase()}/amendments`, {
        occurredAt: t(10),
        summary: 'Upper-case id.',
      });
      expect(answer.status).toBe(201);
      expect(answer.body.caseId).toBe(c.caseId);
    });
  });
});
