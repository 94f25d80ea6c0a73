import { CaseCommand } from '../case.decider';
import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  closed,
  complaintFiled,
  given,
  handedOver,
  intentExpressed,
  opened,
  referred,
  referredToProsecution,
  released,
} from '../testing/case-scenario';
import { evolveCase } from './evolve';

// Every decision passes through these rules, whatever it checks itself.
describe('time order of a case', () => {
  it.each<[string, Parameters<typeof given>, CaseCommand, string]>([
    [
      'a closure timed before a recorded release',
      [opened(), arrested(SUSPECT, at('09:00')), released(at('11:00'))],
      { type: 'CloseCase', caseId: CASE_ID, occurredAt: at('10:00'), reason: 'other' },
      'TIME.BEFORE_LAST_RECORDED_ACT',
    ],
    [
      'a referral timed before the complaint',
      [opened(), arrested(), complaintFiled(at('12:00'))],
      {
        type: 'ReferToProsecution',
        caseId: CASE_ID,
        occurredAt: at('11:00'),
        prosecutorOffice: 'ODT',
      },
      'TIME.BEFORE_COMPLAINT',
    ],
    [
      'an indictment timed before the referral',
      [opened(), arrested(), complaintFiled(at('12:00')), referredToProsecution(at('13:00'))],
      {
        type: 'RecordIndictment',
        caseId: CASE_ID,
        occurredAt: at('12:30'),
        court: 'Okrožno sodišče',
        reference: 'K 9/24',
        defendantIds: [SUSPECT],
      },
      'TIME.BEFORE_REFERRAL',
    ],
    [
      'a complaint timed before the arrest of a suspect it names',
      [opened(), arrested(SUSPECT, at('09:00'))],
      {
        type: 'FileCriminalComplaint',
        caseId: CASE_ID,
        occurredAt: at('08:30'),
        prosecutorOffice: 'ODT',
        reference: 'KU 9/24',
        suspectIds: [SUSPECT],
      },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'a repeat apprehension timed before a handover',
      [opened(), apprehended(MIGRANT, at('09:00')), handedOver(at('11:00'))],
      {
        type: 'ApprehendMigrant',
        caseId: CASE_ID,
        personId: MIGRANT,
        recognised: true,
        occurredAt: at('10:00'),
        nationality: 'SY',
        minor: false,
        place: 'Metlika',
        personalData: null,
      },
      'TIME.BEFORE_PREVIOUS_CUSTODY_ACT',
    ],
  ])('refuses %s', (_label, history, command, code) => {
    expect(
      given(...history)
        .when(command)
        .refusal().code,
    ).toBe(code);
  });

  it('refuses a correction that moves a release after the closure', () => {
    const history = given(
      opened(),
      arrested(SUSPECT, at('09:00')),
      released(at('11:00')),
      closed(at('12:00', 14)),
    );
    const refusal = history
      .when({
        type: 'RecordCorrection',
        caseId: CASE_ID,
        correctedEventId: 'event-3',
        reason: 'Released later than recorded.',
        correctedOccurredAt: at('13:00'),
        changes: {},
      })
      .refusal();
    expect(refusal.code).toBe('CORRECTION.BREAKS_CHRONOLOGY');
    expect(refusal.details).toMatchObject({
      rule: 'TIME.BEFORE_LAST_RECORDED_ACT',
      eventType: 'case.closed',
    });
  });
});

describe('facts that repeat', () => {
  it('keeps a referred person referred when the intent is expressed again, and counts it', () => {
    const { state } = given(
      opened(),
      apprehended(),
      intentExpressed(at('10:00')),
      referred(at('12:00')),
      intentExpressed(at('13:00')),
    );
    expect(state.status !== 'none' && state.persons[MIGRANT]).toMatchObject({
      protection: 'referred',
      asylumIntents: 2,
    });
  });

  it('keeps a known nationality when a re-arrest does not give one', () => {
    const { state } = given(opened(), arrested(SUSPECT, at('09:00'), 'RS'), released(at('10:00')));
    const rearrested = evolveCase(state, arrested(SUSPECT, at('11:00'), null));
    expect(rearrested.status !== 'none' && rearrested.persons[SUSPECT].nationality).toBe('RS');
  });
});
