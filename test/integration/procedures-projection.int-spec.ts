import {
  PROCEDURE_STREAM_TYPE,
  ProcedureEvent,
  foldProcedure,
  procedureEvent,
  requireProcedure,
} from '@app/domain';
import { EventEnvelope } from '@app/event-store';
import { ProceduresProjection } from '@app/read-models';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestDatabase, connect, createTestDatabase, testConfig } from '../harness/test-env';

const T0 = Date.parse('2024-03-14T08:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3600_000);

/** One procedure's facts: the apprehension, then later facts, some entered out of time order. */
function history(procedureId: string): ProcedureEvent[] {
  const ids = { procedureId, personId: randomUUID() };
  return [
    procedureEvent('procedure.foreigner-apprehended', at(0), {
      ...ids,
      recognised: false,
      directorate: 'koper',
      borderSection: 'Sočerga',
      cameFrom: 'HR',
      place: 'Sočerga',
      nationality: null,
      minor: false,
      groupId: randomUUID(),
      caseId: null,
      jointOperation: null,
      personalData: null,
    }),
    procedureEvent('procedure.border-detention-started', at(1), ids),
    procedureEvent('procedure.asylum-intent-expressed', at(2), { ...ids, statement: 'dictated' }),
    procedureEvent('procedure.referred', at(3), { ...ids, destination: 'asylum-home-logatec' }),
    procedureEvent('procedure.left-asylum-home', at(30), {
      ...ids,
      facility: 'asylum-home-logatec',
    }),
    procedureEvent('procedure.nationality-established', at(5), { ...ids, nationality: 'AF' }),
    procedureEvent('procedure.nationality-established', at(4), { ...ids, nationality: 'PK' }),
  ];
}

/** As the store publishes them: versions and positions in the order of entry. */
const published = (entered: readonly ProcedureEvent[], firstPosition: number): EventEnvelope[] =>
  entered.map((event, i) => ({
    type: event.type,
    schemaVersion: event.schemaVersion,
    eventId: randomUUID(),
    streamId: (event.data as { procedureId: string }).procedureId,
    streamType: PROCEDURE_STREAM_TYPE,
    streamVersion: i + 1,
    position: String(firstPosition + i),
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: new Date(T0 + 100 * 3600_000 + i * 1000).toISOString(),
    data: event.data,
    metadata: {} as EventEnvelope['metadata'],
    hash: '',
  }));

/**
 * The `procedures` projection merges a batch in one SQL statement, by when each fact happened:
 * on real Postgres, whatever the order of entry and however the facts fall into batches, the
 * row is what the domain's own fold makes of the procedure.
 */
describe('procedures projection on Postgres', () => {
  let database: TestDatabase;
  let db: DataSource;
  const projection = new ProceduresProjection();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await connect(testConfig(database.url));
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const apply = (batch: readonly EventEnvelope[]) =>
    db.transaction(async (tx) => {
      await tx.query('SET LOCAL search_path TO read_model');
      await projection.apply(batch, tx);
    });

  it('gives the row the fold gives, for any order of entry and any batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uuid({ version: 4 }),
        fc.func(fc.integer()),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
        async (procedureId, shuffle, cuts) => {
          const [opening, ...later] = history(procedureId);
          // The apprehension is entered first (nothing can be recorded of a procedure before
          // it); the later facts in an order of the shuffle's choosing.
          const entered = [opening, ...[...later].sort((a, b) => shuffle(a) - shuffle(b))];
          const envelopes = published(entered, 1000);
          const ends = [...new Set(cuts.filter((c) => c < envelopes.length)), envelopes.length];
          let start = 0;
          for (const end of ends.sort((a, b) => a - b)) {
            await apply(envelopes.slice(start, end));
            start = end;
          }

          const p = requireProcedure(foldProcedure(entered), procedureId);
          const [row] = await db.query<Record<string, unknown>[]>(
            `SELECT nationality, border_detention_at, intent_at, referral_destination, referred_at,
                    left_asylum_home_at, version
               FROM read_model.procedures WHERE procedure_id = $1`,
            [procedureId],
          );
          expect(row).toEqual({
            nationality: p.nationality,
            border_detention_at: p.borderDetentionAt,
            intent_at: p.intentAt,
            referral_destination: p.referral?.destination ?? null,
            referred_at: p.referral?.at ?? null,
            left_asylum_home_at: p.leftAsylumHome?.at ?? null,
            version: envelopes.length,
          });
          expect(p.nationality).toBe('AF');
        },
      ),
      { numRuns: 25 },
    );
  });
});
