import { AccessDeniedError, Actor, directorateScope, hasPermission } from '@app/auth';
import { SealedPersonalData } from '@app/domain';
import { PersonalDataVault } from '@app/personal-data';
import { Injectable } from '@nestjs/common';
import { Request } from 'express';
import { DataSource } from 'typeorm';
import { JUSTIFICATION_HEADER } from '../../audit/consultation-log/consulted';
import { ApiRefusal } from '../../http/api-refusal';

export interface PersonName {
  readonly givenName: string | null;
  readonly familyName: string | null;
}

/** Names asked for: from the records of this directorate only, or of any (null). */
export interface NamesScope {
  readonly recordedIn: string | null;
}

/**
 * Names are personal data: shown to a reader who may see it and says why; the consultation log
 * then keeps the justification with the records shown. A directorate-bound reader sees names
 * as their directorate recorded them, as `GET /people/:personId/personal-data` shows them.
 */
export function namesAsked(
  query: { names?: string },
  actor: Actor,
  req: Request,
): NamesScope | null {
  if (query.names !== 'true') return null;
  if (!hasPermission(actor, 'person.read')) {
    throw new AccessDeniedError('AUTH.FORBIDDEN', `A ${actor.role} may not see personal data.`);
  }
  if (!req.header(JUSTIFICATION_HEADER)) {
    throw new ApiRefusal(
      'CONSULTATION.JUSTIFICATION_REQUIRED',
      `Names are personal data: state why in the ${JUSTIFICATION_HEADER} header.`,
    );
  }
  return { recordedIn: directorateScope(actor, undefined) };
}

/**
 * The names of people on the desk, from the latest sealed personal data an event of theirs
 * carries within the scope (the events are the only copy). Erased or never recorded: no name.
 * The caller checks the reader's right to see them (`namesAsked`) and logs the consultation.
 */
@Injectable()
export class PersonNames {
  constructor(
    private readonly db: DataSource,
    private readonly vault: PersonalDataVault,
  ) {}

  async of(personIds: readonly string[], scope: NamesScope): Promise<Map<string, PersonName>> {
    if (personIds.length === 0) return new Map();
    const rows: { person_id: string; sealed: SealedPersonalData }[] = await this.db.query(
      `SELECT DISTINCT ON (e.data->>'personId') e.data->>'personId' AS person_id,
              e.data->'personalData' AS sealed
         FROM event_store.events e
         JOIN event_store.events o ON o.stream_id = e.stream_id AND o.version = 1
        WHERE e.data->>'personId' = ANY($1::text[])
          AND jsonb_typeof(e.data->'personalData') = 'object'
          AND ($2::text IS NULL OR o.data->>'directorate' = $2)
        ORDER BY e.data->>'personId', e.position DESC`,
      [personIds, scope.recordedIn],
    );
    const names = new Map<string, PersonName>();
    for (const row of rows) {
      const data = await this.vault.open(row.sealed);
      if (data) {
        names.set(row.person_id, {
          givenName: data.givenName ?? null,
          familyName: data.familyName ?? null,
        });
      }
    }
    return names;
  }
}
