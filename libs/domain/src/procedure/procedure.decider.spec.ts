import { ProcedureCommand } from './procedure.decider';
import {
  borderDetentionClock,
  missingOnRecord,
  returnedDespiteIntent,
} from './state/procedure.state';
import { requireProcedure } from './state/procedure.state';
import {
  NOW,
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

const base = { procedureId: PROCEDURE_ID, occurredAt: at('10:00') };
const cmd = {
  detain: (o = {}): ProcedureCommand => ({ type: 'StartBorderDetention', ...base, ...o }),
  intent: (o = {}): ProcedureCommand => ({
    type: 'ExpressIntentInProcedure',
    ...base,
    statement: 'dictated',
    ...o,
  }),
  refer: (o = {}): ProcedureCommand => ({
    type: 'ReferFromProcedure',
    ...base,
    destination: 'asylum-home-logatec',
    ...o,
  }),
  handOver: (o = {}): ProcedureCommand => ({
    type: 'HandOverFromProcedure',
    ...base,
    country: 'HR',
    authority: 'PU Karlovac',
    ...o,
  }),
  release: (o = {}): ProcedureCommand => ({
    type: 'ReleaseFromProcedure',
    ...base,
    reason: 'Ordered to leave',
    ...o,
  }),
  leave: (o = {}): ProcedureCommand => ({
    type: 'RecordLeftAsylumHome',
    ...base,
    facility: 'asylum-home-ljubljana',
    ...o,
  }),
  link: (o = {}): ProcedureCommand => ({
    type: 'LinkProcedureToCase',
    ...base,
    caseId: '0b6c7c1e-4a8e-4d7e-9b55-1f2f7e0b9a01',
    roleInCase: 'migrant',
    ...o,
  }),
  nationality: (o = {}): ProcedureCommand => ({
    type: 'EstablishNationalityInProcedure',
    ...base,
    nationality: 'AF',
    ...o,
  }),
};

describe('later facts of a procedure', () => {
  it('records each fact with the procedure and the person it is about', () => {
    for (const command of [cmd.detain(), cmd.intent(), cmd.refer(), cmd.release(), cmd.link()]) {
      const [event] = given(apprehended()).when(command).events();
      expect(event.data).toMatchObject({ procedureId: PROCEDURE_ID, personId: PERSON_ID });
      expect(event.occurredAt).toEqual(at('10:00'));
    }
    expect(given(apprehended()).when(cmd.refer()).events()[0]).toMatchObject({
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
    const [late] = scenario.when(cmd.intent()).events();
    const after = given(apprehended(), referred(at('11:00')), late);
    expect(missingOnRecord(requireProcedure(after.state, PROCEDURE_ID))).toEqual([]);
  });

  it('records an intent entered late that shows an earlier handover unlawful', () => {
    const scenario = given(apprehended(), handedOver(at('12:00')));
    const events = scenario.when(cmd.intent({ occurredAt: at('11:00') })).events();
    const after = given(apprehended(), handedOver(at('12:00')), ...events);
    expect(returnedDespiteIntent(requireProcedure(after.state, PROCEDURE_ID))).toBe(true);
  });

  it('takes the nationality established last, whatever the order of entry', () => {
    const first = given(apprehended(at('08:00'), { nationality: null }))
      .when(cmd.nationality({ occurredAt: at('11:00'), nationality: 'MA' }))
      .events();
    const second = given(apprehended(at('08:00'), { nationality: null }))
      .when(cmd.nationality({ occurredAt: at('10:00'), nationality: 'AF' }))
      .events();
    const state = given(apprehended(at('08:00'), { nationality: null }), ...first, ...second).state;
    expect(requireProcedure(state, PROCEDURE_ID).nationality).toBe('MA');
  });

  it.each([
    ['anything on an unknown procedure', [], cmd.intent(), 'PROCEDURE.NOT_FOUND'],
    [
      'a time before the apprehension',
      [apprehended()],
      cmd.intent({ occurredAt: at('07:00') }),
      'PROCEDURE.BEFORE_APPREHENSION',
    ],
    [
      'a time in the future',
      [apprehended()],
      cmd.release({ occurredAt: new Date(NOW.getTime() + 600_000) }),
      'TIME.IN_FUTURE',
    ],
    ['an invalid time', [apprehended()], cmd.detain({ occurredAt: new Date('x') }), 'TIME.INVALID'],
    [
      'a second border detention',
      [apprehended(), detained(at('09:00'))],
      cmd.detain(),
      'PROCEDURE.ALREADY_IN_BORDER_DETENTION',
    ],
    [
      'a border detention after the release',
      [apprehended(), released(at('09:00'))],
      cmd.detain(),
      'PROCEDURE.CONCLUDED',
    ],
    [
      'a second intent in one procedure',
      [apprehended(), intent(at('09:00'))],
      cmd.intent(),
      'PROCEDURE.INTENT_ALREADY_RECORDED',
    ],
    [
      'an intent after the handover',
      [apprehended(), handedOver(at('09:00'))],
      cmd.intent(),
      'PROCEDURE.CONCLUDED',
    ],
    [
      'an unknown statement',
      [apprehended()],
      cmd.intent({ statement: 'oral' }),
      'ASYLUM.INVALID_STATEMENT',
    ],
    [
      'a handover while an intent stands',
      [apprehended(), intent(at('09:00'))],
      cmd.handOver(),
      'ASYLUM.CANNOT_RETURN',
    ],
    [
      'a handover to a country that is not a neighbour',
      [apprehended()],
      cmd.handOver({ country: 'DE' }),
      'PROCEDURE.INVALID_COUNTRY',
    ],
    [
      'a handover without an authority',
      [apprehended()],
      cmd.handOver({ authority: ' ' }),
      'CUSTODY.INVALID_AUTHORITY',
    ],
    [
      'a second outcome',
      [apprehended(), referred(at('09:00'))],
      cmd.release(),
      'PROCEDURE.CONCLUDED',
    ],
    [
      'an unknown destination',
      [apprehended()],
      cmd.refer({ destination: 'hotel' }),
      'PROCEDURE.INVALID_DESTINATION',
    ],
    [
      'a release without a reason',
      [apprehended()],
      cmd.release({ reason: '' }),
      'PROCEDURE.INVALID_REASON',
    ],
    [
      'leaving a home the person was not referred to',
      [apprehended(), referred(at('09:00'), 'aliens-centre')],
      cmd.leave(),
      'ASYLUM.NOT_REFERRED',
    ],
    [
      'leaving before the referral',
      [apprehended(), referred(at('11:00'))],
      cmd.leave(),
      'ASYLUM.NOT_REFERRED',
    ],
    [
      'leaving twice',
      [apprehended(), referred(at('09:00')), leftAsylumHome(at('09:30'))],
      cmd.leave(),
      'PROCEDURE.ALREADY_LEFT',
    ],
    [
      'a link to a case the person is not in',
      [apprehended()],
      cmd.link({ roleInCase: 'absent' }),
      'PERSON.NOT_IN_CASE',
    ],
    [
      'a link to a case where the person is a suspect',
      [apprehended()],
      cmd.link({ roleInCase: 'suspect' }),
      'PERSON.ROLE_CONFLICT',
    ],
    [
      'a second link',
      [apprehended(at('08:00'), { caseId: '0b6c7c1e-4a8e-4d7e-9b55-1f2f7e0b9a02' })],
      cmd.link(),
      'PROCEDURE.ALREADY_LINKED',
    ],
    [
      'Slovenian nationality',
      [apprehended()],
      cmd.nationality({ nationality: 'SI' }),
      'PERSON.SLOVENIAN_NOT_MIGRANT',
    ],
    [
      'a nationality that is not a code',
      [apprehended()],
      cmd.nationality({ nationality: 'Syria' }),
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
