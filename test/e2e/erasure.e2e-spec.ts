import { PostgresPersonalDataVault } from '@app/personal-data';
import { SealedPersonalData } from '@app/domain';
import { timeline } from '../harness/routes';
import { readWholeTopic } from '../harness/kafka-reader';
import { http, openCaseWithPeople, useSystem } from '../harness/system';
import { eventually, testToken } from '../harness/test-env';

const NAME = 'Aleksandar';
const PASSPORT = 'P5550123';

/**
 * Erasure by destroying the person's key (crypto-shredding): the history keeps its
 * ciphertext and so still verifies and counts the same, but nothing opens it any more.
 */
describe('erasure of a person', () => {
  const sut = useSystem();
  const at = timeline();
  let supervisor: string;
  let auditor: string;
  let caseId: string;
  let suspectId: string;

  const statistics = () =>
    http(
      sut.system.baseUrl,
      'GET',
      `/statistics?from=${at(0).slice(0, 10)}&to=${new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)}`,
      {
        token: supervisor,
      },
    );
  const erase = (
    personId: string,
    token: string,
    json: Record<string, unknown> = { ground: 'retention-period-expired', reference: 'Kt 17/24' },
  ) => http(sut.system.baseUrl, 'POST', `/people/${personId}/erasure`, { json, token });
  const personalData = (personId: string) =>
    http(sut.system.baseUrl, 'GET', `/people/${personId}/personal-data`, {
      token: supervisor,
      headers: { 'x-justification': 'Checking the erasure took effect.' },
    });
  /** Every read-model row, as text. */
  const readModelText = async () => {
    const tables: { tablename: string }[] = await sut.db.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'read_model'`,
    );
    let text = '';
    for (const { tablename } of tables)
      text += JSON.stringify(await sut.db.query(`SELECT * FROM read_model.${tablename}`));
    return text;
  };
  const sealedCopies = async (): Promise<SealedPersonalData[]> =>
    (
      await sut.db.query<{ sealed: SealedPersonalData }[]>(
        `SELECT data->'personalData' AS sealed FROM event_store.events
          WHERE data->>'personId' = $1 AND jsonb_typeof(data->'personalData') = 'object'`,
        [suspectId],
      )
    ).map((r) => r.sealed);

  beforeAll(async () => {
    supervisor = await testToken('supervisor', undefined, { subject: 'sup-erasure' });
    auditor = await testToken('auditor', undefined, { subject: 'aud-erasure' });
    ({ caseId, suspectId } = await openCaseWithPeople(sut.system.baseUrl, { at }));
    const identified = await http(
      sut.system.baseUrl,
      'POST',
      `/cases/${caseId}/persons/${suspectId}/identity`,
      {
        json: {
          occurredAt: at(3),
          method: 'document',
          nationality: 'MK',
          person: {
            givenName: NAME,
            familyName: 'Stojanovski',
            documents: [{ type: 'passport', number: PASSPORT, issuingCountry: 'MK' }],
          },
        },
      },
    );
    expect(identified.status).toBe(201);
    await eventually(
      async () => {
        const answer = await http(sut.system.baseUrl, 'GET', `/cases/${caseId}`);
        return answer.body.version === 4 ? true : undefined;
      },
      { what: 'the identity to be projected' },
    );
  });

  it('is refused to other roles, without a ground or an order number, and for an unknown person', async () => {
    const investigator = await testToken('investigator', 'novo-mesto');
    await expect(erase(suspectId, investigator)).resolves.toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN' },
    });
    for (const json of [
      { ground: 'because', reference: 'Kt 17/24' },
      { ground: 'court-order' },
      // Free text could name the person in a log that is never erased: an order number only.
      { ground: 'court-order', reference: 'Marko Petrović, born 1988' },
    ]) {
      const refused = await erase(suspectId, supervisor, json);
      expect([refused.status, refused.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    }
    await expect(erase('5b0c7a51-2d0e-4d43-9f62-0b8f3c1d7e11', supervisor)).resolves.toMatchObject({
      status: 404,
      body: { code: 'PERSON.NOT_FOUND' },
    });
    // Nothing of the refused attempts was erased or logged.
    expect((await personalData(suspectId)).status).toBe(200);
    const erasures = await sut.db.query(
      `SELECT 1 FROM audit.consultation_log WHERE action = 'erasure'`,
    );
    expect(erasures).toEqual([]);
  });

  it('makes every copy unreadable while the history verifies and every count stays', async () => {
    const statisticsBefore = await statistics();
    const caseBefore = await http(sut.system.baseUrl, 'GET', `/cases/${caseId}`);
    const sealed = await sealedCopies();
    expect(sealed).toHaveLength(1);
    const vault = new PostgresPersonalDataVault(sut.db, sut.config);
    await expect(vault.open(sealed[0])).resolves.toMatchObject({ givenName: NAME });
    const eventsBefore = await sut.eventCount();

    const erased = await erase(suspectId, supervisor);
    expect(erased.status).toBe(201);
    expect(erased.body).toEqual({
      personId: suspectId,
      erasedAt: expect.any(String),
      logSeq: expect.stringMatching(/^\d+$/),
    });

    // The API: gone, and an erasure is not repeated.
    await expect(personalData(suspectId)).resolves.toMatchObject({
      status: 410,
      body: { code: 'PERSON.DATA_ERASED' },
    });
    await expect(erase(suspectId, supervisor)).resolves.toMatchObject({
      status: 409,
      body: { code: 'PERSON.ALREADY_ERASED' },
    });

    // The events: unchanged in number, and their sealed copy no longer opens.
    expect(await sut.eventCount()).toBe(eventsBefore);
    expect(await sealedCopies()).toEqual(sealed);
    await expect(vault.open(sealed[0])).resolves.toBeNull();
    const [{ clear }]: { clear: number }[] = await sut.db.query(
      `SELECT count(*)::int AS clear FROM event_store.events WHERE data::text LIKE $1 OR data::text LIKE $2`,
      [`%${NAME}%`, `%${PASSPORT}%`],
    );
    expect(clear).toBe(0);

    // The topic: the same ciphertext, which the destroyed key no longer opens.
    const messages = await readWholeTopic(sut.config.kafka.brokers, sut.config.kafka.topic);
    const published = messages
      .map((m) => (m.envelope.data as { personalData?: SealedPersonalData | null }).personalData)
      .filter((p): p is SealedPersonalData => !!p && p.personId === suspectId);
    expect(published).toEqual(sealed);
    expect(JSON.stringify(messages)).not.toContain(NAME);
    expect(JSON.stringify(messages)).not.toContain(PASSPORT);

    // The read models never held it; the document hash that led back to the person is gone.
    expect(await readModelText()).not.toContain(NAME);
    const refs = await sut.db.query(
      `SELECT 1 FROM personal_data.identity_refs WHERE person_id = $1`,
      [suspectId],
    );
    expect(refs).toEqual([]);

    // The history verifies; statistics and the case read the same.
    const integrity = await http(sut.system.baseUrl, 'GET', '/audit/integrity', { token: auditor });
    expect(integrity.body).toMatchObject({ intact: true, breaks: [] });
    expect((await statistics()).body).toEqual(statisticsBefore.body);
    const caseAfter = await http(sut.system.baseUrl, 'GET', `/cases/${caseId}`);
    expect(caseAfter.body).toEqual(caseBefore.body);
  });

  it('logs the erasure once, naming the person and the grounds, without copying the data', async () => {
    const log = await http(sut.system.baseUrl, 'GET', '/audit/consultations?action=erasure', {
      token: auditor,
    });
    expect(log.body.items).toEqual([
      {
        seq: expect.any(String),
        recordedAt: expect.any(String),
        actorId: 'sup-erasure',
        role: 'supervisor',
        directorate: null,
        action: 'erasure',
        purpose: 'POST /people/:personId/erasure',
        records: [{ kind: 'person', id: suspectId }],
        justification: 'retention-period-expired (Kt 17/24)',
        recipient: null,
        correlationId: expect.any(String),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    const [{ text }]: { text: string }[] = await sut.db.query(
      `SELECT coalesce(string_agg(to_jsonb(c)::text, ''), '') AS text FROM audit.consultation_log c`,
    );
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(PASSPORT);
  });

  it('recognises nobody by the erased passport, and seals nothing more for the erased person', async () => {
    const again = await http(sut.system.baseUrl, 'POST', `/cases/${caseId}/arrests`, {
      json: {
        occurredAt: at(6),
        nationality: 'MK',
        slovenianCitizen: false,
        place: 'Obrežje',
        person: { documents: [{ type: 'passport', number: PASSPORT, issuingCountry: 'MK' }] },
      },
    });
    expect(again.status).toBe(201);
    const [person] = again.body.persons as { personId: string; recognised: boolean }[];
    expect(person.personId).not.toBe(suspectId);
    expect(person.recognised).toBe(false);

    const sealedForErased = await http(
      sut.system.baseUrl,
      'POST',
      `/cases/${caseId}/persons/${suspectId}/identity`,
      {
        json: {
          occurredAt: at(7),
          method: 'statement',
          nationality: 'MK',
          person: { givenName: NAME },
        },
      },
    );
    expect([sealedForErased.status, sealedForErased.body.code]).toEqual([422, 'PERSON.ERASED']);
  });
});
