import { ASYLUM_FACILITIES, Directorate } from '@app/domain';
import { AddStep } from './case-timeline';
import { CaseDraft, draftMigrants, markWithoutIntent } from './draft-cases';
import { MINUTE, atLocal, iso } from './local-time';
import { JOINT_OPERATION_NATIONALITIES, SMUGGLER_NATIONALITIES } from './nationalities';
import { Section, sectionOf } from './places';
import { ForeignerGroupDraft } from './procedure-drafts';
import { Rng, weighted } from './random';

/**
 * The mixed patrols with the Croatian police of 13-15 March 2024: 127 migrants and 4 smugglers
 * found on the Slovenian side, in two cases of the directorates on that border.
 */
const JOINT_OPERATION = {
  code: 'HR-SI-2024-03',
  name: 'Tighter joint control of the border with mixed patrols, 13-15 March 2024',
  partnerCountry: 'HR',
  kind: 'mixed-patrol',
  from: '2024-03-13T00:00:00+01:00',
  to: '2024-03-15T23:59:00+01:00',
  linkedAt: { day: '2024-03-16', minutes: 10 * 60 + 30 },
  /**
   * The Croatian police's own figures, as the release reports them: 172 migrants and 3
   * smugglers on the sections the mixed patrols covered, 6 more smugglers elsewhere. Recorded
   * with the first case, apart from what the Slovenian police recorded themselves.
   */
  partnerReports: [
    { area: 'covered-sections', migrants: 172, smugglers: 3 },
    { area: 'elsewhere', migrants: null, smugglers: 6 },
  ],
  cases: [
    {
      directorate: 'novo-mesto' as Directorate,
      section: 'Obrežje',
      opened: { day: '2024-03-13', minutes: 20 * 60 + 40 },
      groups: [
        { day: '2024-03-13', minutes: 21 * 60 + 30, size: 31 },
        { day: '2024-03-14', minutes: 23 * 60 + 10, size: 22 },
        { day: '2024-03-15', minutes: 4 * 60 + 20, size: 21 },
      ],
      smugglers: [
        { day: '2024-03-13', minutes: 21 * 60 + 35 },
        { day: '2024-03-14', minutes: 23 * 60 + 15 },
      ],
      withoutIntent: 1,
    },
    {
      directorate: 'koper' as Directorate,
      section: 'Jelšane',
      opened: { day: '2024-03-14', minutes: 1 * 60 + 5 },
      groups: [
        { day: '2024-03-14', minutes: 1 * 60 + 40, size: 28 },
        { day: '2024-03-15', minutes: 20 * 60, size: 25 },
      ],
      smugglers: [
        { day: '2024-03-14', minutes: 1 * 60 + 45 },
        { day: '2024-03-15', minutes: 20 * 60 + 5 },
      ],
      withoutIntent: 1,
    },
  ],
} as const;

/** The code the joint operation's procedures carry (GET /procedures?jointOperation=...). */
export const JOINT_OPERATION_CODE: string = JOINT_OPERATION.code;

/**
 * A migrant of the joint operation, as their case records them: their police procedure, linked
 * to the case, records the same facts at the same times.
 */
export interface JointMigrant {
  readonly key: string;
  readonly nationality: string;
  readonly minor: boolean;
  intent?: { at: number; statement: string };
  referral?: { at: number; facility: (typeof ASYLUM_FACILITIES)[number] };
  handover?: { at: number; authority: string };
  leftAt?: number;
}

/** A group the mixed patrols found, as its case records it. */
export interface JointGroup {
  readonly caseKey: string;
  readonly directorate: Directorate;
  readonly section: Section;
  readonly at: number;
  readonly migrants: JointMigrant[];
}

/** The operation's two cases, at the times the release gives them: only who they were is drawn. */
export function draftJointOperation(rng: Rng): CaseDraft[] {
  return JOINT_OPERATION.cases.map((spec, index) => {
    const draft: CaseDraft = {
      openedAt: atLocal(spec.opened.day, spec.opened.minutes),
      directorate: spec.directorate,
      section: sectionOf(spec.directorate, spec.section),
      offenceParagraph: 3,
      smugglers: spec.smugglers.map((s) => ({
        at: atLocal(s.day, s.minutes),
        nationality: weighted(rng, SMUGGLER_NATIONALITIES),
        slovenian: false,
        remanded: true,
      })),
      groups: spec.groups.map((g) => ({
        at: atLocal(g.day, g.minutes),
        migrants: draftMigrants(rng, g.size, JOINT_OPERATION_NATIONALITIES),
      })),
      jointOperation: true,
      partnerReports: index === 0,
    };
    markWithoutIntent(rng, [draft], spec.withoutIntent);
    return draft;
  });
}

/** The case's link to the operation; the first case also records the partner police's figures. */
export function writeJointOperationLink(add: AddStep, draft: CaseDraft): void {
  const linkedAt = atLocal(JOINT_OPERATION.linkedAt.day, JOINT_OPERATION.linkedAt.minutes);
  add(linkedAt, 'joint-operation', '/cases/:caseId/joint-operations', {
    occurredAt: iso(linkedAt),
    code: JOINT_OPERATION.code,
    name: JOINT_OPERATION.name,
    partnerCountry: JOINT_OPERATION.partnerCountry,
    kind: JOINT_OPERATION.kind,
    from: JOINT_OPERATION.from,
    to: JOINT_OPERATION.to,
  });
  if (!draft.partnerReports) return;
  for (const report of JOINT_OPERATION.partnerReports) {
    add(linkedAt, `partner-report-${report.area}`, '/joint-operations/partner-reports', {
      occurredAt: iso(linkedAt),
      code: JOINT_OPERATION.code,
      partnerCountry: JOINT_OPERATION.partnerCountry,
      authority: 'Croatian police',
      source: 'Joint press release of the Slovenian police, March 2024',
      ...report,
    });
  }
}

/**
 * The joint operation's migrants, as their cases record them: a procedure each, linked to the
 * case (so that each is counted once), with the same facts at the same times.
 */
export function draftJointProcedures(joint: readonly JointGroup[]): ForeignerGroupDraft[] {
  return joint.map((g) => ({
    at: g.at,
    directorate: g.directorate,
    section: { ...g.section, cameFrom: 'HR' },
    place: `${g.section.name}, mixed patrol with the Croatian police`,
    caseKey: g.caseKey,
    jointOperation: JOINT_OPERATION.code,
    persons: g.migrants.map((m) => ({
      nationality: m.nationality,
      minor: m.minor,
      caseMigrantKey: m.key,
      ...(m.handover
        ? {
            detainedAt: g.at + 20 * MINUTE,
            handover: {
              at: m.handover.at,
              country: 'HR' as const,
              authority: m.handover.authority,
            },
          }
        : {}),
      ...(m.intent ? { intent: m.intent } : {}),
      ...(m.referral ? { referral: { at: m.referral.at, destination: m.referral.facility } } : {}),
      ...(m.leftAt !== undefined ? { leftAt: m.leftAt } : {}),
    })),
  }));
}
