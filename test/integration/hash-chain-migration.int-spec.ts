import { verifyIntegrity } from '@app/audit';
import { PostgresEventStore } from '@app/event-store';
import {
  MIGRATIONS,
  UNSEALED_OUTBOX,
  dataSourceOptions,
  runMigrations,
  sealSql,
} from '@app/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestDatabase, createTestDatabase } from '../harness/test-env';

/**
 * A store written before the hash chains existed: the migration chains its streams and seals
 * its published events, and appends and the relay's seal carry on from there.
 */
describe('the tamper-evidence migration on an existing store', () => {
  let database: TestDatabase;
  let db: DataSource;

  const source = (migrations: typeof MIGRATIONS) =>
    new DataSource({
      ...dataSourceOptions({ databaseUrl: database.url, databasePoolSize: 2 }, [], 'test'),
      migrations,
    });

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('chains and seals what was stored before, and later appends and seals continue both chains', async () => {
    const chains = MIGRATIONS.findIndex((m) => m.name === 'TamperEvidence1732262400006');
    expect(chains).toBeGreaterThan(0);
    const before = source(MIGRATIONS.slice(0, chains));
    await before.initialize();
    await runMigrations(before);
    const [a, b] = [randomUUID(), randomUUID()];
    const insert = (stream: string, version: number) =>
      before.query<{ position: string }[]>(
        `INSERT INTO event_store.events
           (event_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
         VALUES ($1, $2, 'case', $3, 'case.details-amended', 1, $4, '{"actorId":"u-1"}', now())
         RETURNING position::text AS position`,
        [randomUUID(), stream, version, JSON.stringify({ summary: `v${version}`, n: 1.5 })],
      );
    for (const v of [1, 2, 3]) await insert(a, v);
    await insert(b, 1);
    const [{ position: unpublished }] = await insert(b, 2);
    await before.query(`INSERT INTO event_store.outbox (position) VALUES ($1)`, [unpublished]);
    await before.destroy();

    db = source(MIGRATIONS);
    await db.initialize();
    await runMigrations(db);
    await expect(verifyIntegrity(db)).resolves.toMatchObject({
      intact: true,
      events: 5,
      streams: 2,
      sealed: 4,
      pending: 1,
      ledgerHead: { seq: '4' },
    });

    // An append chains on the migrated hash; the relay's seal follows the migrated ledger.
    await new PostgresEventStore(db).append({
      streamId: a,
      streamType: 'case',
      expectedVersion: 3,
      events: [
        { type: 'case.details-amended', schemaVersion: 1, occurredAt: new Date(), data: {} },
        { type: 'case.closed', schemaVersion: 1, occurredAt: new Date(), data: { n: 2 } },
      ],
      metadata: {
        actorId: 'u-2',
        role: 'supervisor',
        directorate: null,
        correlationId: 'c',
        causationId: 'c',
        commandId: 'c',
        idempotencyKey: null,
      },
    });
    await expect(db.query(sealSql(UNSEALED_OUTBOX), [500])).resolves.toEqual([{ sealed: 3 }]);
    await expect(verifyIntegrity(db)).resolves.toMatchObject({
      intact: true,
      breaks: [],
      events: 7,
      sealed: 7,
      ledgerHead: { seq: '7' },
    });
  });
});
