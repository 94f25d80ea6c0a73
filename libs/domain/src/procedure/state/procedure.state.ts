import { DomainError } from '../../shared/domain-error';
import { addHours } from '../../shared/time';
import { ForeignerApprehended, ProcedureEvent, ReferralDestination } from '../events';

/** Detention under the State Border Control Act (ZNDM-2) lasts at most 48 hours. */
export const BORDER_DETENTION_MAX_HOURS = 48;

export interface Procedure extends Omit<
  ForeignerApprehended['data'],
  'personalData' | 'recognised'
> {
  readonly apprehendedAt: Date;
  /** When the nationality was established: the one established last counts. */
  readonly nationalityAt: Date;
  readonly borderDetentionAt: Date | null;
  readonly intentAt: Date | null;
  readonly referral: { readonly destination: ReferralDestination; readonly at: Date } | null;
  readonly handedOverAt: Date | null;
  readonly releasedAt: Date | null;
  readonly leftAsylumHome: { readonly facility: string; readonly at: Date } | null;
}

export type ProcedureState =
  { readonly status: 'none' } | ({ readonly status: 'open' } & Procedure);

export const initialProcedureState: ProcedureState = { status: 'none' };

/**
 * The procedure is the chronology of its facts, whatever order they were entered in: each step
 * happens once and keeps its own time, and the nationality is the one established last, so
 * the facts after the apprehension may be folded in any order.
 */
export function foldProcedure(events: readonly ProcedureEvent[]): ProcedureState {
  const rank = (e: ProcedureEvent) => (e.type === 'procedure.foreigner-apprehended' ? 0 : 1);
  return [...events]
    .sort((a, b) => rank(a) - rank(b) || a.occurredAt.getTime() - b.occurredAt.getTime())
    .reduce(evolveProcedure, initialProcedureState);
}

export function evolveProcedure(state: ProcedureState, event: ProcedureEvent): ProcedureState {
  if (event.type === 'procedure.foreigner-apprehended') {
    const { personalData: _sealed, recognised: _recognised, ...data } = event.data;
    return {
      status: 'open',
      ...data,
      apprehendedAt: event.occurredAt,
      nationalityAt: event.occurredAt,
      borderDetentionAt: null,
      intentAt: null,
      referral: null,
      handedOverAt: null,
      releasedAt: null,
      leftAsylumHome: null,
    };
  }
  if (state.status === 'none') return state;
  const at = event.occurredAt;
  switch (event.type) {
    case 'procedure.border-detention-started':
      return { ...state, borderDetentionAt: at };
    case 'procedure.asylum-intent-expressed':
      return { ...state, intentAt: at };
    case 'procedure.referred':
      return { ...state, referral: { destination: event.data.destination, at } };
    case 'procedure.handed-over':
      return { ...state, handedOverAt: at };
    case 'procedure.released':
      return { ...state, releasedAt: at };
    case 'procedure.left-asylum-home':
      return { ...state, leftAsylumHome: { facility: event.data.facility, at } };
    case 'procedure.linked-to-case':
      return { ...state, caseId: event.data.caseId };
    case 'procedure.nationality-established':
      // The one established last, whichever was entered last.
      return at >= state.nationalityAt
        ? { ...state, nationality: event.data.nationality, nationalityAt: at }
        : state;
  }
}

export function requireProcedure(state: ProcedureState, procedureId: string): Procedure {
  if (state.status === 'none') {
    throw new DomainError('PROCEDURE.NOT_FOUND', 'No such procedure.', { procedureId });
  }
  return state;
}

/** When the person left the police's hands: referred, handed over or released, the earliest. */
export function concludedAt(p: Procedure): Date | null {
  const ends = [p.referral?.at, p.handedOverAt, p.releasedAt].filter((d): d is Date => !!d);
  return ends.length === 0 ? null : new Date(Math.min(...ends.map((d) => d.getTime())));
}

/** The border-detention clock: 48 hours from its start, stopped when the procedure concludes. */
export function borderDetentionClock(
  p: Procedure,
): { startedAt: Date; expiresAt: Date; endedAt: Date | null } | null {
  if (!p.borderDetentionAt) return null;
  return {
    startedAt: p.borderDetentionAt,
    expiresAt: addHours(p.borderDetentionAt, BORDER_DETENTION_MAX_HOURS),
    endedAt: concludedAt(p),
  };
}

/**
 * Steps whose predecessor is not on record yet (entered late, or never): a referral to the
 * asylum home with no intent before it, a departure from the asylum home with no referral.
 */
export function missingOnRecord(p: Procedure): ('asylum-intent' | 'referral')[] {
  const missing: ('asylum-intent' | 'referral')[] = [];
  const { referral } = p;
  if (
    referral &&
    referral.destination !== 'aliens-centre' &&
    !(p.intentAt && p.intentAt <= referral.at)
  ) {
    missing.push('asylum-intent');
  }
  if (p.leftAsylumHome && !referral) missing.push('referral');
  return missing;
}

/**
 * What makes a procedure's chronology impossible, whatever order its facts were entered in:
 * a step before the apprehension, a border detention that starts after the procedure ended,
 * an intent after the person was handed over or released, a departure from an asylum home
 * the person was not referred to by then, or after a handover or a release. Every decision is
 * judged by the procedure it would make (`decideProcedure`), so a fact entered late is refused
 * or taken by the same rule as one entered in order.
 */
export function chronologyBreak(p: Procedure): DomainError | null {
  const steps = [
    p.borderDetentionAt,
    p.intentAt,
    p.referral?.at,
    p.handedOverAt,
    p.releasedAt,
    p.leftAsylumHome?.at,
  ];
  if (steps.some((at) => at && at < p.apprehendedAt)) {
    return new DomainError(
      'PROCEDURE.BEFORE_APPREHENSION',
      'A step is dated before the person was apprehended.',
      {
        apprehendedAt: p.apprehendedAt.toISOString(),
      },
    );
  }
  const ended = concludedAt(p);
  const gone = [p.handedOverAt, p.releasedAt].filter((d): d is Date => !!d)[0];
  const concluded = (at: Date) =>
    new DomainError(
      'PROCEDURE.CONCLUDED',
      'The person was referred, handed over or released by then.',
      {
        concludedAt: at.toISOString(),
      },
    );
  if (ended && p.borderDetentionAt && p.borderDetentionAt >= ended) return concluded(ended);
  if (gone && p.intentAt && p.intentAt >= gone) return concluded(gone);
  const left = p.leftAsylumHome;
  if (left && gone) return concluded(gone);
  if (left && p.referral && (p.referral.destination !== left.facility || p.referral.at > left.at)) {
    return new DomainError(
      'ASYLUM.NOT_REFERRED',
      'The person was not referred to that asylum home by then.',
      {
        referredTo: p.referral.destination,
        referredAt: p.referral.at.toISOString(),
      },
    );
  }
  return null;
}

/**
 * A handover although an intent to seek protection was expressed before it: entered late, the
 * intent is a fact, and the return is recorded as unlawful rather than the intent refused.
 */
export function returnedDespiteIntent(p: Procedure): boolean {
  return !!p.handedOverAt && !!p.intentAt && p.intentAt <= p.handedOverAt;
}
