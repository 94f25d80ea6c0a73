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
    // Two lookups for the whole request, however many persons it names.
    const named = requests.flatMap((r) => (r.personId ? [r.personId] : []));
    const known = new Set(
      named.length === 0
        ? []
        : (
            await tx.query<{ person_id: string }[]>(
              'SELECT person_id FROM personal_data.persons WHERE person_id = ANY($1::uuid[])',
              [named],
            )
          ).map((r) => r.person_id),
    );
    const ownerOf = await this.ownersByHash(all, tx);
    return requests.map(({ personId }, i) => {
      if (personId && !known.has(personId)) {
        throw new DomainError('PERSON.NOT_FOUND', 'No person is registered with this id.', {
          personId,
        });
      }
      const owners = [
        ...new Set(hashes[i].flatMap((h) => (ownerOf.has(h) ? [ownerOf.get(h)!] : []))),
      ];
      const others = owners.filter((owner) => owner !== personId);
      if (others.length > (personId ? 0 : 1))
        throw conflict(personId ? [personId, ...others] : others);
      return personId
        ? { personId, recognised: true }
        : owners.length === 1
          ? { personId: owners[0], recognised: true }
          : { personId: randomUUID(), recognised: false };
    });
  }

  async register(
    identifications: readonly Identification[],
    requests: readonly AdmissionRequest[],
    tx: Transaction,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO personal_data.persons (person_id) SELECT unnest($1::uuid[])
       ON CONFLICT DO NOTHING`,
      // Sorted, as the hashes below, so that concurrent requests lock in one order.
      [identifications.map((p) => p.personId).sort()],
    );
    // In the order of the hashes, so that two requests naming the same documents wait for
    // each other in the same order rather than deadlock.
    const refs = identifications
      .flatMap(({ personId }, i) => this.hashes(requests[i]).map((hash) => ({ hash, personId })))
      .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    if (refs.length === 0) return;
    // Waits for a concurrent transaction that inserts the same hash, then sees its outcome.
    await tx.query(
      `INSERT INTO personal_data.identity_refs (ref_hash, person_id)
       SELECT * FROM unnest($1::text[], $2::uuid[]) ON CONFLICT (ref_hash) DO NOTHING`,
      [refs.map((r) => r.hash), refs.map((r) => r.personId)],
    );
    const ownerOf = await this.ownersByHash(
      refs.map((r) => r.hash),
      tx,
    );
    for (const { personId, recognised } of identifications) {
      const theirs = refs.filter((r) => r.personId === personId);
      const owners = theirs.map((r) => ownerOf.get(r.hash)!);
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

  /** Who holds each of these hashes, if anyone. */
  private async ownersByHash(hashes: string[], tx: Transaction): Promise<Map<string, string>> {
    if (hashes.length === 0) return new Map();
    const rows: { ref_hash: string; person_id: string }[] = await tx.query(
      'SELECT ref_hash, person_id FROM personal_data.identity_refs WHERE ref_hash = ANY($1::text[])',
      [hashes],
    );
    return new Map(rows.map((r) => [r.ref_hash, r.person_id]));
  }
}

function conflict(personIds: string[]): DomainError {
  return new DomainError(
    'PERSON.IDENTITY_CONFLICT',
    'The documents given belong to different registered persons.',
    { personIds: [...new Set(personIds)] },
  );
}
