import {
  EVENT_ENVELOPE_SCHEMA,
  envelopeSchemaFor,
  eventSchemaVersions,
  eventDataSchema,
} from '@app/contracts';
import { EVENT_COLUMNS, EventEnvelope, EventRow, toEnvelope } from '@app/event-store';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DataSource } from 'typeorm';

/** A validator for the published event contract: draft-07, every error, formats checked. */
export function contractAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  return ajv;
}

/** Ajv's errors with what each one names (the extra member, the allowed values...). */
const describeErrors = (errors: ErrorObject[]) =>
  errors
    .map((e) => `event${e.instancePath} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`)
    .join('; ');

export type EnvelopeCheck = (envelope: EventEnvelope) => string | null;

/**
 * Checks an envelope against the envelope schema and the data schema of its type and schema
 * version: null when it conforms, otherwise what is wrong (a type or version the contract does
 * not know is wrong too).
 */
export function envelopeCheck(): EnvelopeCheck {
  const ajv = contractAjv();
  const validators = new Map<string, ValidateFunction>();
  for (const { type, schemaVersion } of eventSchemaVersions()) {
    validators.set(
      `${type}@${schemaVersion}`,
      ajv.compile(envelopeSchemaFor(type, schemaVersion, eventDataSchema(type, schemaVersion)!)),
    );
  }
  const anyEnvelope = ajv.compile(EVENT_ENVELOPE_SCHEMA);
  return (envelope) => {
    const validate = validators.get(`${envelope.type}@${envelope.schemaVersion}`);
    if (!validate) {
      const shape = anyEnvelope(envelope) ? '' : `; ${ajv.errorsText(anyEnvelope.errors)}`;
      return `no schema for ${envelope.type} v${envelope.schemaVersion}${shape}`;
    }
    return validate(envelope) ? null : describeErrors(validate.errors ?? []);
  };
}

/** Every stored event that breaks the contract, named by position, type and schema version. */
export async function eventContractViolations(db: DataSource): Promise<string[]> {
  const check = envelopeCheck();
  const rows = await db.query<EventRow[]>(
    `SELECT ${EVENT_COLUMNS} FROM event_store.events ORDER BY events.position`,
  );
  return rows.flatMap((row) => {
    const envelope = toEnvelope(row);
    const problem = check(envelope);
    return problem === null
      ? []
      : [
          `position ${envelope.position} ${envelope.type} v${envelope.schemaVersion} ` +
            `(stream ${envelope.streamId} version ${envelope.streamVersion}): ${problem}`,
        ];
  });
}
