import {
  CASE_EVENT_SCHEMA_VERSIONS,
  CASE_EVENT_TYPES,
  CaseEvent,
  JOINT_OPERATION_EVENT_SCHEMA_VERSIONS,
  JOINT_OPERATION_EVENT_TYPES,
  JOINT_OPERATION_STREAM_TYPE,
  PROCEDURE_EVENT_SCHEMA_VERSIONS,
  PROCEDURE_EVENT_TYPES,
  PROCEDURE_STREAM_TYPE,
} from '@app/domain';
import { EventHeaders, toKafkaMessage } from '@app/event-store';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as scenario from '../../domain/src/case/testing/case-scenario';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAsyncApiDocument, messageId } from './asyncapi';
import { ASYNCAPI_FILE, asyncApiOfRepository } from './write-asyncapi';
import { envelopeSchemaFor, kafkaHeadersSchema } from './envelope.schemas';
import { EVENT_DATA_SCHEMAS, eventDataSchema, eventSchemaVersions } from './events/event-schemas';
import { JsonSchema } from './json-schema';
import {
  CASE_ID,
  EVENT_ID,
  JOINT_OPERATION_ID,
  PROCEDURE_ID,
  envelopeOf,
  jointOperationEvents,
  procedureEvents,
} from './testing/sample-events';

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);

/** The errors of `value` against `schema`, as ajv words them; [] when it conforms. */
const errorsOf = (schema: JsonSchema, value: unknown): string[] => {
  const validate = ajv.compile(schema);
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
};
const dataErrors = (type: string, version: number, data: unknown) =>
  errorsOf(eventDataSchema(type, version)!, data);

