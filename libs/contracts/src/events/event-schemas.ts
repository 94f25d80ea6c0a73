import { JsonSchema } from '../json-schema';
import { EventSchemaTable } from './common.schemas';
import { CUSTODY_EVENT_SCHEMAS } from './custody.schemas';
import {
  LIFECYCLE_EVENT_SCHEMAS,
  correctionRecordedV1,
  entryWithdrawnV1,
} from './lifecycle.schemas';
import { JOINT_OPERATION_EVENT_SCHEMAS } from './joint-operation.schemas';
import { PEOPLE_EVENT_SCHEMAS } from './people.schemas';
import { PROCEDURE_EVENT_SCHEMAS } from './procedure.schemas';
import { PROTECTION_EVENT_SCHEMAS } from './protection.schemas';

/** Every event type a correction may correct: all of the case's but the correction itself. */
export const CORRECTABLE_EVENT_SCHEMAS: EventSchemaTable = {
  ...LIFECYCLE_EVENT_SCHEMAS,
  ...PEOPLE_EVENT_SCHEMAS,
  ...CUSTODY_EVENT_SCHEMAS,
  ...PROTECTION_EVENT_SCHEMAS,
};

/**
 * The JSON Schema of the `data` of every event type in every schema version it was ever
 * written in. Stored events are never rewritten, so a version once listed here stays.
 */
export const EVENT_DATA_SCHEMAS: EventSchemaTable = {
  ...CORRECTABLE_EVENT_SCHEMAS,
  'case.correction-recorded': {
    1: correctionRecordedV1(
      Object.fromEntries(
        Object.entries(CORRECTABLE_EVENT_SCHEMAS).map(([type, versions]) => [
          type,
          Object.values(versions),
        ]),
      ),
    ),
  },
  'case.entry-withdrawn': {
    1: entryWithdrawnV1([
      ...Object.keys(CORRECTABLE_EVENT_SCHEMAS).filter((type) => type !== 'case.opened'),
      'case.correction-recorded',
      'case.entry-withdrawn',
    ]),
  },
  ...PROCEDURE_EVENT_SCHEMAS,
  ...JOINT_OPERATION_EVENT_SCHEMAS,
};

/** The data schema of one type and version, or undefined when no such version exists. */
export function eventDataSchema(type: string, schemaVersion: number): JsonSchema | undefined {
  if (!Object.hasOwn(EVENT_DATA_SCHEMAS, type)) return undefined;
  const versions = EVENT_DATA_SCHEMAS[type];
  return Object.hasOwn(versions, schemaVersion) ? versions[schemaVersion] : undefined;
}

/** Every (type, schema version) pair the contract describes, in a stable order. */
export function eventSchemaVersions(): { type: string; schemaVersion: number }[] {
  return Object.entries(EVENT_DATA_SCHEMAS).flatMap(([type, versions]) =>
    Object.keys(versions).map((v) => ({ type, schemaVersion: Number(v) })),
  );
}
