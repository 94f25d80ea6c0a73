import { CaseEvent, caseEvent } from '../../events';
import { foldHistory } from '../../state/evolve';
import {
  CASE_ID,
  SUSPECT,
  apprehended,
  arrested,
  at,
  detained,
  given,
  handedOver,
  opened,
  released,
  remanded,
} from '../../testing/case-scenario';
import { withdrawEntry } from '../../testing/case-commands';

describe('an entry withdrawn', () => {
  // event-3 is the remand entered by mistake right after the arrest.
  const mistaken = () => [opened(), arrested(), remanded(at('10:00'))];

  it('is ignored by the fold from then on, and the history keeps both', () => {
    const [withdrawal] = given(...mistaken())
      .when(withdrawEntry('event-3', 'No remand was ordered; entered in the wrong case.'))
      .events();
    expect(withdrawal).toMatchObject({
      type: 'case.entry-withdrawn',
      data: {
        caseId: CASE_ID,
        withdrawnEventId: 'event-3',
        withdrawnEventType: 'custody.remand-ordered',
        reason: 'No remand was ordered; entered in the wrong case.',
      },
    });
    const file = given(...mistaken()).after(withdrawal);
    expect(file.persons[SUSPECT]).toMatchObject({
      custody: { phase: 'arrested' },
      missingOnRecord: [],
      remandMonthsBefore: 0,
    });
    expect(file.history.map((e) => e.type)).toContain('custody.remand-ordered');
  });

  it('leaves the state as of an earlier moment as it was', () => {
    const before = given(...mistaken()).state;
    const [withdrawal] = given(...mistaken())
      .when(withdrawEntry('event-3'))
      .events();
    const after = given(...mistaken()).after(withdrawal);
    // The state as it stood before the withdrawal is the fold of the entries made until then.
    expect(foldHistory(after.history.slice(0, 3))).toEqual(before);
  });

  it('is reinstated by withdrawing the withdrawal', () => {
    const [first] = given(...mistaken())
      .when(withdrawEntry('event-3'))
      .events();
    const withdrawn = [...mistaken(), first];
    const [second] = given(...withdrawn)
      .when(withdrawEntry('event-4', 'It was right.'))
      .events();
    expect(given(...withdrawn).after(second).persons[SUSPECT].custody.phase).toBe('remand');
  });

  it('undoes a correction when the correction is withdrawn', () => {
    const correction = caseEvent('case.correction-recorded', at('12:00'), {
      caseId: CASE_ID,
      correctedEventId: 'event-2',
      correctedEventType: 'person.suspect-arrested',
      reason: 'Wrong time.',
      replacement: { occurredAt: at('08:30').toISOString(), data: arrested().data },
    });
    const history = [opened(), arrested(), correction];
    expect(given(...history).after().persons[SUSPECT].recordedAt).toEqual(at('08:30'));
    const [withdrawal] = given(...history)
      .when(withdrawEntry('event-3'))
      .events();
    expect(given(...history).after(withdrawal).persons[SUSPECT].recordedAt).toEqual(at('09:00'));
  });

  it.each<[string, CaseEvent[], string, string]>([
    [
      'an arrest the detention on record follows',
      [opened(), arrested(), detained()],
      'event-2',
      'PERSON.NOT_IN_CASE',
    ],
    [
      'a release a handover on record needs',
      [
        opened(),
        apprehended(),
        arrested(),
        released(at('11:00')),
        handedOver(at('12:00'), SUSPECT),
      ],
      'event-4',
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
    ],
  ])('is refused when it leaves an unlawful chronology: %s', (_label, history, id, rule) => {
    const refusal = given(...history)
      .when(withdrawEntry(id))
      .refusal();
    expect(refusal.code).toBe('WITHDRAWAL.BREAKS_CHRONOLOGY');
    expect(refusal.details).toMatchObject({ rule });
  });

  it.each<[string, CaseEvent[], string, string]>([
    ['an entry the case does not have', mistaken(), 'event-9', 'WITHDRAWAL.UNKNOWN_EVENT'],
    ['the opening of the case', mistaken(), 'event-1', 'WITHDRAWAL.CASE_OPENING'],
  ])('refuses %s', (_label, history, id, code) => {
    expect(
      given(...history)
        .when(withdrawEntry(id))
        .refusal().code,
    ).toBe(code);
  });

  it('refuses an entry withdrawn already, and a blank reason', () => {
    const [first] = given(...mistaken())
      .when(withdrawEntry('event-3'))
      .events();
    const withdrawn = given(...mistaken(), first);
    expect(withdrawn.when(withdrawEntry('event-3')).refusal().code).toBe(
      'WITHDRAWAL.ALREADY_WITHDRAWN',
    );
    expect(
      given(...mistaken())
        .when(withdrawEntry('event-3', '  '))
        .refusal().code,
    ).toBe('WITHDRAWAL.INVALID_REASON');
  });
});
