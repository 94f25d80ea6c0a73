import { PostgresEventStore } from '@app/event-store';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { MENTIONS_PERSON } from '../../apps/api/src/audit/person-history/person-history.query';
import { timeline } from '../harness/routes';
import { HttpAnswer, http, useSystem } from '../harness/system';
import { eventually, testToken } from '../harness/test-env';

/*
 * The auditor's reads of the event store: the history of a case and of a person, and a case
 * as of a past moment or version, rebuilt from events (v1 events upcast), with no side effect.
 */

interface HistoryItem {
  position: string;
  eventId: string;
  streamId: string;
  streamType: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  metadata: Record<string, unknown>;
  data: Record<string, unknown>;
}
interface History {
  caseId?: string;
  personId?: string;
  directorate?: string;
  items: HistoryItem[];
  nextCursor: string | null;
}
interface Clock {
  kind: string;
  startedAt: { utc: string };
  deadline: { utc: string };
  metAt: { utc: string } | null;
  overdue: boolean;
}
interface StatePerson {
  personId: string;
  role: string;
  nationality: string | null;
  slovenianCitizen: boolean;
  custody: { phase: string; heldSince: string | null };
  protection: { status: string; referrals: { facility: string; at: string }[] };
  clocks: Clock[];
}
interface CaseState {
  caseId: string;
  directorate: string;
  version: number;
  position: string;
  asOf: string;
  recordedAt: string;
  borderSection: string;
  suspects: number;
  migrants: number;
  inCustody: number;
  complaintFiledAt: string | null;
  persons: StatePerson[];
}
interface EventRow {
  position: string;
  event_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  occurred_at: Date;
  recorded_at: Date;
}

