import { CaseEvent } from './case.events';
import { CaseState } from './case.state';
import { OpenCase } from './open-case/open-case.command';
import { openCase } from './open-case/open-case.decision';

export type CaseCommand = OpenCase;

/** The single entry point for every decision on a case stream. */
export function decideCase(command: CaseCommand, state: CaseState, now: Date): CaseEvent[] {
  switch (command.type) {
    case 'OpenCase':
      return openCase(command, state, now);
  }
}
