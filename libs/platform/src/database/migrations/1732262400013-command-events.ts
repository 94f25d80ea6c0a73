import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events one command stored, found by its `commandId`: a read that waits for a command's
 * position (`minPosition`) waits for every stream the command wrote, and a group of foreigners
 * opens one procedure stream each, on any partition of the topic
 * (apps/api/src/read-side/freshness.ts).
 */
export class CommandEvents1732262400013 implements MigrationInterface {
  name = 'CommandEvents1732262400013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX events_command_id ON event_store.events ((metadata->>'commandId'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX event_store.events_command_id`);
  }
}
