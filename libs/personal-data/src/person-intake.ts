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
    const admitted: AdmittedPerson[] = [];
    for (const [i, identification] of identifications.entries()) {
      const data = requests[i].personalData;
      const hasData = data !== undefined && Object.values(data).some((v) => v !== undefined);
      admitted.push({
        ...identification,
        personalData: hasData ? await this.vault.seal(identification.personId, data, tx) : null,
      });
    }
    return admitted;
  }
}
