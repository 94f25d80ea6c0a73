import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  broughtBeforeJudge,
  closed,
  decisionIssued,
  detained,
  given,
  handedOver,
  opened,
  released,
  remanded,
} from '../../testing/case-scenario';
import { bringBeforeJudge } from '../../testing/case-commands';

const inDetention = [opened(), arrested(), detained(), decisionIssued()];

describe('bring before judge', () => {
  it('records that the detained suspect was brought before the investigating judge', () => {
    expect(
      given(...inDetention)
        .when(bringBeforeJudge())
        .events(),
    ).toEqual([
      {
        type: 'custody.brought-before-judge',
        schemaVersion: 1,
        occurredAt: at('20:00'),
        data: { caseId: CASE_ID, personId: SUSPECT, court: 'Okrožno sodišče v Novem mestu' },
      },
    ]);
  });

  it('accepts a suspect brought straight from the arrest, without police detention', () => {
    const events = given(opened(), arrested())
      .when(bringBeforeJudge({ occurredAt: at('11:00') }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['custody.brought-before-judge']);
  });

  it('names the phase when the judge already holds the suspect', () => {
    const refusal = given(...inDetention, broughtBeforeJudge())
      .when(bringBeforeJudge())
      .refusal();
    expect(refusal.code).toBe('CUSTODY.NOT_IN_POLICE_CUSTODY');
    expect(refusal.details).toEqual({ personId: SUSPECT, phase: 'before-judge' });
  });

  it.each([
    ['a case that does not exist', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [...inDetention, closed()], {}, 'CASE.CLOSED'],
    ['a person not in the case', inDetention, { personId: MIGRANT }, 'PERSON.NOT_IN_CASE'],
    [
      'an apprehended migrant',
      [opened(), apprehended()],
      { personId: MIGRANT },
      'PERSON.NOT_A_SUSPECT',
    ],
    ['a released suspect', [...inDetention, released(at('11:00'))], {}, 'CUSTODY.NOT_HELD'],
    [
      'a suspect handed over abroad',
      [...inDetention, released(at('11:00')), handedOver(at('12:00'), SUSPECT)],
      {},
      'CUSTODY.NOT_HELD',
    ],
    [
      'a suspect already before the judge',
      [...inDetention, broughtBeforeJudge(at('19:00'))],
      {},
      'CUSTODY.NOT_IN_POLICE_CUSTODY',
    ],
    [
      'a suspect on remand',
      [...inDetention, remanded(at('19:00'))],
      {},
      'CUSTODY.NOT_IN_POLICE_CUSTODY',
    ],
    [
      'a time before the arrest',
      inDetention,
      { occurredAt: at('08:30') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'a time before the detention decision',
      inDetention,
      { occurredAt: at('09:45') },
      'TIME.BEFORE_PREVIOUS_CUSTODY_ACT',
    ],
    ['a blank court', inDetention, { court: ' ' }, 'CUSTODY.INVALID_COURT'],
    ['an overlong court', inDetention, { court: 'x'.repeat(201) }, 'CUSTODY.INVALID_COURT'],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(bringBeforeJudge(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
