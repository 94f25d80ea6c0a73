import { SealedPersonalData } from '@app/domain';
import { Transaction } from '@app/event-store';
import { PersonalData } from './personal-data';

/** Port of the vault that seals personal data with a key of the person's own. */
export abstract class PersonalDataVault {
  /** Creates the person's key on first use, in `tx` when given. */
  abstract seal(
    personId: string,
    data: PersonalData,
    tx?: Transaction,
  ): Promise<SealedPersonalData>;

  /** The data, or null once the person's key has been erased. */
  abstract open(sealed: SealedPersonalData): Promise<PersonalData | null>;
}
