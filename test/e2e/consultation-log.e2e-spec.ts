import { randomUUID } from 'node:crypto';
import { timeline, validBody } from '../harness/routes';
import { HttpAnswer, http, openCaseWithPeople, useSystem } from '../harness/system';
import { eventually, testToken } from '../harness/test-env';

interface Entry {
  seq: string;
  actorId: string;
  role: string;
  directorate: string | null;
  action: string;
  purpose: string;
  records: { kind: string; id: string }[];
  justification: string | null;
  recipient: string | null;
  correlationId: string;
  hash: string;
}

/**
 * LED Art. 25: every read of personal data or custody status is logged with who, when, which
 * records and why (and to whom, for a disclosure); personal data is refused without a reason.
 */
describe('consultation log', () => {
  const sut = useSystem();
  // A day ago: the suspect's police custody still runs, so the board shows them.
  const at = timeline(Date.now() - 24 * 3600_000);
  let tokens: Record<'investigator' | 'koper' | 'liaison' | 'auditor' | 'supervisor', string>;
  let caseId: string;
  let suspectId: string;
  let migrantId: string;

  const logged = async (): Promise<Entry[]> => {
    const rows: Record<string, unknown>[] = await sut.db.query(
      `SELECT seq::text AS seq, actor_id, role, directorate, action, purpose, records,
              justification, recipient, correlation_id, encode(hash, 'hex') AS hash
         FROM audit.consultation_log c ORDER BY c.seq`,
    );
    return rows.map((r) => ({
      seq: r.seq as string,
      actorId: r.actor_id as string,
      role: r.role as string,
      directorate: r.directorate as string | null,
      action: r.action as string,
      purpose: r.purpose as string,
      records: r.records as Entry['records'],
      justification: r.justification as string | null,
      recipient: r.recipient as string | null,
      correlationId: r.correlation_id as string,
      hash: r.hash as string,
    }));
  };
  /** What one request added to the log. */
  const loggedBy = async (request: () => Promise<HttpAnswer>) => {
    const before = (await logged()).length;
    const answer = await request();
    return { answer, added: (await logged()).slice(before) };
  };
  const get = (path: string, token: string, headers: Record<string, string> = {}) =>
    http(sut.system.baseUrl, 'GET', path, { token, headers });

  beforeAll(async () => {
    tokens = {
      investigator: await testToken('investigator', 'novo-mesto', { subject: 'inv-nm-17' }),
      koper: await testToken('investigator', 'koper', { subject: 'inv-kp-3' }),
      liaison: await testToken('prosecutor-liaison', undefined, { subject: 'odt-nm-2' }),
      auditor: await testToken('auditor', undefined, { subject: 'aud-1' }),
      supervisor: await testToken('supervisor', undefined, { subject: 'sup-1' }),
    };
    ({ caseId, suspectId, migrantId } = await openCaseWithPeople(sut.system.baseUrl, { at }));
    const identified = await http(
      sut.system.baseUrl,
      'POST',
      `/cases/${caseId}/persons/${suspectId}/identity`,
      {
        json: {
          occurredAt: at(3),
          method: 'document',
          nationality: 'RS',
          person: {
            givenName: 'Marko',
            familyName: 'Petrović',
            dateOfBirth: '1988-02-11',
            documents: [{ type: 'passport', number: 'P7654321', issuingCountry: 'RS' }],
          },
        },
      },
    );
    expect(identified.status).toBe(201);
    await http(
      sut.system.baseUrl,
      'POST',
      `/cases/${caseId}/persons/${suspectId}/police-detention`,
      {
        json: { occurredAt: at(4) },
      },
    );
    await eventually(
      async () => {
        const board = await http(sut.system.baseUrl, 'GET', '/custody-board', {
          token: tokens.supervisor,
        });
        return (board.body.items as unknown[]).length === 1 ? true : undefined;
      },
      { what: 'the detention on the custody board' },
    );
  });

  describe('personal data', () => {
    const path = () => `/people/${suspectId}/personal-data`;

    it('is refused without a justification, and the refusal shows and logs nothing', async () => {
      const { answer, added } = await loggedBy(() => get(path(), tokens.investigator));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'CONSULTATION.JUSTIFICATION_REQUIRED' });
      expect(JSON.stringify(answer.body)).not.toMatch(/Petrovi|P7654321/);
      expect(added).toEqual([]);
    });

    it.each([
      ['too short', 'why'],
      ['a control character', 'Custody%0Ahearing check'],
      ['an invisible right-to-left override', 'Custody %E2%80%AEgniraeh check'],
      ['too long', 'x'.repeat(501)],
    ])('refuses a justification that is %s as a validation failure', async (_, justification) => {
      const { answer, added } = await loggedBy(() =>
        get(path(), tokens.investigator, { 'x-justification': justification }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        code: 'REQUEST.VALIDATION_FAILED',
        errors: [{ field: 'X-Justification', messages: [expect.any(String)] }],
      });
      expect(added).toEqual([]);
    });

    it('answers with the data and logs who read which person, when and why (UTF-8 reasons kept)', async () => {
      const reason = 'Preverjanje istovetnosti pred zaslišanjem – KU 17/24';
      const { answer, added } = await loggedBy(() =>
        get(path(), tokens.investigator, {
          'x-justification': encodeURIComponent(reason),
          'x-correlation-id': 'corr-personal-data-1',
        }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        personId: suspectId,
        records: [
          {
            eventId: expect.any(String),
            caseId,
            type: 'person.identity-established',
            occurredAt: at(3),
            recordedAt: expect.any(String),
            personalData: {
              givenName: 'Marko',
              familyName: 'Petrović',
              dateOfBirth: '1988-02-11',
              documents: [{ type: 'passport', number: 'P7654321', issuingCountry: 'RS' }],
            },
          },
        ],
      });
      expect(added).toEqual([
        {
          seq: expect.any(String),
          actorId: 'inv-nm-17',
          role: 'investigator',
          directorate: 'novo-mesto',
          action: 'consultation',
          purpose: 'GET /people/:personId/personal-data',
          records: [{ kind: 'person', id: suspectId }],
          justification: reason,
          recipient: null,
          correlationId: 'corr-personal-data-1',
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      ]);
      // The log holds ids and reasons, never what was read.
      expect(JSON.stringify(added)).not.toMatch(/Petrovi|P7654321|1988/);
    });

    it('takes text that does not percent-decode as it is', async () => {
      const { answer, added } = await loggedBy(() =>
        get(path(), tokens.investigator, { 'x-justification': '100% sure: hearing at 10:00' }),
      );
      expect(answer.status).toBe(200);
      expect(added).toMatchObject([{ justification: '100% sure: hearing at 10:00' }]);
    });

    it('answers a person outside the caller’s directorate as unknown, and logs nothing', async () => {
      for (const personId of [suspectId, randomUUID()]) {
        const { answer, added } = await loggedBy(() =>
          get(`/people/${personId}/personal-data`, tokens.koper, {
            'x-justification': 'Checking a name from a tip-off.',
          }),
        );
        expect([answer.status, answer.body.code]).toEqual([404, 'PERSON.NOT_FOUND']);
        expect(added).toEqual([]);
      }
    });

    it('logs a disclosure with its recipient', async () => {
      const { answer, added } = await loggedBy(() =>
        get(path(), tokens.liaison, {
          'x-justification': 'Indictment file for the court.',
          'x-disclosure-recipient': encodeURIComponent('Okrožno sodišče v Novem mestu'),
        }),
      );
      expect(answer.status).toBe(200);
      expect(added).toMatchObject([
        {
          actorId: 'odt-nm-2',
          role: 'prosecutor-liaison',
          action: 'disclosure',
          recipient: 'Okrožno sodišče v Novem mestu',
          justification: 'Indictment file for the court.',
        },
      ]);
    });
  });

  describe('custody status and case reads', () => {
    it('logs the custody board with every case and person it showed, justification optional', async () => {
      const { answer, added } = await loggedBy(() => get('/custody-board', tokens.liaison));
      expect(answer.status).toBe(200);
      expect(added).toMatchObject([
        {
          actorId: 'odt-nm-2',
          action: 'consultation',
          purpose: 'GET /custody-board',
          records: [
            { kind: 'case', id: caseId },
            { kind: 'person', id: suspectId },
          ],
          justification: null,
        },
      ]);
    });

    it('logs a case read with the case and its people', async () => {
      const { answer, added } = await loggedBy(() =>
        get(`/cases/${caseId}`, tokens.investigator, {
          'x-justification': 'Preparing the remand proposal.',
        }),
      );
      expect(answer.status).toBe(200);
      expect(added).toMatchObject([
        {
          purpose: 'GET /cases/:caseId',
          records: [
            { kind: 'case', id: caseId },
            { kind: 'person', id: suspectId },
            { kind: 'person', id: migrantId },
          ],
          justification: 'Preparing the remand proposal.',
        },
      ]);
    });

    it('refuses a disclosure without a justification even where reads need none', async () => {
      const { answer, added } = await loggedBy(() =>
        get('/custody-board', tokens.liaison, { 'x-disclosure-recipient': 'ODT Novo mesto' }),
      );
      expect([answer.status, answer.body.code]).toEqual([
        400,
        'CONSULTATION.JUSTIFICATION_REQUIRED',
      ]);
      expect(added).toEqual([]);
    });

    it('does not log reads that show no person: statistics and projection lag', async () => {
      const { added } = await loggedBy(async () => {
        await get('/statistics?from=2024-01-01&to=2024-02-01', tokens.liaison);
        return get('/projections', tokens.liaison);
      });
      expect(added).toEqual([]);
    });
  });

  describe('for auditors', () => {
    it('filters by record and actor, pages with a cursor, and logs the auditor’s own reads', async () => {
      const all = (await logged()).filter((e) => e.records.some((r) => r.id === suspectId));
      expect(all.length).toBeGreaterThanOrEqual(4);

      const pages: Entry[] = [];
      let cursor: string | null = null;
      do {
        const { body, status } = await get(
          `/audit/consultations?recordId=${suspectId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          tokens.auditor,
        );
        expect(status).toBe(200);
        pages.push(...(body.items as Entry[]));
        cursor = body.nextCursor as string | null;
      } while (cursor);
      // Every entry naming the suspect, once, in order; the auditor's own reads name no person.
      expect(pages.map((e) => e.seq)).toEqual(all.map((e) => e.seq));

      const byActor = await get('/audit/consultations?actorId=odt-nm-2', tokens.auditor);
      expect((byActor.body.items as Entry[]).map((e) => e.purpose)).toEqual([
        'GET /people/:personId/personal-data',
        'GET /custody-board',
      ]);

      const own = await get('/audit/consultations?actorId=aud-1&limit=200', tokens.auditor);
      const ownReads = (own.body.items as Entry[]).filter(
        (e) => e.purpose === 'GET /audit/consultations',
      );
      // The pages above and the actor query; this read is logged after it answered.
      expect(ownReads.length).toBe(Math.ceil(all.length / 2) + 1);
      expect(ownReads[0]).toMatchObject({
        role: 'auditor',
        action: 'consultation',
        records: [{ kind: 'consultation-log', id: expect.stringMatching(/^\d+-\d+$/) }],
      });
    });

    it('refuses other roles and bad filters', async () => {
      const refused = await get('/audit/consultations', tokens.supervisor);
      expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
      for (const query of ['recordId=nope', 'action=reading', 'from=yesterday', 'cursor=%25%25']) {
        const answer = await get(`/audit/consultations?${query}`, tokens.auditor);
        expect([query, answer.status]).toEqual([query, 400]);
      }
    });

    it('keeps the log hash-chained: the integrity check counts every entry and finds it intact', async () => {
      const entries = await logged();
      const { status, body } = await get('/audit/integrity', tokens.auditor);
      expect(status).toBe(200);
      expect(body).toMatchObject({ intact: true, breaks: [], consultations: entries.length });
      // The check itself is an auditor's read, logged after it answered.
      expect((await logged()).slice(entries.length)).toMatchObject([
        { actorId: 'aud-1', purpose: 'GET /audit/integrity', records: [{ kind: 'integrity' }] },
      ]);
    });
  });

  // Last: it records the suspect in a second directorate, which the counts above do not expect.
  describe('a person recorded by two directorates', () => {
    it('shows an investigator only what their own directorate recorded of a person', async () => {
      const koperCase = await http(sut.system.baseUrl, 'POST', '/cases', {
        json: validBody('POST /cases', { at }, { directorate: 'koper' }),
      });
      const arrest = await http(
        sut.system.baseUrl,
        'POST',
        `/cases/${koperCase.body.caseId as string}/arrests`,
        {
          json: {
            occurredAt: at(6),
            nationality: 'RS',
            slovenianCitizen: false,
            place: 'Sočerga',
            person: {
              personId: suspectId.toUpperCase(),
              givenName: 'Marko',
              familyName: 'Petrovič',
            },
          },
        },
      );
      expect(arrest.status).toBe(201);
      const reason = { 'x-justification': 'Checking identity for the custody hearing.' };
      const names = async (token: string) =>
        (
          (await get(`/people/${suspectId}/personal-data`, token, reason)).body.records as {
            caseId: string;
            personalData: { familyName: string };
          }[]
        ).map((r) => [r.caseId, r.personalData.familyName]);
      await expect(names(tokens.koper)).resolves.toEqual([[koperCase.body.caseId, 'Petrovič']]);
      await expect(names(tokens.investigator)).resolves.toEqual([[caseId, 'Petrović']]);
      await expect(names(tokens.liaison)).resolves.toEqual([
        [caseId, 'Petrović'],
        [koperCase.body.caseId, 'Petrovič'],
      ]);
    });
  });
});
