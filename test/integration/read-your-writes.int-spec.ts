import { PROCEDURE_STREAM_TYPE } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReadModelBehindError, ReadModelFreshness } from '../../apps/api/src/read-side/freshness';
import { caseOpened, metadata } from '../harness/fixtures';
import { TestDatabase, connect, createTestDatabase, testConfig } from '../harness/test-env';

/*
 * A read given `minPosition` waits for everything the command at that position stored. With
 * no projector running, the checkpoints are set by hand: what the wait sees is exactly what the
 * projection holds.
 */
describe('reading after a command that opened several procedures', () => {
  let database: TestDatabase;
  let db: DataSource;
  let freshness: ReadModelFreshness;
  const procedures = [randomUUID(), randomUUID(), randomUUID()];
  let position: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(database.url, { READ_WAIT_MAX_MS: '300' });
    db = await connect(config);
    freshness = new ReadModelFreshness(db, config);
    const store = new PostgresEventStore(db);
    ({ position } = await store.appendNewStreams({
      streamType: PROCEDURE_STREAM_TYPE,
      streams: procedures.map((streamId) => ({
        streamId,
        events: [
          {
            type: 'procedure.foreigners-apprehended',
            schemaVersion: 1,
            occurredAt: new Date('2024-03-15T00:20:00Z'),
            data: { procedureId: streamId },
          },
        ],
      })),
      metadata: metadata(),
    }));
    // Another command's event after it: not the group's, so never waited for.
    const other = randomUUID();
    await store.append({
      streamId: other,
      streamType: 'case',
      expectedVersion: 0,
      events: [caseOpened(other)],
      metadata: metadata(),
    });
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const project = (streamId: string) =>
    db.query(
      `INSERT INTO read_model.projection_checkpoints (projection, stream_id, version, position)
       VALUES ('procedures', $1, 1, $2)`,
      [streamId, position],
    );

  it('is behind while one procedure of the group is not projected, though the answered one is', async () => {
    // The command answered the position of its last event: that procedure's stream.
    const [answered] = await db.query(
      `SELECT stream_id FROM event_store.events WHERE position = $1`,
      [position],
    );
    await project(answered.stream_id);
    await expect(freshness.waitFor('procedures', { minPosition: position })).rejects.toBeInstanceOf(
      ReadModelBehindError,
    );
    for (const id of procedures.filter((p) => p !== answered.stream_id).slice(1)) {
      await project(id);
    }
    await expect(freshness.waitFor('procedures', { minPosition: position })).rejects.toBeInstanceOf(
      ReadModelBehindError,
    );
  });

  it('answers once every procedure the command stored is projected', async () => {
    const [{ missing }] = await db.query(
      `SELECT s.id AS missing FROM unnest($1::uuid[]) AS s(id)
        WHERE NOT EXISTS (SELECT 1 FROM read_model.projection_checkpoints c
                           WHERE c.projection = 'procedures' AND c.stream_id = s.id)`,
      [procedures],
    );
    await project(missing);
    await expect(
      freshness.waitFor('procedures', { minPosition: position }),
    ).resolves.toBeUndefined();
    // The cases read model holds no procedure: nothing of this command to wait for there.
    await expect(freshness.waitFor('cases', { minPosition: position })).resolves.toBeUndefined();
  });
});
