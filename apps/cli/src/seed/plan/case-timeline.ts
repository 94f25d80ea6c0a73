import { iso } from './local-time';
import { Body, PersonAction, PlannedStep, StepRoute } from './plan';

/** Adds a step of the case, keyed `<case key>.<label>`. */
export type AddStep = (
  at: number,
  label: string,
  route: StepRoute,
  body: Body,
  extra?: Pick<PlannedStep, 'answers'>,
) => void;

/** Adds a step on a person of the case, with `occurredAt` set to when it happens. */
export type PersonStep = (at: number, who: string, action: PersonAction, body?: Body) => void;

/**
 * A case's steps, written in the order the plan draws them and sent in the order they happen:
 * steps at the same instant keep the order they were written in.
 */
export interface CaseTimeline {
  readonly add: AddStep;
  readonly personStep: PersonStep;
  /** When the latest step written so far happens. */
  lastAt(): number;
  steps(): PlannedStep[];
}

export function caseTimeline(key: string): CaseTimeline {
  const timed: { at: number; seq: number; step: PlannedStep }[] = [];
  const add: AddStep = (at, label, route, body, extra = {}) => {
    timed.push({
      at,
      seq: timed.length,
      step: { key: `${key}.${label}`, method: 'POST', route, body, ...extra },
    });
  };
  const personStep: PersonStep = (at, who, action, body = {}) => {
    timed.push({
      at,
      seq: timed.length,
      step: {
        key: `${key}.${who.slice(key.length + 1)}.${action}`,
        method: 'POST',
        route: `/cases/:caseId/persons/:personId/${action}`,
        personKey: who,
        body: { occurredAt: iso(at), ...body },
      },
    });
  };
  return {
    add,
    personStep,
    lastAt: () => Math.max(...timed.map((t) => t.at)),
    steps: () => [...timed].sort((a, b) => a.at - b.at || a.seq - b.seq).map((t) => t.step),
  };
}