describe('the event contract against the domain', () => {
  it('has a data schema for every event type in every version from 1 to its current one, and no other', () => {
    const versions = (types: readonly string[], current: Readonly<Record<string, number>>) =>
      types.flatMap((type) => Array.from({ length: current[type] }, (_, i) => `${type} v${i + 1}`));
    const expected = [
      ...versions(CASE_EVENT_TYPES, CASE_EVENT_SCHEMA_VERSIONS),
      ...versions(PROCEDURE_EVENT_TYPES, PROCEDURE_EVENT_SCHEMA_VERSIONS),
      ...versions(JOINT_OPERATION_EVENT_TYPES, JOINT_OPERATION_EVENT_SCHEMA_VERSIONS),
    ].sort();
    const described = eventSchemaVersions()
      .map(({ type, schemaVersion }) => `${type} v${schemaVersion}`)
      .sort();
    expect(described).toEqual(expected);
    expect(described).toContain('person.suspect-arrested v1');
    expect(described).toContain('person.suspect-arrested v2');
    expect(eventDataSchema('person.suspect-arrested', 3)).toBeUndefined();
    expect(eventDataSchema('case.reopened', 1)).toBeUndefined();
    expect(described).toContain('procedure.foreigner-apprehended v1');
  });

  it('compiles every schema under a strict validator', () => {
    for (const { type, schemaVersion } of eventSchemaVersions()) {
      expect(() => ajv.compile(EVENT_DATA_SCHEMAS[type][schemaVersion])).not.toThrow();
    }
  });

  it("accepts the events of the domain's own scenarios, each in its current version", () => {
    const { at } = scenario;
    const events: CaseEvent[] = [
      scenario.opened(),
      scenario.arrested(),
      scenario.arrested(scenario.SUSPECT, at('09:00'), null),
      scenario.apprehended(),
      scenario.detained(),
      scenario.decisionIssued(),
      scenario.broughtBeforeJudge(),
      scenario.remanded(),
      scenario.remandServed(),
      scenario.remandExtended(at('10:00', 15), 2),
      scenario.released(),
      scenario.handedOver(),
      scenario.intentExpressed(),
      scenario.referred(),
      scenario.leftReception(),
      scenario.complaintFiled(),
      scenario.referredToProsecution(),
      scenario.indicted(),
      scenario.closed(),
    ];
    for (const event of events) {
      expect([event.type, dataErrors(event.type, event.schemaVersion, event.data)]).toEqual([
        event.type,
        [],
      ]);
    }
  });

  it('accepts the events of every procedure type, each in its current version', () => {
    const events = procedureEvents();
    expect(events.map((e) => e.type).sort()).toEqual([...PROCEDURE_EVENT_TYPES].sort());
    for (const event of events) {
      expect([event.type, dataErrors(event.type, event.schemaVersion, event.data)]).toEqual([
        event.type,
        [],
      ]);
    }
    const [apprehended] = events;
    const linked = { ...apprehended.data, caseId: CASE_ID, nationality: 'SY', personalData: null };
    expect(dataErrors(apprehended.type, 1, linked)).toEqual([]);
  });

  it('refuses procedure data that drifted: a case member, a country or destination not listed', () => {
    const [apprehended, detained, , referred, handedOver] = procedureEvents();
    expect(dataErrors(detained.type, 1, { ...detained.data, caseId: CASE_ID })).toEqual([
      ' must NOT have additional properties',
    ]);
    const { procedureId: _id, ...withoutProcedure } = detained.data;
    expect(dataErrors(detained.type, 1, withoutProcedure)).toEqual([
      " must have required property 'procedureId'",
    ]);
    expect(dataErrors(apprehended.type, 1, { ...apprehended.data, cameFrom: 'DE' })).toEqual([
      '/cameFrom must be equal to one of the allowed values',
    ]);
    expect(dataErrors(apprehended.type, 1, { ...apprehended.data, groupId: null })).toEqual([
      '/groupId must be string',
    ]);
    expect(dataErrors(handedOver.type, 1, { ...handedOver.data, country: 'RS' })).toEqual([
      '/country must be equal to one of the allowed values',
    ]);
    expect(
      dataErrors(referred.type, 1, { ...referred.data, destination: 'aliens-centre' }),
    ).toEqual([]);
    expect(dataErrors(referred.type, 1, { ...referred.data, destination: 'prison' })).toEqual([
      '/destination must be equal to one of the allowed values',
    ]);
  });

  it('accepts the events of every joint operation type, each in its current version', () => {
    const events = jointOperationEvents();
    expect(events.map((e) => e.type).sort()).toEqual([...JOINT_OPERATION_EVENT_TYPES].sort());
    for (const event of events) {
      expect([event.type, dataErrors(event.type, event.schemaVersion, event.data)]).toEqual([
        event.type,
        [],
      ]);
    }
    const [reported] = events;
    const elsewhere = { ...reported.data, area: 'elsewhere', migrants: null, smugglers: 6 };
    expect(dataErrors(reported.type, 1, elsewhere)).toEqual([]);
    expect(dataErrors(reported.type, 1, { ...reported.data, migrants: 0 })).toEqual([]);
  });

  it('refuses joint operation data that drifted: a count, an area or a partner not allowed', () => {
    const [{ type, data }] = jointOperationEvents();
    expect(dataErrors(type, 1, { ...data, migrants: -1 })).toEqual([
      '/migrants must be >= 0',
      '/migrants must be null',
      '/migrants must match a schema in anyOf',
    ]);
    expect(dataErrors(type, 1, { ...data, smugglers: 2.5 })).toContain(
      '/smugglers must be integer',
    );
    expect(dataErrors(type, 1, { ...data, area: 'everywhere' })).toEqual([
      '/area must be equal to one of the allowed values',
    ]);
    expect(dataErrors(type, 1, { ...data, partnerCountry: 'RS' })).toEqual([
      '/partnerCountry must be equal to one of the allowed values',
    ]);
    expect(dataErrors(type, 1, { ...data, caseId: CASE_ID })).toEqual([
      ' must NOT have additional properties',
    ]);
    const { smugglers: _smugglers, ...withoutSmugglers } = data;
    expect(dataErrors(type, 1, withoutSmugglers)).toEqual([
      " must have required property 'smugglers'",
    ]);
  });

  it('refuses data that drifted: a member too many or missing, a kind or id of the wrong form', () => {
    const { data } = scenario.remanded();
    const type = 'custody.remand-ordered';
    expect(dataErrors(type, 1, data)).toEqual([]);
    expect(dataErrors(type, 1, { ...data, judge: 'X' })).toEqual([
      ' must NOT have additional properties',
    ]);
    const { court: _court, ...withoutCourt } = data as Record<string, unknown>;
    expect(dataErrors(type, 1, withoutCourt)).toEqual([" must have required property 'court'"]);
    expect(dataErrors(type, 1, { ...data, grounds: ['boredom'] })).toEqual([
      '/grounds/0 must be equal to one of the allowed values',
    ]);
    expect(dataErrors(type, 1, { ...data, personId: 'suspect-1' })).toEqual([
      '/personId must match format "uuid"',
    ]);
    expect(
      dataErrors('case.opened', 1, { ...scenario.opened().data, directorate: 'zagreb' }),
    ).toEqual(['/directorate must be equal to one of the allowed values']);
  });

  it('tells the two versions of person.suspect-arrested apart', () => {
    const v2 = scenario.arrested().data as Record<string, unknown>;
    const { slovenianCitizen: _citizen, ...v1 } = v2;
    expect(dataErrors('person.suspect-arrested', 1, v1)).toEqual([]);
    // Written while v1 was being extended: the upcaster keeps what it says.
    expect(dataErrors('person.suspect-arrested', 1, v2)).toEqual([]);
    expect(dataErrors('person.suspect-arrested', 2, v2)).toEqual([]);
    expect(dataErrors('person.suspect-arrested', 2, v1)).toEqual([
      " must have required property 'slovenianCitizen'",
    ]);
  });

  it("checks a correction's replacement against the data of the corrected type, in any of its versions", () => {
    const correction = (correctedEventType: string, data: unknown) => ({
      caseId: CASE_ID,
      correctedEventId: EVENT_ID,
      correctedEventType,
      reason: 'Place misspelt.',
      replacement: { occurredAt: '2024-03-14T09:00:00.000Z', data },
    });
    const arrest: Record<string, unknown> = { ...scenario.arrested().data, place: 'Metlika' };
    const { slovenianCitizen: _citizen, ...arrestV1 } = arrest;
    const type = 'case.correction-recorded';
    expect(dataErrors(type, 1, correction('person.suspect-arrested', arrest))).toEqual([]);
    expect(dataErrors(type, 1, correction('person.suspect-arrested', arrestV1))).toEqual([]);
    expect(dataErrors(type, 1, correction('custody.released', arrest))).not.toEqual([]);
    expect(dataErrors(type, 1, correction('case.correction-recorded', arrest))).toContain(
      '/correctedEventType must be equal to one of the allowed values',
    );
    // A procedure's events are not the case's: a case's correction never names them.
    const [apprehended] = procedureEvents();
    expect(dataErrors(type, 1, correction(apprehended.type, apprehended.data))).toContain(
      '/correctedEventType must be equal to one of the allowed values',
    );
  });
});

