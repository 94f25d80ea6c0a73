import { ConsultationLog } from '@app/audit';
import { Actor } from '@app/auth';
import { DomainError } from '@app/domain';
import { PersonRegister, PersonalDataVault } from '@app/personal-data';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonErasedResponseDto } from './erase-person.response.dto';

export interface ErasureRequest {
  readonly personId: string;
  readonly ground: string;
  readonly reference: string;
  readonly actor: Actor;
  readonly correlationId: string;
}

/**
 * Erasure by destroying the person's key: events and the topic keep their ciphertext, so the
 * history still verifies and every count over it stays, but nothing can open it any more.
 * The key, the document hashes and the log entry change in one transaction: there is no
 * erasure without its record, nor a record of an erasure that did not happen.
 */
@Injectable()
export class ErasePersonHandler {
  constructor(
    private readonly db: DataSource,
    private readonly register: PersonRegister,
    private readonly vault: PersonalDataVault,
    private readonly log: ConsultationLog,
  ) {}

  execute(request: ErasureRequest): Promise<PersonErasedResponseDto> {
    const { personId, actor } = request;
    return this.db.transaction(async (tx) => {
      if (!(await this.register.knows(personId, tx))) {
        throw new DomainError('PERSON.NOT_FOUND', 'No such person.', { personId });
      }
      const erasedAt = await this.vault.destroyKey(personId, tx);
      if (!erasedAt) {
        throw new DomainError(
          'PERSON.ALREADY_ERASED',
          "The person's personal data was erased before.",
          { personId },
        );
      }
      await this.register.forgetIdentifiers(personId, tx);
      // The log names the person, the grounds and the order, never what was erased.
      const logSeq = await this.log.record(
        {
          actorId: actor.id,
          role: actor.role,
          directorate: actor.directorate,
          action: 'erasure',
          purpose: 'POST /people/:personId/erasure',
          records: [{ kind: 'person', id: personId }],
          justification: `${request.ground} (${request.reference})`,
          recipient: null,
          correlationId: request.correlationId,
        },
        tx,
      );
      return { personId, erasedAt: erasedAt.toISOString(), logSeq };
    });
  }
}
