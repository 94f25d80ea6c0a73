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
  refusalOf,
  released,
  remanded,
} from '../../testing/case-scenario';
import { closeCase } from '../../testing/case-commands';

const SECOND_SUSPECT = '5a1d0d0e-1111-4e5f-8a9b-000000000003';

/** Nobody held: the suspect was released, the migrant was never in criminal custody. */
const settled = () => [opened(), arrested(), apprehended(), released()];

describe('close case', () => {
  it('closes a case in which nobody is held, with the reason and note', () => {
    expect(
      given(...settled())
        .when(closeCase())
        .events(),
    ).toEqual([
      {
        type: 'case.closed',
        schemaVersion: 1,
        occurredAt: at('11:00', 15),
        data: { caseId: CASE_ID, reason: 'prosecution-completed', note: 'Judgment final.' },
      },
    ]);
  });

  it.each([
    ['no note', undefined],
    ['a null note', null],
    ['a blank note', '   '],
  ])('keeps the note null for %s', (_label, note) => {
    const [event] = given(opened())
      .when(closeCase({ reason: 'perpetrator-unknown', note }))
      .events();
    expect(event.data).toEqual({ caseId: CASE_ID, reason: 'perpetrator-unknown', note: null });
  });

  it('closes a case whose suspect was handed over abroad', () => {
    const history = [opened(), arrested(), handedOver(at('11:00'), SUSPECT)];
    const [event] = given(...history)
      .when(closeCase({ reason: 'transferred', note: null }))
      .events();
    expect(event.data).toEqual({ caseId: CASE_ID, reason: 'transferred', note: null });
  });

  it('names every person still held', () => {
    const history = [opened(), arrested(), arrested(SECOND_SUSPECT), apprehended()];
    const refusal = refusalOf(() =>
      given(...history)
        .when(closeCase())
        .events(),
    );
    expect(refusal.code).toBe('CASE.PERSONS_HELD');
    expect(refusal.details).toEqual({ personIds: [SUSPECT, SECOND_SUSPECT] });
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a case closed already', [...settled(), closed()], {}, 'CASE.CLOSED'],
    ['a suspect still arrested', [opened(), arrested()], {}, 'CASE.PERSONS_HELD'],
    ['a suspect in police detention', [opened(), arrested(), detained()], {}, 'CASE.PERSONS_HELD'],
    [
      'a suspect before the investigating judge',
      [opened(), arrested(), detained(), broughtBeforeJudge()],
      {},
      'CASE.PERSONS_HELD',
    ],
    [
      'a suspect on remand',
      [opened(), arrested(), detained(), broughtBeforeJudge(), remanded()],
      {},
      'CASE.PERSONS_HELD',
    ],
    ['an unknown closure reason', settled(), { reason: 'solved' }, 'CASE.INVALID_CLOSURE_REASON'],
    ['an overlong note', settled(), { note: 'x'.repeat(2001) }, 'CASE.INVALID_NOTE'],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(closeCase(overrides))
        .refusal().code,
    ).toBe(code);
  });

  it('does not count an apprehended migrant as held', () => {
    const [event] = given(opened(), apprehended(MIGRANT))
      .when(closeCase({ reason: 'no-offence' }))
      .events();
    expect(event.data).toEqual({ caseId: CASE_ID, reason: 'no-offence', note: 'Judgment final.' });
  });
});
