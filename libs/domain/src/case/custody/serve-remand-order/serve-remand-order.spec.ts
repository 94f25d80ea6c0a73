import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  broughtBeforeJudge,
  closed,
  given,
  opened,
  released,
  remandServed,
  remanded,
} from '../../testing/case-scenario';
import { serveRemandOrder } from '../../testing/case-commands';

const onRemand = [opened(), arrested(), broughtBeforeJudge(), remanded()];

describe('serve remand order', () => {
  it('records that the written remand order was served on the suspect', () => {
    expect(
      given(...onRemand)
        .when(serveRemandOrder())
        .events(),
    ).toEqual([
      {
        type: 'custody.remand-order-served',
        schemaVersion: 1,
        occurredAt: at('08:00', 15),
        data: { caseId: CASE_ID, personId: SUSPECT },
      },
    ]);
  });

  it('takes a service entered before the remand order, which is then missing on record', () => {
    const beforeJudge = given(opened(), arrested(), broughtBeforeJudge());
    const [event] = beforeJudge.when(serveRemandOrder()).events();
    expect(beforeJudge.after(event).persons[SUSPECT].missingOnRecord).toEqual(['remand-order']);
    const complete = given(opened(), arrested(), broughtBeforeJudge(), event).after(remanded());
    expect(complete.persons[SUSPECT]).toMatchObject({
      custody: { phase: 'remand', servedAt: at('08:00', 15) },
      missingOnRecord: [],
    });
  });

  it('records an order served after its 24 hours, so that the lateness shows', () => {
    const history = [
      opened(at('08:00', 13)),
      arrested(SUSPECT, at('09:00', 13)),
      remanded(at('10:00', 13)),
    ];
    const events = given(...history)
      .when(serveRemandOrder({ occurredAt: at('11:00', 15) }))
      .events();
    expect(events.map((e) => e.occurredAt)).toEqual([at('11:00', 15)]);
  });

  it.each([
    ['a case that does not exist', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [...onRemand, closed(at('07:00', 15))], {}, 'CASE.CLOSED'],
    ['a person not in the case', onRemand, { personId: MIGRANT }, 'PERSON.NOT_IN_CASE'],
    [
      'an apprehended migrant',
      [opened(), apprehended()],
      { personId: MIGRANT },
      'PERSON.NOT_A_SUSPECT',
    ],
    [
      'a suspect released from remand',
      [...onRemand, released(at('23:00'))],
      {},
      'CUSTODY.NOT_ON_REMAND',
    ],
    [
      'an order served twice',
      [...onRemand, remandServed()],
      { occurredAt: at('09:00', 15) },
      'CUSTODY.REMAND_ORDER_ALREADY_SERVED',
    ],
    [
      'a time before the arrest',
      onRemand,
      { occurredAt: at('08:30') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'a time before the remand was ordered',
      onRemand,
      { occurredAt: at('21:00') },
      'TIME.BEFORE_PREVIOUS_CUSTODY_ACT',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(serveRemandOrder(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
