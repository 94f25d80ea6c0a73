import { DomainError } from '@app/domain';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { identityHashes } from './identity-hash';
import { AdmissionRequest, Identification, PersonRegister } from './person-register';

@Injectable()
export class PostgresPersonRegister extends PersonRegister {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async identify({ personId, personalData }: AdmissionRequest): Promise<Identification> {
    if (personId) {
      const found: unknown[] = await this.db.query(
        'SELECT 1 FROM personal_data.persons WHERE person_id = $1',
        [personId],
      );
      if (found.length === 0) {
        throw new DomainError('PERSON.NOT_FOUND', 'No person is registered with this id.', {
          personId,
        });
      }
    }
    const owners = await this.owners(this.db.manager, this.hashes(personalData));
    const others = owners.filter((owner) => owner !== personId);
    if (others.length > (personId ? 0 : 1)) {
      throw conflict(personId ? [personId, ...others] : others);
    }
    if (personId) return { personId, recognised: true };
    return owners.length === 1
      ? { personId: owners[0], recognised: true }
      : { personId: randomUUID(), recognised: false };
  }

  async register({ personId }: Identification, { personalData }: AdmissionRequest): Promise<void> {
    const hashes = this.hashes(personalData);
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO personal_data.persons (person_id) VALUES ($1) ON CONFLICT DO NOTHING',
        [personId],
      );
      if (hashes.length === 0) return;
      await tx.query(
        `INSERT INTO personal_data.identity_refs (ref_hash, person_id)
         SELECT unnest($1::text[]), $2 ON CONFLICT (ref_hash) DO NOTHING`,
        [hashes, personId],
      );
      // Someone registered the same document for another person in the meantime.
      const owners = await this.owners(tx, hashes);
      if (owners.some((owner) => owner !== personId)) throw conflict(owners);
    });
  }

  private hashes(personalData: AdmissionRequest['personalData']): string[] {
    return identityHashes(personalData, this.config.personalData.identityHashKey);
  }

  private async owners(db: EntityManager, hashes: string[]): Promise<string[]> {
    if (hashes.length === 0) return [];
    const rows: { person_id: string }[] = await db.query(
      'SELECT DISTINCT person_id FROM personal_data.identity_refs WHERE ref_hash = ANY($1::text[])',
      [hashes],
    );
    return rows.map((r) => r.person_id);
  }
}

function conflict(personIds: string[]): DomainError {
  return new DomainError(
    'PERSON.IDENTITY_CONFLICT',
    'The documents given belong to different registered persons.',
    { personIds: [...new Set(personIds)] },
  );
}
