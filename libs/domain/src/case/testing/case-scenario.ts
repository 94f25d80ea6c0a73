/*
 * Given/when/then for the case decisions: given past events, when a command, then the events
 * decided or the code of the refusal. Used by the *.spec.ts files beside each decision.
 */
import { DomainError } from '../../shared/domain-error';
import { CaseCommand, decideCase } from '../case.decider';
import { CaseEvent, caseEvent } from '../events';
import { CaseState, initialCaseState } from '../state/case.state';
import { requireCase } from '../state/guards';
import { evolveCase } from '../state/evolve';

/** "Now" in every scenario: the last day of the joint operation of March 2024. */
export const NOW = new Date('2024-03-15T12:00:00Z');
export const CASE_ID = '0b6c7c1e-4a8e-4d7e-9b55-1f2f7e0b9a01';
export const SUSPECT = '5a1d0d0e-1111-4e5f-8a9b-000000000001';
export const MIGRANT = '5a1d0d0e-2222-4e5f-8a9b-000000000002';
export const GROUP_ID = '7e3f1a2b-9c8d-4e5f-a6b7-000000000001';

/** An instant on 14 March 2024, e.g. at('09:30'). */
export const at = (time: string, day = 14): Date =>
  new Date(`2024-03-${String(day).padStart(2, '0')}T${time}:00Z`);

export function given(...events: CaseEvent[]) {
  // Stored events carry ids; corrections name them.
  const stored = events.map((e, i) => ({ ...e, eventId: e.eventId ?? `event-${i + 1}` }));
  const state = stored.reduce<CaseState>(evolveCase, initialCaseState);
  return {
    state,
    when: (command: CaseCommand) => ({
      events: () => decideCase(command, state, NOW),
      refusal: () => refusalOf(() => decideCase(command, state, NOW)),
    }),
    /** The case once `entries` are recorded too (as stored, with ids). */
    after: (...entries: CaseEvent[]) =>
      requireCase(
        entries
          .map((e, i) => ({ ...e, eventId: e.eventId ?? `event-${stored.length + i + 1}` }))
          .reduce<CaseState>(evolveCase, state),
        CASE_ID,
      ),
  };
}

export function refusalOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

// Past events, with plausible defaults.

export const opened = (occurredAt = at('08:00'), paragraph = 3) =>
  caseEvent('case.opened', occurredAt, {
    caseId: CASE_ID,
    directorate: 'novo-mesto',
    borderSection: 'Obrežje',
    offence: { article: 308, paragraph },
    summary: 'Van with 12 migrants stopped near Obrežje.',
  });

export const arrested = (
  personId = SUSPECT,
  occurredAt = at('09:00'),
  nationality: string | null = 'RS',
) =>
  caseEvent('person.suspect-arrested', occurredAt, {
    caseId: CASE_ID,
    personId,
    recognised: false,
    nationality,
    slovenianCitizen: nationality === 'SI',
    place: 'Obrežje',
    personalData: null,
  });

export const apprehended = (
  personId = MIGRANT,
  occurredAt = at('09:00'),
  nationality: string | null = 'SY',
) =>
  caseEvent('person.migrant-apprehended', occurredAt, {
    caseId: CASE_ID,
    personId,
    recognised: false,
    nationality,
    minor: false,
    place: 'Obrežje',
    groupId: null,
    personalData: null,
  });

const personFact = (
  type: CaseEvent['type'],
  occurredAt: Date,
  personId: string,
  data: object = {},
) => caseEvent(type, occurredAt, { caseId: CASE_ID, personId, ...data });

export const detained = (occurredAt = at('09:30'), personId = SUSPECT) =>
  personFact('custody.police-detention-started', occurredAt, personId);
export const decisionIssued = (occurredAt = at('10:00'), personId = SUSPECT) =>
  personFact('custody.detention-decision-issued', occurredAt, personId, {
    reference: 'PU-NM-1/24',
  });
export const broughtBeforeJudge = (occurredAt = at('20:00'), personId = SUSPECT) =>
  personFact('custody.brought-before-judge', occurredAt, personId, {
    court: 'Okrožno sodišče v Novem mestu',
  });
export const remanded = (occurredAt = at('22:00'), personId = SUSPECT, months = 1) =>
  personFact('custody.remand-ordered', occurredAt, personId, {
    court: 'Okrožno sodišče v Novem mestu',
    grounds: ['flight-risk'],
    proposal: { prosecutorOffice: 'ODT Novo mesto', reference: 'Kt 1/24' },
    months,
  });
export const remandServed = (occurredAt = at('08:00', 15), personId = SUSPECT) =>
  personFact('custody.remand-order-served', occurredAt, personId);
export const remandExtended = (
  occurredAt: Date,
  months: number,
  by = 'out-of-trial-panel',
  personId = SUSPECT,
) =>
  personFact('custody.remand-extended', occurredAt, personId, { by, months, reference: 'Kr 1/24' });
export const appealLodged = (
  occurredAt = at('11:00'),
  personId = SUSPECT,
  against = 'detention-decision',
) => personFact('custody.appeal-lodged', occurredAt, personId, { against });
export const released = (occurredAt = at('11:00'), personId = SUSPECT) =>
  personFact('custody.released', occurredAt, personId, {
    reason: 'police-detention-ended',
    note: null,
  });
export const handedOver = (occurredAt = at('11:00'), personId = MIGRANT) =>
  personFact('custody.handed-over', occurredAt, personId, {
    country: 'HR',
    authority: 'PU Karlovac',
    legalBasis: 'readmission-agreement',
  });
export const intentExpressed = (occurredAt = at('10:00'), personId = MIGRANT) =>
  personFact('protection.asylum-intent-expressed', occurredAt, personId, {
    expressedTo: 'police',
    authority: null,
    statement: 'handwritten',
  });
export const referred = (occurredAt = at('12:00'), personId = MIGRANT) =>
  personFact('protection.referred-to-asylum-centre', occurredAt, personId, {
    facility: 'asylum-home-ljubljana',
  });
export const leftReception = (occurredAt = at('20:00'), personId = MIGRANT) =>
  personFact('protection.left-reception', occurredAt, personId, {
    facility: 'asylum-home-ljubljana',
  });

export const complaintFiled = (occurredAt = at('12:00'), suspectIds = [SUSPECT]) =>
  caseEvent('case.criminal-complaint-filed', occurredAt, {
    caseId: CASE_ID,
    prosecutorOffice: 'ODT Novo mesto',
    reference: 'KU 1/24',
    suspectIds,
  });
export const referredToProsecution = (occurredAt = at('13:00')) =>
  caseEvent('case.referred-to-prosecution', occurredAt, {
    caseId: CASE_ID,
    prosecutorOffice: 'ODT Novo mesto',
  });
export const indicted = (occurredAt = at('10:00', 15), defendantIds = [SUSPECT]) =>
  caseEvent('case.indictment-filed', occurredAt, {
    caseId: CASE_ID,
    court: 'Okrožno sodišče v Novem mestu',
    reference: 'K 1/24',
    defendantIds,
  });
export const closed = (occurredAt = at('11:00', 15)) =>
  caseEvent('case.closed', occurredAt, {
    caseId: CASE_ID,
    reason: 'prosecution-completed',
    note: null,
  });
