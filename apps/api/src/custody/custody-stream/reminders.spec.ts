import { DeskClock, deskStanding } from '@app/domain';
import { SafeguardCell } from '@app/read-models';
import { DeskEntry } from '../custody-desk/custody-desk';
import { nextReminderAt, remindersDue } from './reminders';

const HOUR = 3600_000;
const CONFIG = {
  reminderBeforeMinutes: 60,
  safeguardReminderAfterMinutes: 120,
  staleAfterHours: 72,
};
const arrestedAt = new Date('2024-03-14T20:00:00Z');
const at = (hours: number) => new Date(arrestedAt.getTime() + hours * HOUR);

/** A suspect arrested at `arrestedAt`, as the desk holds them at `now`. */
function entry(
  now: Date,
  safeguards: SafeguardCell[] = [],
  decisionAt: Date | null = null,
): DeskEntry {
  const clocks: DeskClock[] = [
    {
      kind: 'written-detention-decision',
      startedAt: arrestedAt,
      deadline: at(6),
      metAt: decisionAt,
    },
    { kind: 'police-custody', startedAt: arrestedAt, deadline: at(48), metAt: null },
  ];
  return {
    key: 'c:p',
    detention: 'criminal-custody',
    caseId: 'c',
    procedureId: null,
    personId: 'p',
    directorate: 'novo-mesto',
    role: 'suspect',
    nationality: 'RS',
    minor: false,
    phase: 'arrested',
    heldSince: arrestedAt,
    caseReference: 'NM-2024-0000000C',
    caseSummary: 'Van.',
    detentionPlace: null,
    court: null,
    responsibleOfficer: null,
    remand: null,
    safeguards,
    standing: deskStanding(clocks, now, CONFIG.staleAfterHours),
  };
}

const rights = (status: SafeguardCell['status']): SafeguardCell => ({
  safeguard: 'rights-information',
  status,
  dueSince: arrestedAt.toISOString(),
  providedAt: status === 'provided' ? at(0.5).toISOString() : null,
  providedBy: status === 'provided' ? 'PI 2207' : null,
  detail: null,
  delayed: null,
});

describe('the reminders the desk sends', () => {
  it('sends none before a clock enters its last hour or a safeguard passes its limit', () => {
    const now = at(1.5);
    expect(remindersDue([entry(now, [rights('open')])], now, CONFIG)).toEqual([]);
    expect(nextReminderAt([entry(now, [rights('open')])], now, CONFIG)).toEqual(at(2));
  });

  it('reminds of an open safeguard past its limit, never of one given', () => {
    const now = at(2);
    expect(remindersDue([entry(now, [rights('open')])], now, CONFIG).map((r) => r.key)).toEqual([
      `safeguard:c:p:rights-information:${arrestedAt.toISOString()}`,
    ]);
    expect(remindersDue([entry(now, [rights('provided')])], now, CONFIG)).toEqual([]);
  });

  it('reminds of each unmet clock in its last hour, under a key naming its deadline', () => {
    const now = at(47.25);
    const due = remindersDue([entry(now, [], at(3))], now, CONFIG);
    expect(due.map((r) => [r.key, r.kind, r.dueAt])).toEqual([
      [`clock:c:p:police-custody:${at(48).toISOString()}`, 'clock-last-hour', at(47)],
    ]);
    expect(due[0].text).toMatch(
      /^last hour: release or bring before the investigating judge by \d\d:\d\d \(NM-2024-0000000C\)$/,
    );
  });

  it('gives the same reminders whenever it is asked again later: keys, not moments', () => {
    const first = remindersDue([entry(at(47.25))], at(47.25), CONFIG).map((r) => r.key);
    const later = remindersDue([entry(at(47.9))], at(47.9), CONFIG).map((r) => r.key);
    expect(later).toEqual(first);
    expect(first).toHaveLength(2);
  });

  it('catches up what fell due while nothing ran, but not for a stale record', () => {
    const afterOutage = at(50);
    expect(remindersDue([entry(afterOutage)], afterOutage, CONFIG).map((r) => r.about)).toEqual([
      'written-detention-decision',
      'police-custody',
    ]);
    const stale = at(48 + 72);
    expect(remindersDue([entry(stale, [rights('open')])], stale, CONFIG)).toEqual([]);
  });
});
