import { SealedPersonalData } from '@app/domain';
import { Transaction } from '@app/event-store';
import { Injectable } from '@nestjs/common';
import { AdmissionRequest, Identification, PersonRegister } from './person-register';
import { PersonalDataVault } from './personal-data-vault';

export interface AdmittedPerson extends Identification {
  readonly personalData: SealedPersonalData | null;
}

/**
 * What must happen before a decision about persons can be stored: find who they are, and
 * seal what identifies them, so that only ciphertext reaches the event. Identifying writes
 * nothing; admitting registers and seals, in the transaction of the append.
 */
@Injectable()
export class PersonIntake {
  constructor(
    private readonly register: PersonRegister,
    private readonly vault: PersonalDataVault,
  ) {}

  identify(requests: readonly AdmissionRequest[], tx: Transaction): Promise<Identification[]> {
    return this.register.identify(requests, tx);
  }

  async admit(
    identifications: readonly Identification[],
    requests: readonly AdmissionRequest[],
    tx: Transaction,
  ): Promise<AdmittedPerson[]> {
    await this.register.register(identifications, requests, tx);
    const withData = identifications.flatMap(({ personId }, i) => {
      const data = requests[i].personalData;
      const hasData = data !== undefined && Object.values(data).some((v) => v !== undefined);
      return hasData ? [{ personId, data }] : [];
    });
    const sealed = new Map(
      (await this.vault.sealAll(withData, tx)).map((s) => [s.personId, s] as const),
    );
    return identifications.map((identification) => ({
      ...identification,
      personalData: sealed.get(identification.personId) ?? null,
    }));
  }
}
