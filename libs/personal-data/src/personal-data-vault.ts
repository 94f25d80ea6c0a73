import { SealedPersonalData } from '@app/domain';
import { PersonalData } from './personal-data';

/** Port of the vault that seals personal data with a key of the person's own. */
export abstract class PersonalDataVault {
  abstract seal(personId: string, data: PersonalData): Promise<SealedPersonalData>;

  /** The data, or null once the person's key has been erased. */
  abstract open(sealed: SealedPersonalData): Promise<PersonalData | null>;
}
