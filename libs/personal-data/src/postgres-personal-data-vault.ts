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

  async seal(personId: string, data: PersonalData, tx?: Transaction): Promise<SealedPersonalData> {
    const key = await this.dataKey(personId, tx ?? this.db.manager);
    if (!key)
      throw new DomainError('PERSON.ERASED', "The person's personal data has been erased.", {
        personId,
      });
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

  /** The person's data key: created first if `create` is given; null once erased or never created. */
  private async dataKey(personId: string, create?: Transaction): Promise<Buffer | null> {
    const master = this.config.personalData.masterKey;
    const associatedData = `person-key:${personId}`;
    if (create) {
      await create.query(
        `INSERT INTO personal_data.person_keys (person_id, wrapped_key) VALUES ($1, $2)
         ON CONFLICT (person_id) DO NOTHING`,
        [personId, encrypt(master, randomBytes(32), associatedData)],
      );
    }
    const rows: { wrapped_key: Buffer | null }[] = await (create ?? this.db).query(
      'SELECT wrapped_key FROM personal_data.person_keys WHERE person_id = $1',
      [personId],
    );
    const wrapped = rows[0]?.wrapped_key;
    return wrapped ? decrypt(master, wrapped, associatedData) : null;
  }
}
