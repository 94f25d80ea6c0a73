import { PARTNER_COUNTRIES } from '../case/events';
import { DomainEvent } from '../shared/domain-event';

/**
 * A joint operation with a neighbouring police (mixed patrols, a tighter joint control), as
 * the partner police report it: one stream per operation code. What the Slovenian police
 * recorded themselves stays in the cases and procedures that name the operation; the partner's
 * own figures are kept here, as reported, and never added to them.
 */
export const JOINT_OPERATION_STREAM_TYPE = 'joint-operation';

/**
 * Where the partner's figures were found: on the border sections the joint patrols covered,
 * or in the partner's remaining areas (the press release of March 2024 gives both).
 */
export const PARTNER_REPORT_AREAS = ['covered-sections', 'elsewhere'] as const;
export type PartnerReportArea = (typeof PARTNER_REPORT_AREAS)[number];

/** The partner police's own figures for one area of the operation; occurredAt: when reported. */
export type PartnerFiguresReported = DomainEvent<
  'joint-operation.partner-figures-reported',
  {
    /** The operation code, as cases and procedures name it. */
    code: string;
    partnerCountry: (typeof PARTNER_COUNTRIES)[number];
    /** Who reported, e.g. "Croatian police (MUP RH)". */
    authority: string;
    area: PartnerReportArea;
    /** As reported; null when the report gives no such figure. */
    migrants: number | null;
    smugglers: number | null;
    /** Where the figures come from: the release or the report's reference. */
    source: string;
  }
>;

/**
 * Every fact of a joint operation's stream. No read model is built of them: see
 * `readModelsChangedBy` in libs/read-models/src/projection.ts.
 */
export type JointOperationEvent = PartnerFiguresReported;
export type JointOperationEventType = JointOperationEvent['type'];

/** The schema version each type is written in now (see CASE_EVENT_SCHEMA_VERSIONS). */
export const JOINT_OPERATION_EVENT_SCHEMA_VERSIONS: Readonly<
  Record<JointOperationEventType, number>
> = {
  'joint-operation.partner-figures-reported': 1,
};

export const JOINT_OPERATION_EVENT_TYPES = Object.keys(
  JOINT_OPERATION_EVENT_SCHEMA_VERSIONS,
) as JointOperationEventType[];

export function jointOperationEvent<E extends JointOperationEvent>(
  type: E['type'],
  occurredAt: Date,
  data: E['data'],
): E {
  return {
    type,
    schemaVersion: JOINT_OPERATION_EVENT_SCHEMA_VERSIONS[type],
    occurredAt,
    data,
  } as E;
}
