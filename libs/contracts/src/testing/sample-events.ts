/*
 * Events and envelopes as the store writes and publishes them, one of every procedure and joint
 * operation type, for the contract's unit tests (event-contract.spec.ts) to check against the
 * published schemas. The case's events come from the domain's own scenarios.
 */
import {
  CaseEvent,
  JointOperationEvent,
  ProcedureEvent,
  jointOperationEvent,
  procedureEvent,
} from '@app/domain';
import { EventEnvelope } from '@app/event-store';
import * as scenario from '../../../domain/src/case/testing/case-scenario';

/** The case of the domain scenarios' events, whose stream an envelope is in unless told. */
export const CASE_ID = scenario.CASE_ID;
/** The eventId of every sample envelope. */
export const EVENT_ID = '7f0e9f0a-3c1b-4d7e-8f60-0a1b2c3d4e5f';
/** The procedure of every sample procedure event. */
export const PROCEDURE_ID = '3e2d1c0b-5a6f-4e7d-9c8b-0a1f2e3d4c5b';

/** One event of every procedure type, as the procedure's decisions write them. */
export function procedureEvents(): ProcedureEvent[] {
  const { at, MIGRANT: personId } = scenario;
  const ids = { procedureId: PROCEDURE_ID, personId };
  return [
    procedureEvent('procedure.foreigner-apprehended', at('03:10'), {
      ...ids,
      recognised: false,
      directorate: 'novo-mesto',
      borderSection: 'Obrežje',
      cameFrom: 'HR',
      place: 'Rigonce',
      nationality: null,
      minor: false,
      groupId: '6c5b4a39-2817-4f6e-8d5c-4b3a29181706',
      caseId: null,
      jointOperation: 'MP-2024-03',
      personalData: {
        scheme: 'aes-256-gcm/v1',
        personId,
        ciphertext: 'c2VhbGVk',
      },
    }),
    procedureEvent('procedure.border-detention-started', at('03:30'), ids),
    procedureEvent('procedure.asylum-intent-expressed', at('05:00'), {
      ...ids,
      statement: 'handwritten',
    }),
    procedureEvent('procedure.referred', at('09:00'), {
      ...ids,
      destination: 'asylum-home-ljubljana',
    }),
    procedureEvent('procedure.handed-over', at('09:00'), {
      ...ids,
      country: 'HR',
      authority: 'PU Karlovac',
    }),
    procedureEvent('procedure.released', at('09:00'), { ...ids, reason: 'Told to leave.' }),
    procedureEvent('procedure.left-asylum-home', at('09:00', 16), {
      ...ids,
      facility: 'asylum-home-ljubljana',
    }),
    procedureEvent('procedure.linked-to-case', at('11:00'), { ...ids, caseId: CASE_ID }),
    procedureEvent('procedure.nationality-established', at('12:00'), {
      ...ids,
      nationality: 'AF',
    }),
  ];
}

/** The joint operation whose stream a sample joint operation event is put in. */
export const JOINT_OPERATION_ID = '5b0f3c1e-8d2a-5e4f-9a6b-7c8d9e0f1a2b';

/** One event of every joint operation type: the partner police's figures, as reported. */
export function jointOperationEvents(): JointOperationEvent[] {
  return [
    jointOperationEvent('joint-operation.partner-figures-reported', scenario.at('10:00', 18), {
      code: 'HR-SI-2024-03',
      partnerCountry: 'HR',
      authority: 'Croatian police (MUP RH)',
      area: 'covered-sections',
      migrants: 172,
      smugglers: 3,
      source: 'Joint press release, March 2024',
    }),
  ];
}

/**
 * An event as the store publishes it, in the case's stream unless another is given: the ids,
 * position, times and metadata are fixed, so that only the event decides whether it conforms.
 */
export function envelopeOf(
  event: Pick<CaseEvent | ProcedureEvent | JointOperationEvent, 'type' | 'schemaVersion' | 'data'>,
  stream: Pick<EventEnvelope, 'streamId' | 'streamType'> = {
    streamId: CASE_ID,
    streamType: 'case',
  },
): EventEnvelope {
  const commandId = '9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
  return {
    type: event.type,
    schemaVersion: event.schemaVersion,
    eventId: EVENT_ID,
    ...stream,
    streamVersion: 2,
    position: '41',
    occurredAt: '2024-03-14T09:00:00.000Z',
    recordedAt: '2024-03-14T09:00:01.123Z',
    data: event.data,
    metadata: {
      actorId: 'inv-nm-17',
      role: 'investigator',
      directorate: 'novo-mesto',
      correlationId: 'b9e0c3d2-5a4f-4b3e-9c8d-7e6f5a4b3c2d',
      causationId: commandId,
      commandId,
      idempotencyKey: null,
    },
    hash: 'ab'.repeat(32),
  };
}
