import { CaseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { evolveCase } from '../../state/evolve';
import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  closed,
  given,
  opened,
} from '../../testing/case-scenario';
import { establishIdentity, sealedFromPassport } from '../../testing/case-commands';

// The migrant was apprehended with nationality unknown; the suspect was arrested as a Serbian.
const withMigrant = () => given(opened(), apprehended(MIGRANT, at('09:00'), null));
const withSuspect = () => given(opened(), arrested(SUSPECT, at('09:00'), 'RS'));

const personAfter = (state: CaseState, events: CaseEvent[], personId: string) => {
  const next = events.reduce(evolveCase, state);
  if (next.status === 'none') throw new Error('expected an opened case');
  return next.persons[personId];
};

describe('establish identity', () => {
  it('records the nationality and personal data established, and how', () => {
    expect(withMigrant().when(establishIdentity()).events()).toEqual([
      {
        type: 'person.identity-established',
        schemaVersion: 1,
        occurredAt: at('13:00'),
        data: {
          caseId: CASE_ID,
          personId: MIGRANT,
          method: 'document',
          nationality: 'AF',
          personalData: sealedFromPassport,
        },
      },
    ]);
  });

  it('gives the person the established nationality', () => {
    const scenario = withMigrant();
    const events = scenario.when(establishIdentity({ method: 'biometric' })).events();
    expect(personAfter(scenario.state, events, MIGRANT).nationality).toBe('AF');
  });

  it('accepts personal data alone, keeping the nationality already known', () => {
    const scenario = given(opened(), apprehended(MIGRANT, at('09:00'), 'SY'));
    const events = scenario
      .when(establishIdentity({ method: 'statement', nationality: null }))
      .events();

    expect(events[0].data).toEqual({
      caseId: CASE_ID,
      personId: MIGRANT,
      method: 'statement',
      nationality: null,
      personalData: sealedFromPassport,
    });
    expect(personAfter(scenario.state, events, MIGRANT).nationality).toBe('SY');
  });

  it('accepts a nationality alone', () => {
    const [event] = withMigrant()
      .when(establishIdentity({ method: 'other', personalData: null }))
      .events();
    expect(event.data).toMatchObject({ method: 'other', nationality: 'AF', personalData: null });
  });

  it('makes a suspect found to be a Slovenian national a Slovenian citizen', () => {
    const scenario = withSuspect();
    const events = scenario
      .when(establishIdentity({ personId: SUSPECT, nationality: 'SI', personalData: null }))
      .events();

    expect(events[0].data).toMatchObject({ personId: SUSPECT, nationality: 'SI' });
    expect(personAfter(scenario.state, events, SUSPECT)).toMatchObject({
      nationality: 'SI',
      slovenianCitizen: true,
    });
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [opened(), apprehended(MIGRANT, at('09:00')), closed()], {}, 'CASE.CLOSED'],
    [
      'a person not in the case',
      [opened(), arrested(SUSPECT, at('09:00'))],
      {},
      'PERSON.NOT_IN_CASE',
    ],
    [
      'a time before the apprehension',
      [opened(), apprehended(MIGRANT, at('09:00'))],
      { occurredAt: at('08:59') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'neither a nationality nor personal data',
      [opened(), apprehended(MIGRANT, at('09:00'))],
      { nationality: null, personalData: null },
      'PERSON.NOTHING_ESTABLISHED',
    ],
    [
      'a nationality that is not a country code',
      [opened(), apprehended(MIGRANT, at('09:00'))],
      { nationality: 'Afghanistan' },
      'PERSON.INVALID_NATIONALITY',
    ],
    [
      'a migrant found to be a Slovenian national',
      [opened(), apprehended(MIGRANT, at('09:00'))],
      { nationality: 'SI' },
      'PERSON.SLOVENIAN_NOT_MIGRANT',
    ],
    [
      'an unknown identification method',
      [opened(), apprehended(MIGRANT, at('09:00'))],
      { method: 'hunch' },
      'PERSON.INVALID_IDENTIFICATION_METHOD',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(establishIdentity(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
