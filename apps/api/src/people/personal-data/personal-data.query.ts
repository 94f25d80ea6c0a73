import { Actor, mayAccessDirectorate } from '@app/auth';
import { DomainError, SealedPersonalData } from '@app/domain';
import { PersonalData, PersonalDataVault } from '@app/personal-data';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MENTIONS_PERSON } from '../../audit/person-history/person-history.query';

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
        WHERE ${MENTIONS_PERSON} AND e.data->>'personId' = $1::text
        ORDER BY e.position`,
      [personId],
    );
    // Only what the caller's directorate recorded; none of it: answered as an unknown person.
    const visible = rows.filter((row) => mayAccessDirectorate(actor, row.directorate));
    if (visible.length === 0) {
      throw new DomainError('PERSON.NOT_FOUND', 'No such person.', { personId });
    }
    const records: PersonalDataRecord[] = [];
    for (const row of visible) {
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
