import { DomainError, SealedPersonalData } from '@app/domain';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Transaction } from '@app/event-store';
import { DataSource } from 'typeorm';
import { decrypt, encrypt } from './aes-gcm';
import { PersonalData } from './personal-data';
import { PersonalDataVault } from './personal-data-vault';

export const SEAL_SCHEME = 'aes-256-gcm.v1';

/**
 * Envelope encryption: each person has a random data key, stored only wrapped by the master
 * key (PERSONAL_DATA_KEY). Sealed data carries the person id, which is also the associated
 * data, so a ciphertext cannot be passed off as another person's.
 */
@Injectable()
export class PostgresPersonalDataVault extends PersonalDataVault {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async sealAll(
    entries: readonly { readonly personId: string; readonly data: PersonalData }[],
    tx: Transaction,
  ): Promise<SealedPersonalData[]> {
    if (entries.length === 0) return [];
    const master = this.config.personalData.masterKey;
    // Sorted: two commands about the same people wait for each other rather than deadlock.
    const personIds = entries.map((e) => e.personId).sort();
    // Two statements for the whole group: the keys of those who have none yet, then every key.
    await tx.query(
      `INSERT INTO personal_data.person_keys (person_id, wrapped_key)
       SELECT * FROM unnest($1::uuid[], $2::bytea[]) ON CONFLICT (person_id) DO NOTHING`,
      [personIds, personIds.map((id) => encrypt(master, randomBytes(32), `person-key:${id}`))],
    );
    const rows: { person_id: string; wrapped_key: Buffer | null }[] = await tx.query(
      'SELECT person_id, wrapped_key FROM personal_data.person_keys WHERE person_id = ANY($1::uuid[])',
      [personIds],
    );
    const wrapped = new Map(rows.map((r) => [r.person_id, r.wrapped_key]));
    return entries.map(({ personId, data }) => {
      const key = wrapped.get(personId);
      if (!key) throw erased(personId);
      return this.sealWith(decrypt(master, key, `person-key:${personId}`), personId, data);
    });
  }

  private sealWith(key: Buffer, personId: string, data: PersonalData): SealedPersonalData {
    const sealed = encrypt(key, Buffer.from(JSON.stringify(data), 'utf8'), `person:${personId}`);
    return { scheme: SEAL_SCHEME, personId, ciphertext: sealed.toString('base64') };
  }

  async open(sealed: SealedPersonalData): Promise<PersonalData | null> {
    if (sealed.scheme !== SEAL_SCHEME) throw new Error(`unknown sealing scheme ${sealed.scheme}`);
    const key = await this.dataKey(sealed.personId);
    if (!key) return null;
    const plaintext = decrypt(
      key,
      Buffer.from(sealed.ciphertext, 'base64'),
      `person:${sealed.personId}`,
    );
    return JSON.parse(plaintext.toString('utf8')) as PersonalData;
  }

  async destroyKey(personId: string, tx: Transaction): Promise<Date | null> {
    // A person who never had data sealed gets a destroyed key too: none can be sealed later.
    const rows: { erased_at: Date }[] = await tx.query(
      `INSERT INTO personal_data.person_keys AS k (person_id, wrapped_key, erased_at)
       VALUES ($1, NULL, now())
       ON CONFLICT (person_id) DO UPDATE SET wrapped_key = NULL, erased_at = now()
         WHERE k.wrapped_key IS NOT NULL
       RETURNING erased_at`,
      [personId],
    );
    return rows[0]?.erased_at ?? null;
  }

  /** The person's data key; null once erased or never created. */
  private async dataKey(personId: string): Promise<Buffer | null> {
    const associatedData = `person-key:${personId}`;
    const rows: { wrapped_key: Buffer | null }[] = await this.db.query(
      'SELECT wrapped_key FROM personal_data.person_keys WHERE person_id = $1',
      [personId],
    );
    const wrapped = rows[0]?.wrapped_key;
    return wrapped ? decrypt(this.config.personalData.masterKey, wrapped, associatedData) : null;
  }
}

const erased = (personId: string) =>
  new DomainError('PERSON.ERASED', "The person's personal data has been erased.", { personId });
