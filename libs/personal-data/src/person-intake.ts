import { SealedPersonalData } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { AdmissionRequest, Identification, PersonRegister } from './person-register';
import { PersonalDataVault } from './personal-data-vault';

export interface AdmittedPerson extends Identification {
  readonly personalData: SealedPersonalData | null;
}

/**
 * What must happen before a decision about a person can be stored: find who they are, and
 * seal what identifies them, so that only ciphertext reaches the event. Identifying writes
 * nothing; admitting registers and seals, and is done only for an accepted command.
 */
@Injectable()
export class PersonIntake {
  constructor(
    private readonly register: PersonRegister,
    private readonly vault: PersonalDataVault,
  ) {}

  identify(request: AdmissionRequest): Promise<Identification> {
    return this.register.identify(request);
  }

  async admit(identification: Identification, request: AdmissionRequest): Promise<AdmittedPerson> {
    await this.register.register(identification, request);
    const data = request.personalData;
    const hasData = data !== undefined && Object.values(data).some((v) => v !== undefined);
    return {
      ...identification,
      personalData: hasData ? await this.vault.seal(identification.personId, data) : null,
    };
  }
}
