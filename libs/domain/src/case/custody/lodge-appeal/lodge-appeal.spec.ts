import {
  CASE_ID,
  SUSPECT,
  arrested,
  at,
  broughtBeforeJudge,
  decisionIssued,
  detained,
  given,
  opened,
  remanded,
} from '../../testing/case-scenario';
import { decideAppeal, lodgeAppeal } from '../../testing/case-commands';
import { custodyBreaches } from '../../state/breaches';
import { personClocks } from '../../state/clocks';

const withDecision = [opened(), arrested(), detained(), decisionIssued()];

describe('appeals against the detention decision and the remand order', () => {
  it('records the appeal and starts the 48-hour clock for the decision on it', () => {
    const state = given(...withDecision);
    const [appeal] = state.when(lodgeAppeal()).events();
    expect(appeal).toEqual({
      type: 'custody.appeal-lodged',
      schemaVersion: 1,
      occurredAt: at('11:00'),
      data: { caseId: CASE_ID, personId: SUSPECT, against: 'detention-decision' },
    });
    const clock = personClocks(state.after(appeal).persons[SUSPECT]).find(
      (c) => c.kind === 'detention-appeal',
    );
    expect(clock).toEqual({
      kind: 'detention-appeal',
      startedAt: at('11:00'),
      deadline: at('11:00', 16),
      metAt: null,
    });
  });

  it('records the decision, and one after 48 hours stays as a breach', () => {
    const [appeal] = given(...withDecision)
      .when(lodgeAppeal())
      .events();
    const lodged = [...withDecision, appeal];
    const [inTime] = given(...lodged)
      .when(decideAppeal())
      .events();
    expect(inTime.data).toMatchObject({
      outcome: 'dismissed',
      court: 'Okrožno sodišče v Novem mestu',
    });
    expect(custodyBreaches(given(...lodged).after(inTime).history)).toEqual([]);

    // Decided at 12:00 on the 16th: an hour late. (Dated after NOW, so built by hand.)
    const late = { ...inTime, occurredAt: at('12:00', 16) };
    expect(custodyBreaches(given(...lodged).after(late).history)).toEqual([
      {
        personId: SUSPECT,
        kind: 'detention-appeal',
        startedAt: at('11:00'),
        deadline: at('11:00', 16),
        metAt: at('12:00', 16),
        endedAt: null,
      },
    ]);
  });

  it('keeps the appeal clock running after the suspect moved on to the judge', () => {
    const [appeal] = given(...withDecision)
      .when(lodgeAppeal())
      .events();
    const file = given(...withDecision, appeal).after(broughtBeforeJudge(at('20:00')));
    expect(personClocks(file.persons[SUSPECT]).map((c) => c.kind)).toEqual([
      'judicial-detention',
      'detention-appeal',
    ]);
  });

  it.each([
    [
      'a detention with no decision on record',
      [opened(), arrested(), detained()],
      {},
      'CUSTODY.NOTHING_TO_APPEAL',
    ],
    [
      'a remand order when no remand ran',
      withDecision,
      { against: 'remand-order' },
      'CUSTODY.NOTHING_TO_APPEAL',
    ],
    ['an unknown decision', withDecision, { against: 'arrest' }, 'CUSTODY.INVALID_APPEAL'],
  ] as const)('refuses an appeal against %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(lodgeAppeal(overrides))
        .refusal().code,
    ).toBe(code);
  });

  it('refuses a second appeal while one is pending, and a decision on none', () => {
    const [appeal] = given(...withDecision)
      .when(lodgeAppeal())
      .events();
    expect(
      given(...withDecision, appeal)
        .when(lodgeAppeal({ occurredAt: at('11:30') }))
        .refusal().code,
    ).toBe('CUSTODY.APPEAL_PENDING');
    expect(
      given(...withDecision)
        .when(decideAppeal())
        .refusal().code,
    ).toBe('CUSTODY.NO_APPEAL_PENDING');
    const onRemand = [...withDecision, broughtBeforeJudge(), remanded()];
    expect(
      given(...onRemand)
        .when(decideAppeal({ against: 'remand-order' }))
        .refusal().code,
    ).toBe('CUSTODY.NO_APPEAL_PENDING');
    expect(
      given(...onRemand, appeal)
        .when(decideAppeal({ outcome: 'quashed' }))
        .refusal().code,
    ).toBe('CUSTODY.INVALID_APPEAL_OUTCOME');
  });
});
