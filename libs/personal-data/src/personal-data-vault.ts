import { SealedPersonalData } from '@app/domain';
import { Transaction } from '@app/event-store';
import { PersonalData } from './personal-data';

/** Port of the vault that seals personal data with a key of the person's own. */
export abstract class PersonalDataVault {
  /**
   * Seals each person's data with their own key, created on first use, in `tx`; in the order
   * given, for all the persons of a command at once (a group apprehended together).
   */
  abstract sealAll(
    entries: readonly { readonly personId: string; readonly data: PersonalData }[],
    tx: Transaction,
  ): Promise<SealedPersonalData[]>;

  /** The data, or null once the person's key has been erased. */
  abstract open(sealed: SealedPersonalData): Promise<PersonalData | null>;

  /**
   * Destroys the person's key, so that every copy of their sealed data (events, the topic,
   * backups) is unreadable, and no new data can be sealed for them. Answers when, or null if
   * the key was already destroyed.
   */
  abstract destroyKey(personId: string, tx: Transaction): Promise<Date | null>;
}
