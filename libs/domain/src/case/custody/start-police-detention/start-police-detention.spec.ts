import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  broughtBeforeJudge,
  closed,
  detained,
  given,
  handedOver,
  opened,
  released,
  remanded,
} from '../../testing/case-scenario';
import { startPoliceDetention } from '../../testing/case-commands';

describe('start police detention', () => {
  it('records that the arrested suspect is detained by the police', () => {
    expect(given(opened(), arrested()).when(startPoliceDetention()).events()).toEqual([
      {
        type: 'custody.police-detention-started',
        schemaVersion: 1,
        occurredAt: at('09:30'),
        data: { caseId: CASE_ID, personId: SUSPECT },
      },
    ]);
  });

  it('accepts detention at the very instant of the arrest', () => {
    const events = given(opened(), arrested())
      .when(startPoliceDetention({ occurredAt: at('09:00') }))
      .events();
    expect(events.map((e) => e.occurredAt)).toEqual([at('09:00')]);
  });

  it('accepts a suspect arrested again after a release', () => {
    const history = [opened(), arrested(), released(at('10:00')), arrested(SUSPECT, at('11:00'))];
    expect(
      given(...history)
        .when(startPoliceDetention({ occurredAt: at('11:30') }))
        .events(),
    ).toHaveLength(1);
  });

  it('names the phase the suspect is in when the step does not follow from it', () => {
    const refusal = given(opened(), arrested(), detained()).when(startPoliceDetention()).refusal();
    expect(refusal.code).toBe('CUSTODY.INVALID_STEP');
    expect(refusal.details).toEqual({ personId: SUSPECT, phase: 'police-detention' });
  });

  it.each([
    ['a case that does not exist', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [opened(), arrested(), closed()], {}, 'CASE.CLOSED'],
    [
      'a person not in the case',
      [opened(), arrested()],
      { personId: MIGRANT },
      'PERSON.NOT_IN_CASE',
    ],
    [
      'an apprehended migrant',
      [opened(), apprehended()],
      { personId: MIGRANT },
      'PERSON.NOT_A_SUSPECT',
    ],
    ['a released suspect', [opened(), arrested(), released(at('09:10'))], {}, 'CUSTODY.NOT_HELD'],
    [
      'a suspect handed over abroad',
      [opened(), arrested(), released(at('09:10')), handedOver(at('09:20'), SUSPECT)],
      {},
      'CUSTODY.NOT_HELD',
    ],
    [
      'a suspect already in police detention',
      [opened(), arrested(), detained()],
      {},
      'CUSTODY.INVALID_STEP',
    ],
    [
      'a suspect already before the judge',
      [opened(), arrested(), broughtBeforeJudge(at('09:20'))],
      { occurredAt: at('09:30') },
      'CUSTODY.INVALID_STEP',
    ],
    [
      'a suspect on remand',
      [opened(), arrested(), remanded(at('09:20'))],
      { occurredAt: at('09:30') },
      'CUSTODY.INVALID_STEP',
    ],
    [
      'a time before the arrest',
      [opened(), arrested()],
      { occurredAt: at('08:30') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'a time before the re-arrest',
      [opened(), arrested(), released(at('10:00')), arrested(SUSPECT, at('11:00'))],
      { occurredAt: at('10:30') },
      'CUSTODY.NOT_HELD',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(startPoliceDetention(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
