import {
  borderDetentionClock,
  missingOnRecord,
  returnedDespiteIntent,
} from './state/procedure.state';
import { requireProcedure } from './state/procedure.state';
import {
  PERSON_ID,
  PROCEDURE_ID,
  apprehended,
  at,
  detained,
  given,
  handedOver,
  intent,
  leftAsylumHome,
  referred,
  released,
} from './testing/procedure-scenario';
import { step } from './testing/procedure-commands';

describe('later facts of a procedure', () => {
  it('records each fact with the procedure and the person it is about', () => {
    for (const command of [
      step.detain(),
      step.intent(),
      step.refer(),
      step.release(),
      step.link(),
    ]) {
      const [event] = given(apprehended()).when(command).events();
      expect(event.data).toMatchObject({ procedureId: PROCEDURE_ID, personId: PERSON_ID });
      expect(event.occurredAt).toEqual(at('10:00'));
    }
    expect(given(apprehended()).when(step.refer()).events()[0]).toMatchObject({
      type: 'procedure.referred',
      data: { destination: 'asylum-home-logatec' },
    });
  });

  it('runs the 48-hour border-detention clock until the procedure ends', () => {
    const open = requireProcedure(given(apprehended(), detained(at('09:00'))).state, PROCEDURE_ID);
    expect(borderDetentionClock(open)).toEqual({
      startedAt: at('09:00'),
      expiresAt: at('09:00', 16),
      endedAt: null,
    });
    const ended = requireProcedure(
      given(apprehended(), detained(at('09:00')), referred(at('20:00'))).state,
      PROCEDURE_ID,
    );
    expect(borderDetentionClock(ended)?.endedAt).toEqual(at('20:00'));
  });

  it('takes a referral to the asylum home entered before its intent, and lists the intent as missing', () => {
    const scenario = given(apprehended(), referred(at('11:00')));
    expect(missingOnRecord(requireProcedure(scenario.state, PROCEDURE_ID))).toEqual([
      'asylum-intent',
    ]);
    const [late] = scenario.when(step.intent()).events();
    const after = given(apprehended(), referred(at('11:00')), late);
    expect(missingOnRecord(requireProcedure(after.state, PROCEDURE_ID))).toEqual([]);
  });

  it('records an intent entered late that shows an earlier handover unlawful', () => {
    const scenario = given(apprehended(), handedOver(at('12:00')));
    const events = scenario.when(step.intent({ occurredAt: at('11:00') })).events();
    const after = given(apprehended(), handedOver(at('12:00')), ...events);
    expect(returnedDespiteIntent(requireProcedure(after.state, PROCEDURE_ID))).toBe(true);
  });

  it('takes the nationality established last, whatever the order of entry', () => {
    const first = given(apprehended(at('08:00'), { nationality: null }))
      .when(step.nationality({ occurredAt: at('11:00'), nationality: 'MA' }))
      .events();
    const second = given(apprehended(at('08:00'), { nationality: null }))
      .when(step.nationality({ occurredAt: at('10:00'), nationality: 'AF' }))
      .events();
    const state = given(apprehended(at('08:00'), { nationality: null }), ...first, ...second).state;
    expect(requireProcedure(state, PROCEDURE_ID).nationality).toBe('MA');
  });

  it.each([
    ['anything on an unknown procedure', [], step.intent(), 'PROCEDURE.NOT_FOUND'],
    [
      'a time before the apprehension',
      [apprehended()],
      step.intent({ occurredAt: at('07:00') }),
      'PROCEDURE.BEFORE_APPREHENSION',
    ],
    [
      'a second border detention',
      [apprehended(), detained(at('09:00'))],
      step.detain(),
      'PROCEDURE.ALREADY_IN_BORDER_DETENTION',
    ],
    [
      'a border detention after the release',
      [apprehended(), released(at('09:00'))],
      step.detain(),
      'PROCEDURE.CONCLUDED',
    ],
    [
      'a second intent in one procedure',
      [apprehended(), intent(at('09:00'))],
      step.intent(),
      'PROCEDURE.INTENT_ALREADY_RECORDED',
    ],
    [
      'an intent after the handover',
      [apprehended(), handedOver(at('09:00'))],
      step.intent(),
      'PROCEDURE.CONCLUDED',
    ],
    [
      'an unknown statement',
      [apprehended()],
      step.intent({ statement: 'oral' }),
      'ASYLUM.INVALID_STATEMENT',
    ],
    [
      'a handover while an intent stands',
      [apprehended(), intent(at('09:00'))],
      step.handOver(),
      'ASYLUM.CANNOT_RETURN',
    ],
    [
      'a handover to a country that is not a neighbour',
      [apprehended()],
      step.handOver({ country: 'DE' }),
      'PROCEDURE.INVALID_COUNTRY',
    ],
    [
      'a handover without an authority',
      [apprehended()],
      step.handOver({ authority: ' ' }),
      'CUSTODY.INVALID_AUTHORITY',
    ],
    [
      'a second outcome',
      [apprehended(), referred(at('09:00'))],
      step.release(),
      'PROCEDURE.CONCLUDED',
    ],
    [
      'an unknown destination',
      [apprehended()],
      step.refer({ destination: 'hotel' }),
      'PROCEDURE.INVALID_DESTINATION',
    ],
    [
      'a release without a reason',
      [apprehended()],
      step.release({ reason: '' }),
      'PROCEDURE.INVALID_REASON',
    ],
    [
      'leaving a home the person was not referred to',
      [apprehended(), referred(at('09:00'), 'aliens-centre')],
      step.leave(),
      'ASYLUM.NOT_REFERRED',
    ],
    [
      'leaving before the referral',
      [apprehended(), referred(at('11:00'))],
      step.leave(),
      'ASYLUM.NOT_REFERRED',
    ],
    [
      'leaving twice',
      [apprehended(), referred(at('09:00')), leftAsylumHome(at('09:30'))],
      step.leave(),
      'PROCEDURE.ALREADY_LEFT',
    ],
    [
      'a link to a case the person is not in',
      [apprehended()],
      step.link({ roleInCase: 'absent' }),
      'PERSON.NOT_IN_CASE',
    ],
    [
      'a link to a case where the person is a suspect',
      [apprehended()],
      step.link({ roleInCase: 'suspect' }),
      'PERSON.ROLE_CONFLICT',
    ],
    [
      'a second link',
      [apprehended(at('08:00'), { caseId: '0b6c7c1e-4a8e-4d7e-9b55-1f2f7e0b9a02' })],
      step.link(),
      'PROCEDURE.ALREADY_LINKED',
    ],
    [
      'Slovenian nationality',
      [apprehended()],
      step.nationality({ nationality: 'SI' }),
      'PERSON.SLOVENIAN_NOT_MIGRANT',
    ],
    [
      'a nationality that is not a code',
      [apprehended()],
      step.nationality({ nationality: 'Syria' }),
      'PERSON.INVALID_NATIONALITY',
    ],
  ] as const)('refuses %s', (_label, history, command, code) => {
    expect(
      given(...history)
        .when(command)
        .refusal().code,
    ).toBe(code);
  });
});
