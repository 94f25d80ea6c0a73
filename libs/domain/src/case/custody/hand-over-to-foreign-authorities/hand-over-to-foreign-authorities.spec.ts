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
  intentExpressed,
  leftReception,
  opened,
  referred,
  released,
  remanded,
} from '../../testing/case-scenario';
import { handOverToForeignAuthorities } from '../../testing/case-commands';
import { IdentityEstablished, caseEvent } from '../../events';

const apprehendedMigrant = [opened(), apprehended()];

const identifiedAsSlovenian = (occurredAt: Date) =>
  caseEvent<IdentityEstablished>('person.identity-established', occurredAt, {
    caseId: CASE_ID,
    personId: MIGRANT,
    method: 'document',
    nationality: 'SI',
    personalData: null,
  });

describe('hand over to foreign authorities', () => {
  it('records the readmission of an apprehended migrant', () => {
    expect(
      given(...apprehendedMigrant)
        .when(handOverToForeignAuthorities())
        .events(),
    ).toEqual([
      {
        type: 'custody.handed-over',
        schemaVersion: 1,
        occurredAt: at('11:00'),
        data: {
          caseId: CASE_ID,
          personId: MIGRANT,
          country: 'HR',
          authority: 'PU Karlovac',
          legalBasis: 'readmission-agreement',
        },
      },
    ]);
  });

  it('hands over a foreign suspect once released from criminal custody', () => {
    const history = [opened(), arrested(), detained(), released(at('10:00'))];
    const [event] = given(...history)
      .when(handOverToForeignAuthorities({ personId: SUSPECT, country: 'AT', legalBasis: 'other' }))
      .events();
    expect(event.data).toEqual({
      caseId: CASE_ID,
      personId: SUSPECT,
      country: 'AT',
      authority: 'PU Karlovac',
      legalBasis: 'other',
    });
  });

  // Once the person has left reception, the intent no longer stands in the way of a return.
  it('allows the handover of a migrant who left the asylum centre', () => {
    const history = [
      ...apprehendedMigrant,
      intentExpressed(at('09:30')),
      referred(at('10:00')),
      leftReception(at('10:30')),
    ];
    expect(
      given(...history)
        .when(handOverToForeignAuthorities())
        .events(),
    ).toHaveLength(1);
  });

  it('allows a migrant handed over, then apprehended again, to be handed over again', () => {
    const history = [
      ...apprehendedMigrant,
      handedOver(at('10:00')),
      apprehended(MIGRANT, at('10:30')),
    ];
    expect(
      given(...history)
        .when(handOverToForeignAuthorities())
        .events(),
    ).toHaveLength(1);
  });

  it.each([
    ['a case that does not exist', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [...apprehendedMigrant, closed()], {}, 'CASE.CLOSED'],
    ['a person not in the case', apprehendedMigrant, { personId: SUSPECT }, 'PERSON.NOT_IN_CASE'],
    [
      'a person already handed over',
      [...apprehendedMigrant, handedOver(at('10:00'))],
      {},
      'CUSTODY.ALREADY_HANDED_OVER',
    ],
    [
      'an arrested suspect',
      [opened(), arrested()],
      { personId: SUSPECT },
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
    ],
    [
      'a suspect in police detention',
      [opened(), arrested(), detained()],
      { personId: SUSPECT },
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
    ],
    [
      'a suspect before the judge',
      [opened(), arrested(), broughtBeforeJudge(at('10:00'))],
      { personId: SUSPECT },
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
    ],
    [
      'a suspect on remand',
      [opened(), arrested(), remanded(at('10:00'))],
      { personId: SUSPECT },
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
    ],
    [
      'a migrant identified as a Slovenian national',
      [...apprehendedMigrant, identifiedAsSlovenian(at('10:00'))],
      {},
      'PERSON.SLOVENIAN_CITIZEN',
    ],
    [
      'a released suspect who is a Slovenian citizen',
      [opened(), arrested(SUSPECT, at('09:00'), 'SI'), released(at('10:00'))],
      { personId: SUSPECT },
      'PERSON.SLOVENIAN_CITIZEN',
    ],
    [
      'a migrant who expressed the intent to seek protection',
      [...apprehendedMigrant, intentExpressed()],
      {},
      'ASYLUM.CANNOT_RETURN',
    ],
    [
      'a migrant referred to the asylum centre',
      [...apprehendedMigrant, intentExpressed(), referred(at('10:30'))],
      {},
      'ASYLUM.CANNOT_RETURN',
    ],
    [
      'a handover dated before the migrant left reception',
      [
        ...apprehendedMigrant,
        intentExpressed(at('09:30')),
        referred(at('10:00')),
        leftReception(at('20:00')),
      ],
      { occurredAt: at('15:00') },
      'ASYLUM.CANNOT_RETURN',
    ],
    [
      'a migrant who expressed the intent again after leaving reception',
      [
        ...apprehendedMigrant,
        intentExpressed(at('09:30')),
        leftReception(at('10:00')),
        intentExpressed(at('10:30')),
      ],
      {},
      'ASYLUM.CANNOT_RETURN',
    ],
    [
      'a country that is not a partner',
      apprehendedMigrant,
      { country: 'RS' },
      'CUSTODY.INVALID_COUNTRY',
    ],
    ['a blank authority', apprehendedMigrant, { authority: '  ' }, 'CUSTODY.INVALID_AUTHORITY'],
    [
      'an unknown legal basis',
      apprehendedMigrant,
      { legalBasis: 'dublin' },
      'CUSTODY.INVALID_LEGAL_BASIS',
    ],
    [
      'a time before the apprehension',
      apprehendedMigrant,
      { occurredAt: at('08:30') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'a time before the migrant was apprehended again',
      [...apprehendedMigrant, handedOver(at('10:00')), apprehended(MIGRANT, at('10:30'))],
      { occurredAt: at('10:15') },
      'CUSTODY.ALREADY_HANDED_OVER',
    ],
    [
      'a time before the suspect was released',
      [opened(), arrested(), released(at('10:00'))],
      { personId: SUSPECT, occurredAt: at('09:30') },
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(handOverToForeignAuthorities(overrides))
        .refusal().code,
    ).toBe(code);
  });

  it('names the person it refuses to return', () => {
    const refusal = given(...apprehendedMigrant, intentExpressed())
      .when(handOverToForeignAuthorities())
      .refusal();
    expect(refusal.details).toEqual({ personId: MIGRANT });
  });
});
