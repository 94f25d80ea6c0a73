import { ProcedureEvent } from './events';
import { EstablishNationalityInProcedure } from './establish-nationality/establish-nationality.command';
import { establishNationality } from './establish-nationality/establish-nationality.decision';
import { ExpressIntentInProcedure } from './express-intent/express-intent.command';
import { expressIntent } from './express-intent/express-intent.decision';
import { HandOverFromProcedure } from './hand-over/hand-over.command';
import { handOver } from './hand-over/hand-over.decision';
import { LinkProcedureToCase } from './link-to-case/link-to-case.command';
import { linkToCase } from './link-to-case/link-to-case.decision';
import { RecordLeftAsylumHome } from './record-left-asylum-home/record-left-asylum-home.command';
import { recordLeftAsylumHome } from './record-left-asylum-home/record-left-asylum-home.decision';
import { ReferFromProcedure } from './refer/refer.command';
import { refer } from './refer/refer.decision';
import { ReleaseFromProcedure } from './release/release.command';
import { release } from './release/release.decision';
import { StartBorderDetention } from './start-border-detention/start-border-detention.command';
import { startBorderDetention } from './start-border-detention/start-border-detention.decision';
import { ProcedureState, chronologyBreak, evolveProcedure } from './state/procedure.state';

/** A later fact about one procedure; the apprehension opens many at once (apprehendForeigners). */
export type ProcedureCommand =
  | StartBorderDetention
  | ExpressIntentInProcedure
  | ReferFromProcedure
  | HandOverFromProcedure
  | ReleaseFromProcedure
  | RecordLeftAsylumHome
  | LinkProcedureToCase
  | EstablishNationalityInProcedure;

/**
 * The single entry point for the decisions on one procedure's stream. A decision checks what
 * the command says; the procedure its events would make is then judged by the one set of
 * chronology rules, whatever order the facts were entered in.
 */
export function decideProcedure(
  command: ProcedureCommand,
  state: ProcedureState,
  now: Date,
): ProcedureEvent[] {
  const events = decide(command, state, now);
  const after = events.reduce(evolveProcedure, state);
  const broken = after.status === 'open' ? chronologyBreak(after) : null;
  if (broken) throw broken;
  return events;
}

function decide(command: ProcedureCommand, state: ProcedureState, now: Date): ProcedureEvent[] {
  switch (command.type) {
    case 'StartBorderDetention':
      return startBorderDetention(command, state, now);
    case 'ExpressIntentInProcedure':
      return expressIntent(command, state, now);
    case 'ReferFromProcedure':
      return refer(command, state, now);
    case 'HandOverFromProcedure':
      return handOver(command, state, now);
    case 'ReleaseFromProcedure':
      return release(command, state, now);
    case 'RecordLeftAsylumHome':
      return recordLeftAsylumHome(command, state, now);
    case 'LinkProcedureToCase':
      return linkToCase(command, state, now);
    case 'EstablishNationalityInProcedure':
      return establishNationality(command, state, now);
  }
}
