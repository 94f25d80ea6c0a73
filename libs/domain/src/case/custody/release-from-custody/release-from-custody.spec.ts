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
import { releaseFromCustody } from '../../testing/case-commands';

const inDetention = [opened(), arrested(), detained()];

describe('release from custody', () => {
  it('records the release, with the reason and the note trimmed', () => {
    expect(
      given(...inDetention)
        .when(releaseFromCustody())
        .events(),
    ).toEqual([
      {
        type: 'custody.released',
        schemaVersion: 1,
        occurredAt: at('11:00'),
        data: {
          caseId: CASE_ID,
          personId: SUSPECT,
          reason: 'police-detention-ended',
          note: 'Released on the prosecutor’s instruction.',
        },
      },
    ]);
  });

  it.each([
    ['no note', undefined],
    ['a null note', null],
    ['a blank note', '   '],
  ] as const)('records %s as null', (_label, note) => {
    const [event] = given(...inDetention)
      .when(releaseFromCustody({ note }))
      .events();
    expect(event.data).toMatchObject({ note: null });
  });

  // Release ends every phase of criminal custody, whoever holds the suspect.
  it.each([
    ['after the arrest', [opened(), arrested()], 'other'],
    ['from police detention', inDetention, 'police-detention-ended'],
    [
      'by the investigating judge',
      [...inDetention, broughtBeforeJudge(at('10:00'))],
      'released-by-investigating-judge',
    ],
    ['from remand', [...inDetention, remanded(at('10:00'))], 'remand-lifted'],
  ] as const)('releases a suspect %s', (_label, history, reason) => {
    const [event] = given(...history)
      .when(releaseFromCustody({ reason }))
      .events();
    expect(event.data).toMatchObject({ reason });
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
    ['a suspect already released', [...inDetention, released(at('10:00'))], {}, 'CUSTODY.NOT_HELD'],
    [
      'a suspect handed over abroad',
      [...inDetention, released(at('10:00')), handedOver(at('10:30'), SUSPECT)],
      {},
      'CUSTODY.NOT_HELD',
    ],
    [
      'a reason the law does not know',
      inDetention,
      { reason: 'good-behaviour' },
      'CUSTODY.INVALID_RELEASE_REASON',
    ],
    ['an overlong note', inDetention, { note: 'x'.repeat(2001) }, 'CUSTODY.INVALID_NOTE'],
    [
      'a time before the arrest',
      inDetention,
      { occurredAt: at('08:30') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'a time before the detention started',
      inDetention,
      { occurredAt: at('09:15') },
      'TIME.BEFORE_PREVIOUS_CUSTODY_ACT',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(releaseFromCustody(overrides))
        .refusal().code,
    ).toBe(code);
  });

  it('names the phase of a suspect who is not held', () => {
    const refusal = given(...inDetention, released(at('10:00')))
      .when(releaseFromCustody())
      .refusal();
    expect(refusal.details).toEqual({ personId: SUSPECT, phase: 'free' });
  });
});