describe('the envelope and the Kafka message', () => {
  const released = scenario.released();

  it('accepts an envelope as the store builds it, and refuses one with metadata or hash missing', () => {
    const schema = envelopeSchemaFor(released.type, 1, eventDataSchema(released.type, 1)!);
    const envelope = envelopeOf(released);
    expect(errorsOf(schema, envelope)).toEqual([]);
    const { hash: _hash, ...unhashed } = envelope;
    expect(errorsOf(schema, unhashed)).toEqual([" must have required property 'hash'"]);
    expect(
      errorsOf(schema, { ...envelope, metadata: { ...envelope.metadata, role: 'janitor' } }),
    ).toEqual(['/metadata/role must be equal to one of the allowed values']);
    expect(errorsOf(schema, { ...envelope, schemaVersion: 2 })).toEqual([
      '/schemaVersion must be equal to constant',
    ]);
  });

  it("accepts a procedure's envelope, and no stream type but a case's or a procedure's", () => {
    for (const event of procedureEvents()) {
      const schema = envelopeSchemaFor(event.type, 1, eventDataSchema(event.type, 1)!);
      const stream = { streamId: PROCEDURE_ID, streamType: PROCEDURE_STREAM_TYPE };
      const envelope = envelopeOf(event, stream);
      expect([event.type, errorsOf(schema, envelope)]).toEqual([event.type, []]);
      expect(errorsOf(schema, { ...envelope, streamType: 'person' })).toEqual([
        '/streamType must be equal to one of the allowed values',
      ]);
    }
  });

  it("accepts a joint operation's envelope under its own stream type", () => {
    for (const event of jointOperationEvents()) {
      const schema = envelopeSchemaFor(event.type, 1, eventDataSchema(event.type, 1)!);
      const stream = { streamId: JOINT_OPERATION_ID, streamType: JOINT_OPERATION_STREAM_TYPE };
      const envelope = envelopeOf(event, stream);
      expect([event.type, errorsOf(schema, envelope)]).toEqual([event.type, []]);
      expect(errorsOf(schema, { ...envelope, streamType: 'operation' })).toEqual([
        '/streamType must be equal to one of the allowed values',
      ]);
    }
  });

  it('describes the headers toKafkaMessage writes, with and without a ledger link, and only those', () => {
    const schema = kafkaHeadersSchema(released.type, 1);
    const { headers, key } = toKafkaMessage(envelopeOf(released));
    expect(key).toBe(CASE_ID);
    expect(errorsOf(schema, headers)).toEqual([]);
    const sealed = toKafkaMessage(envelopeOf(released), { seq: '17', hash: 'cd'.repeat(32) });
    expect(errorsOf(schema, sealed.headers)).toEqual([]);
    expect(errorsOf(kafkaHeadersSchema('case.closed', 1), headers)).toEqual([
      `/${EventHeaders.type} must be equal to constant`,
    ]);
    expect(errorsOf(schema, { ...headers, 'x-trace': '1' })).toEqual([
      ' must NOT have additional properties',
    ]);
    const described = Object.keys((schema as { properties: object }).properties).sort();
    expect(described).toEqual(Object.values(EventHeaders).sort());
    expect(Object.keys(sealed.headers!).sort()).toEqual(described);
  });
});