const HOUR = 3600_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('audit: history and past state', () => {
  const sut = useSystem();
  const at = timeline();
  const correctedArrest = () => plus(at(1), -5 * 60_000);
  const tokens: Record<'auditor' | 'investigator' | 'supervisor', string> = {
    auditor: '',
    investigator: '',
    supervisor: '',
  };

  /** Case A (novo-mesto): every event, by version, and the ids it names. */
  const a = { caseId: '', suspectId: '', migrantId: '', arrestEventId: '' };
  /** Case B (koper): the same suspect, arrested again. */
  let caseB = '';
  /** Case C: a suspect-arrested event stored as schema v1, before slovenianCitizen existed. */
  const c = { caseId: '', personId: '', arrestEventId: '' };
  let rowsA: EventRow[] = [];

  /** As an auditor, stating why: a person's history is refused without a justification. */
  const audit = <T = History>(path: string, token = tokens.auditor) =>
    http<T>(sut.system.baseUrl, 'GET', path, {
      token,
      headers: { 'x-justification': 'Annual lawfulness review of custody records.' },
    });

  const command = async (
    path: string,
    json: unknown,
    token: string,
    correlationId = `corr-${randomUUID()}`,
  ) => {
    const answer = await http<{
      caseId: string;
      version: number;
      position: string;
      persons?: { personId: string }[];
    }>(sut.system.baseUrl, 'POST', path, {
      json,
      token,
      headers: { 'x-correlation-id': correlationId },
    });
    if (answer.status !== 201)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  const eventsOf = async (streamId: string): Promise<EventRow[]> =>
    sut.db.query(
      `SELECT position::text AS position, event_id, version, type, schema_version, data, metadata,
              occurred_at, recorded_at
         FROM event_store.events WHERE stream_id = $1 ORDER BY version`,
      [streamId],
    );

  /** Every page of a history, following nextCursor. */
  const allPages = async (path: string, limit: number) => {
    const pages: History[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page: HttpAnswer<History> = await audit(
        `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      pages.push(page.body);
      cursor = page.body.nextCursor;
    } while (cursor);
    return pages;
  };

  const versions = (history: History) => history.items.map((i) => i.streamVersion);

  /** The data as stored, with the suspect's sealed personal data as the history shows it. */
  const expectedData = (row: EventRow) => {
    const sealed = { scheme: 'aes-256-gcm.v1', personId: a.suspectId, sealed: true };
    if (row.type === 'person.suspect-arrested') return { ...row.data, personalData: sealed };
    if (row.type === 'case.correction-recorded') {
      const replacement = row.data.replacement as { data: Record<string, unknown> };
      return {
        ...row.data,
        replacement: { ...replacement, data: { ...replacement.data, personalData: sealed } },
      };
    }
    return row.data;
  };

  beforeAll(async () => {
    tokens.auditor = await testToken('auditor');
    tokens.investigator = await testToken('investigator', 'novo-mesto', { subject: 'inv-nm-17' });
    tokens.supervisor = await testToken('supervisor', undefined, { subject: 'sup-1' });
    const inv = tokens.investigator;
    const sup = tokens.supervisor;

    const opened = await command(
      '/cases',
      {
        directorate: 'novo-mesto',
        borderSection: 'Obrežje',
        offenceParagraph: 3,
        openedAt: at(0),
        summary: 'Van stopped near Obrežje.',
      },
      inv,
      'corr-open',
    );
    a.caseId = opened.caseId;
    const person = (p: string) => `/cases/${a.caseId}/persons/${p}`;
    const arrest = await command(
      `/cases/${a.caseId}/arrests`,
      {
        occurredAt: at(1),
        nationality: 'RS',
        slovenianCitizen: false,
        place: 'Obrežje',
        person: {
          givenName: 'Marko',
          familyName: 'Petrović',
          documents: [{ type: 'passport', number: 'P7654321', issuingCountry: 'RS' }],
        },
      },
      inv,
      'corr-arrest',
    );
    a.suspectId = arrest.persons![0].personId;
    const apprehension = await command(
      `/cases/${a.caseId}/apprehensions`,
      { occurredAt: at(2), nationality: 'SY', minor: false, place: 'Obrežje' },
      inv,
    );
    a.migrantId = apprehension.persons![0].personId;
    await command(`${person(a.suspectId)}/police-detention`, { occurredAt: at(3) }, inv);
    await command(
      `${person(a.migrantId)}/asylum-intents`,
      { occurredAt: at(4), expressedTo: 'police', statement: 'handwritten' },
      inv,
    );
    await command(
      `${person(a.migrantId)}/asylum-referral`,
      { occurredAt: at(5), facility: 'asylum-home-logatec' },
      inv,
    );
    await command(
      `/cases/${a.caseId}/criminal-complaints`,
      {
        occurredAt: at(6),
        prosecutorOffice: 'ODT Novo mesto',
        reference: 'KU 9/24',
        suspectIds: [a.suspectId],
      },
      sup,
    );
    a.arrestEventId = (await eventsOf(a.caseId))[1].event_id;
    // v8: the arrest happened five minutes earlier, in Metlika.
    await command(
      `/cases/${a.caseId}/corrections`,
      {
        correctedEventId: a.arrestEventId,
        reason: 'Time and place copied from the wrong report.',
        occurredAt: correctedArrest(),
        changes: { place: 'Metlika' },
      },
      sup,
    );
    rowsA = await eventsOf(a.caseId);

    caseB = (
      await command(
        '/cases',
        {
          directorate: 'koper',
          borderSection: 'Sočerga',
          offenceParagraph: 3,
          openedAt: at(7),
          summary: 'Car stopped at Sočerga.',
        },
        sup,
      )
    ).caseId;
    await command(
      `/cases/${caseB}/arrests`,
      {
        occurredAt: at(8),
        nationality: 'RS',
        slovenianCitizen: false,
        place: 'Sočerga',
        person: { personId: a.suspectId },
      },
      sup,
    );

    // Case C: opened through the API, then an arrest as the v1 schema wrote it, stored as it
    // was then (straight into the store, past today's domain, which writes v2).
    c.caseId = (
      await command(
        '/cases',
        {
          directorate: 'novo-mesto',
          borderSection: 'Metlika',
          offenceParagraph: 3,
          openedAt: at(9),
          summary: 'Old record, migrated.',
        },
        inv,
      )
    ).caseId;
    c.personId = randomUUID();
    const commandId = randomUUID();
    await new PostgresEventStore(sut.db).append({
      streamId: c.caseId,
      streamType: 'case',
      expectedVersion: 1,
      events: [
        {
          type: 'person.suspect-arrested',
          schemaVersion: 1,
          occurredAt: new Date(at(10)),
          data: {
            caseId: c.caseId,
            personId: c.personId,
            recognised: false,
            nationality: 'SI',
            place: 'Metlika',
            personalData: null,
          },
        },
      ],
      metadata: {
        actorId: 'inv-nm-17',
        role: 'investigator',
        directorate: 'novo-mesto',
        correlationId: randomUUID(),
        causationId: commandId,
        commandId,
        idempotencyKey: null,
      },
    });
    c.arrestEventId = (await eventsOf(c.caseId))[1].event_id;
  });

  describe('the history of a case', () => {
    it('lists every event as stored, in order, with who, when and why', async () => {
      const answer = await audit(`/audit/cases/${a.caseId}/history`);
      expect(answer.status).toBe(200);
      expect(answer.body.caseId).toBe(a.caseId);
      expect(answer.body.directorate).toBe('novo-mesto');
      expect(answer.body.nextCursor).toBeNull();
      expect(answer.body.items.map((i) => [i.streamVersion, i.type, i.schemaVersion])).toEqual([
        [1, 'case.opened', 1],
        [2, 'person.suspect-arrested', 2],
        [3, 'person.migrant-apprehended', 1],
        [4, 'custody.police-detention-started', 1],
        [5, 'protection.asylum-intent-expressed', 1],
        [6, 'protection.referred-to-asylum-centre', 1],
        [7, 'case.criminal-complaint-filed', 1],
        [8, 'case.correction-recorded', 1],
      ]);
      expect(answer.body.items).toEqual(
        rowsA.map((row) => ({
          position: row.position,
          eventId: row.event_id,
          streamId: a.caseId,
          streamType: 'case',
          streamVersion: row.version,
          type: row.type,
          schemaVersion: row.schema_version,
          occurredAt: row.occurred_at.toISOString(),
          recordedAt: row.recorded_at.toISOString(),
          metadata: {
            actorId: row.metadata.actorId,
            role: row.metadata.role,
            directorate: row.metadata.directorate,
            correlationId: row.metadata.correlationId,
            causationId: row.metadata.causationId,
            commandId: row.metadata.commandId,
            idempotencyKey: row.metadata.idempotencyKey,
          },
          data: expectedData(row),
        })),
      );
      const [open, arrest, , , , , complaint] = answer.body.items;
      expect(open.metadata).toEqual({
        actorId: 'inv-nm-17',
        role: 'investigator',
        directorate: 'novo-mesto',
        correlationId: 'corr-open',
        causationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        commandId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        idempotencyKey: null,
      });
      expect(arrest.metadata.correlationId).toBe('corr-arrest');
      expect(arrest.occurredAt).toBe(at(1));
      expect(complaint.metadata).toMatchObject({ actorId: 'sup-1', role: 'supervisor' });
      expect(complaint.metadata.directorate).toBeNull();
      const positions = answer.body.items.map((i) => BigInt(i.position));
      expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
    });

    it('shows sealed personal data redacted, never its ciphertext', async () => {
      const answer = await audit(`/audit/cases/${a.caseId}/history?type=person.suspect-arrested`);
      expect(answer.status).toBe(200);
      expect(answer.body.items).toHaveLength(1);
      expect(rowsA[1].data.personalData).toEqual({
        scheme: 'aes-256-gcm.v1',
        personId: a.suspectId,
        ciphertext: expect.stringMatching(/^[A-Za-z0-9+/=]{40,}$/),
      });
      expect(answer.body.items[0].data.personalData).toEqual({
        scheme: 'aes-256-gcm.v1',
        personId: a.suspectId,
        sealed: true,
      });
      // The correction carries the arrest's data in full, personal data included: also redacted.
      const correction = await audit(
        `/audit/cases/${a.caseId}/history?type=case.correction-recorded`,
      );
      const replacement = correction.body.items[0].data.replacement as {
        data: Record<string, unknown>;
      };
      expect(replacement.data.personalData).toEqual({
        scheme: 'aes-256-gcm.v1',
        personId: a.suspectId,
        sealed: true,
      });
      expect(replacement.data.place).toBe('Metlika');
      const whole = await audit(`/audit/cases/${a.caseId}/history`);
      const ciphertexts = rowsA
        .map((row) => JSON.stringify(row.data).match(/"ciphertext":"([^"]+)"/)?.[1])
        .filter((text): text is string => text !== undefined);
      expect(ciphertexts.length).toBe(2);
      for (const ciphertext of ciphertexts)
        expect(JSON.stringify(whole.body)).not.toContain(ciphertext);
      expect(JSON.stringify(whole.body)).not.toContain('ciphertext');
    });

    it('filters by type, actor and the time the store recorded the events', async () => {
      const typed = await audit(
        `/audit/cases/${a.caseId}/history?type=custody.police-detention-started,case.opened`,
      );
      expect(versions(typed.body)).toEqual([1, 4]);
      const bySupervisor = await audit(`/audit/cases/${a.caseId}/history?actorId=sup-1`);
      expect(versions(bySupervisor.body)).toEqual([7, 8]);
      const byNobody = await audit(`/audit/cases/${a.caseId}/history?actorId=someone-else`);
      expect(byNobody.status).toBe(200);
      expect(byNobody.body.items).toEqual([]);

      // recordedAt, not occurredAt: the correction happened "now", the arrest long before.
      const recorded = (version: number) => rowsA[version - 1].recorded_at.toISOString();
      const from = await audit(`/audit/cases/${a.caseId}/history?from=${recorded(4)}`);
      expect(versions(from.body)).toEqual([4, 5, 6, 7, 8]);
      const to = await audit(`/audit/cases/${a.caseId}/history?to=${recorded(4)}`);
      expect(versions(to.body)).toEqual([1, 2, 3]);
      const between = await audit(
        `/audit/cases/${a.caseId}/history?from=${recorded(2)}&to=${recorded(4)}&actorId=inv-nm-17`,
      );
      expect(versions(between.body)).toEqual([2, 3]);
      // Every event occurred ten days ago: a window on occurredAt would hold them all.
      const window = await audit(
        `/audit/cases/${a.caseId}/history?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(8))}`,
      );
      expect(window.body.items).toEqual([]);
    });

    it('pages by position: every event once, in order, and the last page says so', async () => {
      const pages = await allPages(`/audit/cases/${a.caseId}/history`, 3);
      expect(pages.map(versions)).toEqual([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8],
      ]);
      const filtered = await allPages(`/audit/cases/${a.caseId}/history?actorId=inv-nm-17`, 2);
      expect(filtered.map(versions)).toEqual([
        [1, 2],
        [3, 4],
        [5, 6],
      ]);
      const exact = await allPages(`/audit/cases/${a.caseId}/history`, 8);
      expect(exact.map(versions)).toEqual([[1, 2, 3, 4, 5, 6, 7, 8]]);
    });

    it('answers 404 CASE.NOT_FOUND for a case that does not exist', async () => {
      const missing = randomUUID();
      const answer = await audit(`/audit/cases/${missing}/history`);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({
        type: 'urn:problem:CASE.NOT_FOUND',
        title: 'No such case.',
        status: 404,
        code: 'CASE.NOT_FOUND',
        caseId: missing,
        instance: `/audit/cases/${missing}/history`,
      });
    });
  });

  describe('the history of a person', () => {
    it('lists every event naming the person, in any case, as personId, in a list or in a correction', async () => {
      const answer = await audit(`/audit/people/${a.suspectId}/history`);
      expect(answer.status).toBe(200);
      expect(answer.body.personId).toBe(a.suspectId);
      expect(answer.body.items.map((i) => [i.streamId, i.streamVersion, i.type])).toEqual([
        [a.caseId, 2, 'person.suspect-arrested'],
        [a.caseId, 4, 'custody.police-detention-started'],
        [a.caseId, 7, 'case.criminal-complaint-filed'],
        [a.caseId, 8, 'case.correction-recorded'],
        [caseB, 2, 'person.suspect-arrested'],
      ]);
      expect(answer.body.items[2].data.suspectIds).toEqual([a.suspectId]);

      const migrant = await audit(`/audit/people/${a.migrantId}/history`);
      expect(migrant.body.items.map((i) => [i.streamId, i.streamVersion])).toEqual([
        [a.caseId, 3],
        [a.caseId, 5],
        [a.caseId, 6],
      ]);
    });

    it('filters and pages like the history of a case', async () => {
      const koper = await audit(
        `/audit/people/${a.suspectId}/history?type=person.suspect-arrested&actorId=sup-1`,
      );
      expect(koper.body.items.map((i) => i.streamId)).toEqual([caseB]);
      const pages = await allPages(`/audit/people/${a.suspectId}/history`, 2);
      expect(pages.map((p) => p.items.map((i) => `${i.streamId}/${i.streamVersion}`))).toEqual([
        [`${a.caseId}/2`, `${a.caseId}/4`],
        [`${a.caseId}/7`, `${a.caseId}/8`],
        [`${caseB}/2`],
      ]);
      const none = await audit(`/audit/people/${a.suspectId}/history?type=case.closed`);
      expect(none.status).toBe(200);
      expect(none.body.items).toEqual([]);
    });

    it('answers 404 PERSON.NOT_FOUND for an id that is no person’s, a case id included', async () => {
      for (const id of [randomUUID(), caseB]) {
        const answer = await audit(`/audit/people/${id}/history`);
        expect(answer.status).toBe(404);
        expect(answer.body).toEqual({
          type: 'urn:problem:PERSON.NOT_FOUND',
          title: 'No such person.',
          status: 404,
          code: 'PERSON.NOT_FOUND',
          personId: id,
          instance: `/audit/people/${id}/history`,
        });
      }
    });

    it('finds the events through the index, not by reading every event', async () => {
      const plan = await sut.db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await tx.query(
          `EXPLAIN SELECT position FROM event_store.events e WHERE ${MENTIONS_PERSON}`,
          [a.suspectId],
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('events_mentioned_ids');
    });
  });

  describe('refusing bad input', () => {
    it.each([
      ['an unknown type', 'history?type=case.opened,case.reopened'],
      ['a type twice', 'history?type=case.opened,case.opened'],
      ['a repeated parameter', 'history?type=case.opened&type=case.closed'],
      ['a time without an offset', 'history?from=2024-03-13T22:15:00'],
      ['a day that does not exist', 'history?to=2024-02-30T10:00:00Z'],
      ['a limit of 0', 'history?limit=0'],
      ['a limit over 200', 'history?limit=201'],
      [
        'a cursor not of this route',
        `history?cursor=${Buffer.from('{"after":"x"}').toString('base64url')}`,
      ],
      [
        'a position too large',
        `history?cursor=${Buffer.from('{"after":"9999999999999999999"}').toString('base64url')}`,
      ],
      ['a control character in actorId', 'history?actorId=a%00b'],
      ['an unknown parameter', 'history?position=1'],
      ['both asOf and version', 'state?asOf=2024-03-13T22:15:00Z&version=1'],
      ['version 0', 'state?version=0'],
      ['a version that is no number', 'state?version=1e3'],
      ['an asOf that is no instant', 'state?asOf=yesterday'],
    ])('answers 400 REQUEST.VALIDATION_FAILED for %s', async (_, query) => {
      const before = await sut.eventCount();
      const answer = await audit(`/audit/cases/${a.caseId}/${query}`);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
      expect(await sut.eventCount()).toBe(before);
    });

    it('refuses a person history without a justification, and logs nothing', async () => {
      const logged = async () =>
        Number((await sut.db.query(`SELECT count(*) FROM audit.consultation_log`))[0].count);
      const before = await logged();
      const answer = await http<{ code: string }>(
        sut.system.baseUrl,
        'GET',
        `/audit/people/${a.suspectId}/history`,
        { token: tokens.auditor },
      );
      expect([answer.status, answer.body.code]).toEqual([
        400,
        'CONSULTATION.JUSTIFICATION_REQUIRED',
      ]);
      expect(await logged()).toBe(before);
    });

    it('answers 400 for ids that are not UUIDs, and 403 to anyone but an auditor', async () => {
      for (const path of [
        '/audit/cases/not-a-uuid/history',
        '/audit/cases/not-a-uuid/state',
        '/audit/people/not-a-uuid/history',
      ]) {
        const answer = await audit<{ code: string }>(path);
        expect({ path, status: answer.status, code: answer.body.code }).toEqual({
          path,
          status: 400,
          code: 'REQUEST.VALIDATION_FAILED',
        });
      }
      for (const token of [tokens.investigator, tokens.supervisor]) {
        for (const path of [
          `/audit/cases/${a.caseId}/history`,
          `/audit/cases/${a.caseId}/state`,
          `/audit/people/${a.suspectId}/history`,
        ]) {
          const answer = await audit<{ code: string }>(path, token);
          expect({ path, status: answer.status, code: answer.body.code }).toEqual({
            path,
            status: 403,
            code: 'AUTH.FORBIDDEN',
          });
        }
      }
    });
  });

  describe('the state of a case as of a past point', () => {
    const state = (query = '') =>
      audit<CaseState>(`/audit/cases/${a.caseId}/state${query ? `?${query}` : ''}`);

    it('rebuilds the latest state from the events exactly as the case detail shows it', async () => {
      const detail = await eventually(
        async () => {
          const answer = await http<Record<string, unknown>>(
            sut.system.baseUrl,
            'GET',
            `/cases/${a.caseId}`,
            { token: tokens.auditor },
          );
          return answer.status === 200 && answer.body.version === 8 ? answer.body : undefined;
        },
        { what: 'case A to be projected' },
      );
      const latest = await state();
      expect(latest.status).toBe(200);
      const { asOf, recordedAt, persons, ...rest } = latest.body;
      expect({
        ...rest,
        persons: persons.map(({ clocks: _clocks, ...person }) => person),
      }).toEqual(detail);
      expect(recordedAt).toBe(rowsA[7].recorded_at.toISOString());
      expect(asOf).toBe(recordedAt);
      // The corrected arrest: five minutes earlier, so the custody clocks moved with it.
      const suspect = persons.find((p) => p.personId === a.suspectId)!;
      expect(suspect.custody).toEqual({
        phase: 'police-detention',
        heldSince: correctedArrest(),
      });
      expect(suspect.clocks.map((k) => [k.kind, k.startedAt.utc, k.deadline.utc])).toEqual([
        ['police-custody', correctedArrest(), plus(correctedArrest(), 48 * HOUR)],
        ['written-detention-decision', correctedArrest(), plus(correctedArrest(), 6 * HOUR)],
      ]);
      const migrant = persons.find((p) => p.personId === a.migrantId)!;
      expect(migrant.protection.referrals).toEqual([
        { facility: 'asylum-home-logatec', at: at(5) },
      ]);
      expect(migrant.clocks).toEqual([]);
    });

    it('answers the state as of a version: only what the events up to it say', async () => {
      const second = await state('version=2');
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({
        caseId: a.caseId,
        directorate: 'novo-mesto',
        version: 2,
        position: rowsA[1].position,
        recordedAt: rowsA[1].recorded_at.toISOString(),
        asOf: rowsA[1].recorded_at.toISOString(),
        borderSection: 'Obrežje',
        suspects: 1,
        migrants: 0,
        inCustody: 1,
        complaintFiledAt: null,
      });
      expect(second.body.persons).toHaveLength(1);
      const [suspect] = second.body.persons;
      expect(suspect).toMatchObject({
        personId: a.suspectId,
        role: 'suspect',
        nationality: 'RS',
        slovenianCitizen: false,
        custody: { phase: 'arrested', heldSince: at(1) },
      });
      // As recorded then: the arrest time before its correction; both clocks long overdue
      // at that moment, ten days after the arrest.
      expect(suspect.clocks).toEqual([
        {
          kind: 'police-custody',
          startedAt: expect.objectContaining({ utc: at(1) }),
          deadline: expect.objectContaining({ utc: plus(at(1), 48 * HOUR) }),
          metAt: null,
          overdue: true,
        },
        {
          kind: 'written-detention-decision',
          startedAt: expect.objectContaining({ utc: at(1) }),
          deadline: expect.objectContaining({ utc: plus(at(1), 6 * HOUR) }),
          metAt: null,
          overdue: true,
        },
      ]);
      const seventh = await state('version=7');
      expect(seventh.body.version).toBe(7);
      expect(seventh.body.complaintFiledAt).toBe(at(6));
      expect(seventh.body.persons.find((p) => p.personId === a.suspectId)!.custody.heldSince).toBe(
        at(1),
      );
    });

    it('answers the state as of an instant, by what the store had recorded then', async () => {
      const recorded = (version: number) => rowsA[version - 1].recorded_at.toISOString();
      const atThird = await state(`asOf=${recorded(3)}`);
      expect(atThird.body).toMatchObject({
        version: 3,
        asOf: recorded(3),
        suspects: 1,
        migrants: 1,
      });
      const justBefore = await state(`asOf=${plus(recorded(3), -1)}`);
      expect(justBefore.body).toMatchObject({ version: 2, asOf: plus(recorded(3), -1) });
      // The same instant written with an offset is the same moment.
      const local = new Date(Date.parse(recorded(3)) + 2 * HOUR)
        .toISOString()
        .replace('Z', '+02:00');
      const withOffset = await state(`asOf=${encodeURIComponent(local)}`);
      expect(withOffset.body.version).toBe(3);
      const future = await state('asOf=9999-12-31T23:59:59Z');
      expect(future.body.version).toBe(8);
    });

    it('answers 404 for a version the case never had, or a moment before it was recorded', async () => {
      const beyond = await state('version=9');
      expect(beyond.status).toBe(404);
      expect(beyond.body).toMatchObject({
        code: 'CASE.NOT_FOUND',
        caseId: a.caseId,
        version: 9,
        currentVersion: 8,
      });
      const before = await state(`asOf=${plus(rowsA[0].recorded_at.toISOString(), -1)}`);
      expect(before.status).toBe(404);
      expect(before.body).toMatchObject({ code: 'CASE.NOT_FOUND', caseId: a.caseId });
      const missing = randomUUID();
      const nothing = await audit(`/audit/cases/${missing}/state`);
      expect(nothing.status).toBe(404);
      expect(nothing.body).toMatchObject({ code: 'CASE.NOT_FOUND', caseId: missing });
    });
  });

  describe('an event stored in an older schema version', () => {
    it('is shown as stored in the history, and upcast in the past state', async () => {
      const history = await audit(`/audit/cases/${c.caseId}/history?type=person.suspect-arrested`);
      expect(history.body.items).toHaveLength(1);
      expect(history.body.items[0]).toMatchObject({ schemaVersion: 1, streamVersion: 2 });
      expect(history.body.items[0].data).toEqual({
        caseId: c.caseId,
        personId: c.personId,
        recognised: false,
        nationality: 'SI',
        place: 'Metlika',
        personalData: null,
      });
      const person = await audit(`/audit/people/${c.personId}/history`);
      expect(person.body.items.map((i) => [i.streamId, i.schemaVersion])).toEqual([[c.caseId, 1]]);

      const past = await audit<CaseState>(`/audit/cases/${c.caseId}/state?version=2`);
      expect(past.status).toBe(200);
      expect(past.body.persons).toEqual([
        expect.objectContaining({
          personId: c.personId,
          nationality: 'SI',
          slovenianCitizen: true,
          custody: { phase: 'arrested', heldSince: at(10) },
        }),
      ]);
    });

    it('is upcast by the projections', async () => {
      const detail = await eventually(
        async () => {
          const answer = await http<{ version: number; persons: StatePerson[] }>(
            sut.system.baseUrl,
            'GET',
            `/cases/${c.caseId}`,
            { token: tokens.auditor },
          );
          return answer.status === 200 && answer.body.version >= 2 ? answer.body : undefined;
        },
        { what: 'case C to be projected with its v1 arrest' },
      );
      expect(detail.persons).toEqual([
        expect.objectContaining({
          personId: c.personId,
          nationality: 'SI',
          slovenianCitizen: true,
        }),
      ]);
    });

    it('is upcast when a command loads the stream: a correction carries the v2 data', async () => {
      // Read as stored, the v1 arrest of a Slovenian national would say he is no citizen, and the
      // correction would be refused (PERSON.INCONSISTENT_CITIZENSHIP).
      const accepted = await command(
        `/cases/${c.caseId}/corrections`,
        {
          correctedEventId: c.arrestEventId,
          reason: 'Place misspelt.',
          changes: { place: 'Metlika center' },
        },
        tokens.investigator,
      );
      expect(accepted.version).toBe(3);
      const history = await audit(`/audit/cases/${c.caseId}/history?type=case.correction-recorded`);
      expect(history.body.items[0].data.replacement).toEqual({
        occurredAt: at(10),
        data: {
          caseId: c.caseId,
          personId: c.personId,
          recognised: false,
          nationality: 'SI',
          slovenianCitizen: true,
          place: 'Metlika center',
          personalData: null,
        },
      });
      // The stored v1 event itself is unchanged.
      const [, stored] = await eventsOf(c.caseId);
      expect(stored.schema_version).toBe(1);
      expect(stored.data).not.toHaveProperty('slovenianCitizen');
    });
  });

  describe('no side effect', () => {
    const topicEnds = async () => {
      const kafka = new Kafka({
        clientId: 'audit-test',
        brokers: sut.config.kafka.brokers,
        logLevel: logLevel.NOTHING,
      });
      const admin = kafka.admin();
      await admin.connect();
      try {
        const offsets = await admin.fetchTopicOffsets(sut.config.kafka.topic);
        return offsets
          .map((o) => ({ partition: o.partition, high: o.high }))
          .sort((x, y) => x.partition - y.partition);
      } finally {
        await admin.disconnect();
      }
    };
    const count = async (table: string) =>
      Number((await sut.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);
    const snapshot = async () => ({
      events: await sut.eventCount(),
      lastPosition: (
        await sut.db.query<{ p: string | null }[]>(
          'SELECT max(position)::text AS p FROM event_store.events',
        )
      )[0].p,
      outbox: await count('event_store.outbox'),
      commandResults: await count('event_store.command_results'),
      persons: await sut.personCount(),
      topic: await topicEnds(),
    });

    it('replays and histories store, publish and notify nothing', async () => {
      // Quiet first: everything stored is published, so the topic's end says what was sent.
      const before = await eventually(
        async () => {
          const now = await snapshot();
          const published = now.topic.reduce((sum, p) => sum + Number(p.high), 0);
          return now.outbox === 0 && published === now.events ? now : undefined;
        },
        { what: 'the relay to publish everything' },
      );
      expect(before.events).toBeGreaterThan(10);

      const paths = [
        `/audit/cases/${a.caseId}/history`,
        `/audit/cases/${a.caseId}/history?limit=1`,
        `/audit/cases/${caseB}/history`,
        `/audit/cases/${c.caseId}/history`,
        `/audit/people/${a.suspectId}/history`,
        `/audit/people/${c.personId}/history`,
        `/audit/cases/${a.caseId}/state`,
        `/audit/cases/${c.caseId}/state`,
        `/audit/cases/${a.caseId}/state?asOf=${rowsA[4].recorded_at.toISOString()}`,
        ...Array.from({ length: 8 }, (_, i) => `/audit/cases/${a.caseId}/state?version=${i + 1}`),
      ];
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(paths.map((path) => audit(path)));
        expect(answers.map((r) => r.status)).toEqual(paths.map(() => 200));
      }

      expect(await snapshot()).toEqual(before);
    });
  });
});
