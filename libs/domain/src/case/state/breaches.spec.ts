import {
  SUSPECT,
  arrested,
  at,
  broughtBeforeJudge,
  decisionIssued,
  detained,
  given,
  opened,
  released,
  remandServed,
  remanded,
} from '../testing/case-scenario';
import { custodyBreaches } from './breaches';

const breachesOf = (...events: Parameters<typeof given>) =>
  custodyBreaches(given(...events).after().history).map((b) => ({
    kind: b.kind,
    deadline: b.deadline,
    metAt: b.metAt,
    endedAt: b.endedAt,
  }));

describe('duties met late or never', () => {
  it('finds none in a lawful custody', () => {
    expect(
      breachesOf(
        opened(),
        arrested(),
        detained(),
        decisionIssued(),
        broughtBeforeJudge(),
        remanded(),
        remandServed(at('08:00', 15)),
      ),
    ).toEqual([]);
  });

  it('keeps a written decision issued after its six hours', () => {
    expect(breachesOf(opened(), arrested(), detained(), decisionIssued(at('16:00')))).toEqual([
      {
        kind: 'written-detention-decision',
        deadline: at('15:00'),
        metAt: at('16:00'),
        endedAt: null,
      },
    ]);
  });

  it('keeps a decision never issued and a hearing after 48 hours, once the suspect moved on', () => {
    expect(
      breachesOf(opened(), arrested(), detained(), broughtBeforeJudge(at('11:00', 16))),
    ).toEqual([
      { kind: 'police-custody', deadline: at('09:00', 16), metAt: null, endedAt: at('11:00', 16) },
      {
        kind: 'written-detention-decision',
        deadline: at('15:00'),
        metAt: null,
        endedAt: at('11:00', 16),
      },
    ]);
  });

  it('keeps an order served late, and one never served before the release', () => {
    const onRemand = [
      opened(),
      arrested(),
      detained(),
      decisionIssued(),
      broughtBeforeJudge(),
      remanded(),
    ];
    expect(breachesOf(...onRemand, remandServed(at('23:00', 15)))).toEqual([
      {
        kind: 'remand-order-service',
        deadline: at('22:00', 15),
        metAt: at('23:00', 15),
        endedAt: null,
      },
    ]);
    expect(breachesOf(...onRemand, released(at('23:30', 15)))).toEqual([
      {
        kind: 'remand-order-service',
        deadline: at('22:00', 15),
        metAt: null,
        endedAt: at('23:30', 15),
      },
    ]);
  });

  it('is not the board: a duty still running and overdue is not listed', () => {
    expect(breachesOf(opened(), arrested(SUSPECT, at('09:00')))).toEqual([]);
  });
});