describe('the AsyncAPI document', () => {
  const document = buildAsyncApiDocument({ topic: 'smuggling-cases.events', version: '0.1.0' });

  /** Follows a local JSON pointer such as `#/components/messages/case.opened.v1`. */
  const follow = (ref: string): unknown =>
    ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/')],
        document,
      );
  const refsIn = (node: unknown): string[] =>
    node === null || typeof node !== 'object'
      ? []
      : Object.entries(node).flatMap(([key, value]) =>
          key === '$ref' && typeof value === 'string' ? [value] : refsIn(value),
        );

  it('is AsyncAPI 3.0 with one channel at the topic, and a message for every type and version', () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(document.channels.caseEvents.address).toBe('smuggling-cases.events');
    const ids = eventSchemaVersions().map(({ type, schemaVersion }) =>
      messageId(type, schemaVersion),
    );
    expect(Object.keys(document.channels.caseEvents.messages).sort()).toEqual([...ids].sort());
    expect(Object.keys(document.components.messages).sort()).toEqual([...ids].sort());
    expect(document.operations.publishCaseEvents.action).toBe('send');
  });

  it('resolves every reference it makes', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(eventSchemaVersions().length * 3);
    expect(refs.filter((ref) => !ref.startsWith('#/') || follow(ref) === undefined)).toEqual([]);
  });

  it("validates an envelope with each message's payload and headers as the document states them", () => {
    const withDocument = new Ajv({ allErrors: true, strict: false });
    addFormats(withDocument);
    withDocument.addSchema({ $id: 'asyncapi', ...document });
    const payload = (id: string) =>
      withDocument.getSchema(`asyncapi#/components/messages/${id}/payload`)!;
    const validRelease = envelopeOf(scenario.released());
    expect(payload('custody.released.v1')(validRelease)).toBe(true);
    expect(payload('custody.released.v1')({ ...validRelease, data: { note: null } })).toBe(false);
    expect(payload('custody.handed-over.v1')(validRelease)).toBe(false);
    const headers = (id: string) =>
      withDocument.getSchema(`asyncapi#/components/messages/${id}/headers`)!;
    const { headers: written } = toKafkaMessage(validRelease);
    expect(headers('custody.released.v1')(written)).toBe(true);
    expect(headers('custody.handed-over.v1')(written)).toBe(false);
    const arrestV1 = envelopeOf({
      type: 'person.suspect-arrested',
      schemaVersion: 1,
      data: { ...scenario.arrested().data, slovenianCitizen: undefined },
    });
    expect(payload('person.suspect-arrested.v1')(JSON.parse(JSON.stringify(arrestV1)))).toBe(true);
    expect(payload('person.suspect-arrested.v2')(JSON.parse(JSON.stringify(arrestV1)))).toBe(false);
    const stream = { streamId: PROCEDURE_ID, streamType: PROCEDURE_STREAM_TYPE };
    for (const event of procedureEvents()) {
      const envelope = envelopeOf(event, stream);
      expect([event.type, payload(messageId(event.type, 1))(envelope)]).toEqual([event.type, true]);
      expect(headers(messageId(event.type, 1))(toKafkaMessage(envelope).headers)).toBe(true);
    }
    const handedOver = envelopeOf(procedureEvents()[4], stream);
    expect(payload('procedure.released.v1')(handedOver)).toBe(false);
    const operation = { streamId: JOINT_OPERATION_ID, streamType: JOINT_OPERATION_STREAM_TYPE };
    for (const event of jointOperationEvents()) {
      const envelope = envelopeOf(event, operation);
      expect([event.type, payload(messageId(event.type, 1))(envelope)]).toEqual([event.type, true]);
      expect(headers(messageId(event.type, 1))(toKafkaMessage(envelope).headers)).toBe(true);
      expect(payload('procedure.released.v1')(envelope)).toBe(false);
    }
  });

  it('is what docs/asyncapi.json holds (else run npm run docs:asyncapi and review the diff)', () => {
    const root = resolve(__dirname, '../../..');
    const written: unknown = JSON.parse(readFileSync(resolve(root, ASYNCAPI_FILE), 'utf8'));
    expect(written).toEqual(asyncApiOfRepository(root));
  });
});
