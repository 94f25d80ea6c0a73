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
  opened,
  released,
  remanded,
} from '../../testing/case-scenario';
import { issueDetentionDecision } from '../../testing/case-commands';

const inDetention = [opened(), arrested(), detained()];

describe('issue detention decision', () => {
  it('records the written decision on the detention, with its reference trimmed', () => {
    expect(
      given(...inDetention)
        .when(issueDetentionDecision())
        .events(),
    ).toEqual([
      {
        type: 'custody.detention-decision-issued',
        schemaVersion: 1,
        occurredAt: at('10:00'),
        data: { caseId: CASE_ID, personId: SUSPECT, reference: 'PU-NM-1/24' },
      },
    ]);
  });

  it('takes a decision entered before the detention it concerns, which is then missing', () => {
    const arrestedOnly = given(opened(), arrested());
    const [event] = arrestedOnly.when(issueDetentionDecision()).events();
    expect(arrestedOnly.after(event).persons[SUSPECT]).toMatchObject({
      custody: { phase: 'police-detention', decisionIssuedAt: at('10:00') },
      missingOnRecord: ['police-detention'],
    });
    // The detention entered next, with its true time, completes the record.
    const complete = given(opened(), arrested(), event).after(detained(at('09:30')));
    expect(complete.persons[SUSPECT]).toMatchObject({
      custody: {
        phase: 'police-detention',
        detainedAt: at('09:30'),
        decisionIssuedAt: at('10:00'),
      },
      missingOnRecord: [],
    });
  });

  it('records a decision issued after the six hours, since a late decision is still a fact', () => {
    const late = at('18:00');
    const events = given(...inDetention)
      .when(issueDetentionDecision({ occurredAt: late }))
      .events();
    expect(events.map((e) => e.occurredAt)).toEqual([late]);
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
    [
      'a suspect already before the judge',
      [...inDetention, broughtBeforeJudge(at('09:45'))],
      {},
      'CUSTODY.NOT_IN_POLICE_DETENTION',
    ],
    [
      'a suspect on remand',
      [...inDetention, remanded(at('09:45'))],
      {},
      'CUSTODY.NOT_IN_POLICE_DETENTION',
    ],
    [
      'a released suspect',
      [...inDetention, released(at('09:45'))],
      {},
      'CUSTODY.NOT_IN_POLICE_DETENTION',
    ],
    [
      'a second decision on the same detention',
      [...inDetention, decisionIssued()],
      { occurredAt: at('10:30') },
      'CUSTODY.DECISION_ALREADY_ISSUED',
    ],
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
    ['a blank reference', inDetention, { reference: '   ' }, 'CUSTODY.INVALID_REFERENCE'],
    [
      'an overlong reference',
      inDetention,
      { reference: 'x'.repeat(201) },
      'CUSTODY.INVALID_REFERENCE',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(issueDetentionDecision(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
