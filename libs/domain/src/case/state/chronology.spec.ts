import { CaseCommand } from '../case.decider';
import { CriminalComplaintFiled, IndictmentFiled, caseEvent } from '../events';
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
  indicted,
  intentExpressed,
  leftReception,
  opened,
  referred,
  referredToProsecution,
  released,
  remandExtended,
  remanded,
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
      // The intent and the referral, dated before the handover, were recorded after it.
      'leaving reception dated after a handover',
      [
        opened(),
        apprehended(MIGRANT, at('09:00')),
        handedOver(at('11:00')),
        intentExpressed(at('10:00')),
        referred(at('10:30')),
      ],
      {
        type: 'RecordLeftReception',
        caseId: CASE_ID,
        personId: MIGRANT,
        occurredAt: at('12:00'),
        facility: 'asylum-home-ljubljana',
      },
      'PERSON.HANDED_OVER',
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

describe('a correction cannot make a history no decision would accept', () => {
  const correction = (correctedEventId: string, correctedOccurredAt: Date): CaseCommand => ({
    type: 'RecordCorrection',
    caseId: CASE_ID,
    correctedEventId,
    reason: 'Timed wrongly in the report.',
    correctedOccurredAt,
    changes: {},
  });
  const day = (iso: string) => new Date(`${iso}Z`);

  it.each<[string, Parameters<typeof given>, CaseCommand, object]>([
    [
      'leaving reception moved after the handover it made possible',
      [
        opened(),
        apprehended(MIGRANT, at('09:00')),
        intentExpressed(at('10:00')),
        referred(at('12:00')),
        leftReception(at('20:00')),
        handedOver(at('21:00')),
      ],
      correction('event-5', at('22:00')),
      { rule: 'ASYLUM.CANNOT_RETURN', eventId: 'event-6', eventType: 'custody.handed-over' },
    ],
    [
      'an intent recorded late moved after the handover',
      [
        opened(),
        apprehended(MIGRANT, at('09:00')),
        handedOver(at('11:00')),
        intentExpressed(at('10:00')),
      ],
      correction('event-4', at('11:30')),
      {
        rule: 'PERSON.HANDED_OVER',
        eventId: 'event-4',
        eventType: 'protection.asylum-intent-expressed',
      },
    ],
    [
      // Arrested at 10:00 on 31 January (Ljubljana): the month of remand ends at 10:00 on 29 February.
      'an extension moved after the remand expired',
      [
        opened(day('2024-01-31T08:00:00')),
        arrested(SUSPECT, day('2024-01-31T09:00:00')),
        remanded(day('2024-01-31T22:00:00')),
        remandExtended(day('2024-02-20T10:00:00'), 2),
      ],
      correction('event-4', day('2024-03-01T09:00:00')),
      { rule: 'CUSTODY.REMAND_EXPIRED', eventId: 'event-4', eventType: 'custody.remand-extended' },
    ],
    [
      'an indictment moved after the extension that needed it',
      [
        opened(),
        arrested(),
        remanded(at('22:00')),
        remandExtended(at('09:00', 15), 2),
        complaintFiled(at('12:00')),
        referredToProsecution(at('13:00')),
        indicted(at('10:00', 15)),
        remandExtended(at('11:00', 15), 2),
      ],
      correction('event-7', at('11:30', 15)),
      {
        rule: 'CUSTODY.EXTENSION_BEYOND_CEILING',
        eventId: 'event-8',
        eventType: 'custody.remand-extended',
      },
    ],
    [
      'an indictment moved after the new remand that needed it',
      [
        opened(),
        arrested(),
        remanded(at('22:00')),
        remandExtended(at('07:00', 15), 2),
        released(at('08:00', 15)),
        arrested(SUSPECT, at('09:00', 15)),
        complaintFiled(at('12:00')),
        referredToProsecution(at('13:00')),
        indicted(at('09:30', 15)),
        remanded(at('10:00', 15)),
      ],
      correction('event-9', at('10:30', 15)),
      {
        rule: 'CUSTODY.REMAND_CEILING_REACHED',
        eventId: 'event-10',
        eventType: 'custody.remand-ordered',
      },
    ],
  ])('refuses %s', (_label, history, command, details) => {
    const refusal = given(...history)
      .when(command)
      .refusal();
    expect(refusal.code).toBe('CORRECTION.BREAKS_CHRONOLOGY');
    expect(refusal.details).toEqual(details);
  });
});

describe('facts recorded late', () => {
  const fileOf = (...history: Parameters<typeof given>) => {
    const { state } = given(...history);
    if (state.status === 'none') throw new Error('the history opens no case');
    return state;
  };
  const secondComplaint = (occurredAt: Date) =>
    caseEvent<CriminalComplaintFiled>('case.criminal-complaint-filed', occurredAt, {
      caseId: CASE_ID,
      prosecutorOffice: 'ODT Novo mesto',
      reference: 'KU 2/24',
      suspectIds: [SUSPECT],
    });

  it('dates the complaints from the earliest, whatever the order of recording', () => {
    const history = [
      opened(),
      arrested(SUSPECT, at('09:00')),
      complaintFiled(at('12:00')),
      secondComplaint(at('10:00')),
    ];
    expect(fileOf(...history).complaintFiledAt).toEqual(at('10:00'));
    const [event] = given(...history)
      .when({
        type: 'ReferToProsecution',
        caseId: CASE_ID,
        occurredAt: at('11:00'),
        prosecutorOffice: 'ODT',
      })
      .events();
    expect(event.type).toBe('case.referred-to-prosecution');
  });

  it('dates the indictment of a person from the earliest naming them', () => {
    const file = fileOf(
      opened(),
      arrested(),
      complaintFiled(),
      referredToProsecution(),
      indicted(at('10:00', 15)),
      caseEvent<IndictmentFiled>('case.indictment-filed', at('09:00', 15), {
        caseId: CASE_ID,
        court: 'Okrožno sodišče v Novem mestu',
        reference: 'K 2/24',
        defendantIds: [SUSPECT],
      }),
    );
    expect(file.persons[SUSPECT].indictedAt).toEqual(at('09:00', 15));
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
