import { Actor, mayAccessDirectorate } from '@app/auth';
import { DomainError, SealedPersonalData } from '@app/domain';
import { PersonalData, PersonalDataVault } from '@app/personal-data';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PersonalDataRecord {
  readonly eventId: string;
  readonly caseId: string;
  readonly type: string;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly personalData: PersonalData;
}

/**
 * A person's personal data as recorded, opened from the sealed copies the events carry.
 * The events are the only copy: there is no clear-text table to keep in step or to erase.
 */
@Injectable()
export class PersonalDataReader {
  constructor(
    private readonly db: DataSource,
    private readonly vault: PersonalDataVault,
  ) {}

  async read(personId: string, actor: Actor): Promise<PersonalDataRecord[]> {
    const rows: {
      event_id: string;
      stream_id: string;
      type: string;
      occurred_at: Date;
      recorded_at: Date;
      sealed: SealedPersonalData | null;
      directorate: string;
    }[] = await this.db.query(
      `SELECT e.event_id, e.stream_id, e.type, e.occurred_at, e.recorded_at,
              CASE WHEN jsonb_typeof(e.data->'personalData') = 'object'
                   THEN e.data->'personalData' END AS sealed,
              o.data->>'directorate' AS directorate
         FROM event_store.events e
         JOIN event_store.events o ON o.stream_id = e.stream_id AND o.version = 1
        WHERE e.data->>'personId' = $1
        ORDER BY e.position`,
      [personId],
    );
    // Seen in no case the caller may read: answered as a person who does not exist.
    if (!rows.some((row) => mayAccessDirectorate(actor, row.directorate))) {
      throw new DomainError('PERSON.NOT_FOUND', 'No such person.', { personId });
    }
    const records: PersonalDataRecord[] = [];
    for (const row of rows) {
      if (!row.sealed) continue;
      const personalData = await this.vault.open(row.sealed);
      if (personalData === null) {
        throw new DomainError('PERSON.DATA_ERASED', "The person's personal data has been erased.", {
          personId,
        });
      }
      records.push({
        eventId: row.event_id,
        caseId: row.stream_id,
        type: row.type,
        occurredAt: row.occurred_at,
        recordedAt: row.recorded_at,
        personalData,
      });
    }
    return records;
  }
}
