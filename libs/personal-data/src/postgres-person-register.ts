import { DomainError } from '@app/domain';
import { Transaction } from '@app/event-store';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { identityHashes } from './identity-hash';
import {
  AdmissionRequest,
  Identification,
  PersonRegister,
  RegistrationRaceError,
} from './person-register';

@Injectable()
export class PostgresPersonRegister extends PersonRegister {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async identify(
    requests: readonly AdmissionRequest[],
    tx: Transaction,
  ): Promise<Identification[]> {
    const hashes = requests.map((r) => this.hashes(r));
    const all = hashes.flat();
    if (new Set(all).size !== all.length) {
      throw new DomainError(
        'PERSON.SAME_DOCUMENT_TWICE',
        'The same document or biometric reference is given twice in one request.',
      );
    }
    const identified: Identification[] = [];
    for (const [i, { personId }] of requests.entries()) {
      if (personId && !(await this.knows(personId, tx))) {
        throw new DomainError('PERSON.NOT_FOUND', 'No person is registered with this id.', {
          personId,
        });
      }
      const owners = await this.owners(hashes[i], tx);
      const others = owners.filter((owner) => owner !== personId);
      if (others.length > (personId ? 0 : 1))
        throw conflict(personId ? [personId, ...others] : others);
      identified.push(
        personId
          ? { personId, recognised: true }
          : owners.length === 1
            ? { personId: owners[0], recognised: true }
            : { personId: randomUUID(), recognised: false },
      );
    }
    return identified;
  }

  async register(
    identifications: readonly Identification[],
    requests: readonly AdmissionRequest[],
    tx: Transaction,
  ): Promise<void> {
    for (const [i, { personId, recognised }] of identifications.entries()) {
      await tx.query(
        'INSERT INTO personal_data.persons (person_id) VALUES ($1) ON CONFLICT DO NOTHING',
        [personId],
      );
      const hashes = this.hashes(requests[i]);
      if (hashes.length === 0) continue;
      // Waits for a concurrent transaction that inserts the same hash, then sees its outcome.
      await tx.query(
        `INSERT INTO personal_data.identity_refs (ref_hash, person_id)
         SELECT unnest($1::text[]), $2 ON CONFLICT (ref_hash) DO NOTHING`,
        [hashes, personId],
      );
      const owners = await this.owners(hashes, tx);
      if (owners.some((owner) => owner !== personId)) {
        throw recognised ? conflict([personId, ...owners]) : new RegistrationRaceError();
      }
    }
  }

  private hashes(request: AdmissionRequest): string[] {
    return identityHashes(request.personalData, this.config.personalData.identityHashKey);
  }

  async forgetIdentifiers(personId: string, tx: Transaction): Promise<void> {
    await tx.query('DELETE FROM personal_data.identity_refs WHERE person_id = $1', [personId]);
  }

  async knows(personId: string, tx: Transaction): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      'SELECT 1 FROM personal_data.persons WHERE person_id = $1',
      [personId],
    );
    return rows.length > 0;
  }

  private async owners(hashes: string[], tx: Transaction): Promise<string[]> {
    if (hashes.length === 0) return [];
    const rows: { person_id: string }[] = await tx.query(
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
