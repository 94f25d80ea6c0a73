import { ClockOnDesk } from '@app/domain';
import { InstantDto } from '../../http/instant.dto';
import { DeskEntry } from '../custody-desk/custody-desk';
import { NamesScope, PersonName, PersonNames } from '../custody-desk/person-names';
import { DeskClockDto, HeldPersonDto, SafeguardDto } from './custody-board.response.dto';

const MINUTE_MS = 60_000;

const instantOrNull = (at: Date | string | null) => (at ? InstantDto.of(new Date(at)) : null);

function clockDto(clock: ClockOnDesk): DeskClockDto {
  return {
    kind: clock.kind,
    startedAt: InstantDto.of(clock.startedAt),
    deadline: InstantDto.of(clock.deadline),
    metAt: instantOrNull(clock.metAt),
    state: clock.state,
    overdue: clock.state === 'overdue',
    minutesLeft: clock.minutesLeft,
    action: clock.action,
  };
}

/** What must happen first: the most recent breach, else the nearest deadline. */
function firstAction(entry: DeskEntry): ClockOnDesk | undefined {
  const { clocks, overdueSince, nextDeadline } = entry.standing;
  const at = overdueSince ?? nextDeadline;
  return clocks.find((c) => c.state !== 'met' && c.deadline.getTime() === at?.getTime());
}

/** A desk entry as the board, the stale list and the stream show it. */
export function heldPersonDto(
  entry: DeskEntry,
  now: Date,
  names: ReadonlyMap<string, PersonName> | null,
): HeldPersonDto {
  const { standing } = entry;
  const safeguards = entry.safeguards.map((s): SafeguardDto => ({
    safeguard: s.safeguard,
    status: s.status,
    dueSince: InstantDto.of(new Date(s.dueSince)),
    openMinutes:
      s.status === 'open' ? Math.floor((now.getTime() - Date.parse(s.dueSince)) / MINUTE_MS) : null,
    providedAt: instantOrNull(s.providedAt),
    providedBy: s.providedBy,
    detail: s.detail,
    delayed: s.delayed ? { ...s.delayed, at: InstantDto.of(new Date(s.delayed.at)) } : null,
  }));
  return {
    detention: entry.detention,
    caseId: entry.caseId,
    procedureId: entry.procedureId,
    personId: entry.personId,
    name: names ? (names.get(entry.personId) ?? { givenName: null, familyName: null }) : null,
    directorate: entry.directorate,
    caseReference: entry.caseReference,
    caseSummary: entry.caseSummary,
    role: entry.role,
    nationality: entry.nationality,
    minor: entry.minor,
    phase: entry.phase,
    heldSince: InstantDto.of(entry.heldSince),
    detentionPlace: entry.detentionPlace,
    court: entry.court,
    responsibleOfficer: entry.responsibleOfficer,
    remand: entry.remand
      ? { monthsUsed: entry.remand.monthsUsed, ceilingMonths: entry.remand.ceilingMonths }
      : null,
    overdue: standing.overdueSince !== null,
    overdueSince: instantOrNull(standing.overdueSince),
    nextDeadline: instantOrNull(standing.nextDeadline),
    noGroundSince: instantOrNull(standing.noGroundSince),
    nextAction: firstAction(entry)?.action ?? { code: 'none', text: 'nothing due' },
    clocks: standing.clocks.map(clockDto),
    safeguards,
    openSafeguards: safeguards.filter((s) => s.status === 'open').length,
  };
}

/** Desk entries as shown, with the names (when asked for and allowed) looked up once for all. */
export async function heldPeopleShown(
  entries: readonly DeskEntry[],
  now: Date,
  names: NamesScope | null,
  personNames: PersonNames,
): Promise<HeldPersonDto[]> {
  const known = names
    ? await personNames.of(
        entries.map((e) => e.personId),
        names,
      )
    : null;
  return entries.map((entry) => heldPersonDto(entry, now, known));
}
