import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data lives apart from the event store, so that it can be erased without touching
 * history (Law Enforcement Directive; ZVOPOKD).
 * - `persons` and `identity_refs` form the person register: keyed hashes (HMAC) of document
 *   numbers and biometric references, never the numbers themselves, point to a person id.
 * - `person_keys` holds each person's data key, wrapped with the master key. Events carry only
 *   ciphertext; destroying the key makes every copy unreadable.
 */
export class PersonalData1732262400002 implements MigrationInterface {
  name = 'PersonalData1732262400002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS personal_data`);
    await q.query(`
      CREATE TABLE personal_data.persons (
        person_id     uuid        PRIMARY KEY,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE personal_data.identity_refs (
        ref_hash      text        PRIMARY KEY,
        person_id     uuid        NOT NULL REFERENCES personal_data.persons (person_id),
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX identity_refs_person_idx ON personal_data.identity_refs (person_id)`,
    );
    await q.query(`
      CREATE TABLE personal_data.person_keys (
        person_id   uuid        PRIMARY KEY REFERENCES personal_data.persons (person_id),
        wrapped_key bytea,
        created_at  timestamptz NOT NULL DEFAULT now(),
        erased_at   timestamptz,
        CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA personal_data CASCADE`);
  }
}
