import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  closed,
  detained,
  given,
  opened,
  released,
} from '../../testing/case-scenario';
import { recordSafeguard } from '../../testing/case-commands';
import { RecordSafeguard } from './record-safeguard.command';

const held = [opened(), arrested(), detained()];

describe('recording a safeguard of a person held', () => {
  it('records a request', () => {
    expect(
      given(...held)
        .when(recordSafeguard({ safeguard: 'counsel', step: 'requested', by: undefined }))
        .events(),
    ).toEqual([
      {
        type: 'custody.safeguard-requested',
        schemaVersion: 1,
        occurredAt: at('09:10'),
        data: { caseId: CASE_ID, personId: SUSPECT, safeguard: 'counsel' },
      },
    ]);
  });

  it('records a safeguard given, with who gave it and the detail trimmed', () => {
    expect(
      given(...held)
        .when(recordSafeguard({ safeguard: 'interpreter', detail: '  Serbian ' }))
        .events(),
    ).toEqual([
      {
        type: 'custody.safeguard-provided',
        schemaVersion: 1,
        occurredAt: at('09:10'),
        data: {
          caseId: CASE_ID,
          personId: SUSPECT,
          safeguard: 'interpreter',
          by: 'PI Novak',
          detail: 'Serbian',
        },
      },
    ]);
  });

  it.each([
    ['no detail', undefined],
    ['a null detail', null],
    ['a blank detail', '   '],
  ] as const)('records %s as null', (_label, detail) => {
    const [event] = given(...held)
      .when(recordSafeguard({ detail }))
      .events();
    expect(event.data).toEqual({
      caseId: CASE_ID,
      personId: SUSPECT,
      safeguard: 'rights-information',
      by: 'PI Novak',
      detail: null,
    });
  });

  it('records a delay with its reason and who authorised it, trimmed', () => {
    expect(
      given(...held)
        .when(
          recordSafeguard({
            safeguard: 'family-notification',
            step: 'delayed',
            by: undefined,
            reason: ' Informing the family would endanger the investigation. ',
            authorisedBy: ' ODT Novo mesto ',
          }),
        )
        .events(),
    ).toEqual([
      {
        type: 'custody.safeguard-delayed',
        schemaVersion: 1,
        occurredAt: at('09:10'),
        data: {
          caseId: CASE_ID,
          personId: SUSPECT,
          safeguard: 'family-notification',
          reason: 'Informing the family would endanger the investigation.',
          authorisedBy: 'ODT Novo mesto',
        },
      },
    ]);
  });

  it('records a safeguard given at the arrest itself, before police detention began', () => {
    const [event] = given(opened(), arrested())
      .when(recordSafeguard({ occurredAt: at('09:00') }))
      .events();
    expect([event.type, event.occurredAt]).toEqual(['custody.safeguard-provided', at('09:00')]);
  });

  it('records a safeguard entered late, before a custody act already on record', () => {
    const [event] = given(...held, released(at('11:00')))
      .when(recordSafeguard({ occurredAt: at('09:05') }))
      .events();
    expect([event.type, event.occurredAt]).toEqual(['custody.safeguard-provided', at('09:05')]);
  });

  const delay = (overrides: Partial<RecordSafeguard>) =>
    recordSafeguard({
      step: 'delayed',
      safeguard: 'counsel',
      by: undefined,
      reason: 'Urgent questioning to avert a danger to life.',
      authorisedBy: 'ODT Novo mesto',
      ...overrides,
    });
  const tooLong = 'x'.repeat(201);

  it.each([
    ['a delay with no reason', delay({ reason: undefined }), 'SAFEGUARD.REASON_REQUIRED'],
    ['a delay with a null reason', delay({ reason: null }), 'SAFEGUARD.REASON_REQUIRED'],
    ['a delay with a blank reason', delay({ reason: '   ' }), 'SAFEGUARD.REASON_REQUIRED'],
    [
      'a delay with a reason over 2000 characters',
      delay({ reason: 'x'.repeat(2001) }),
      'SAFEGUARD.REASON_REQUIRED',
    ],
    [
      'a delay with no one who authorised it',
      delay({ authorisedBy: undefined }),
      'SAFEGUARD.AUTHORISATION_REQUIRED',
    ],
    [
      'a delay authorised by a blank name',
      delay({ authorisedBy: '  ' }),
      'SAFEGUARD.AUTHORISATION_REQUIRED',
    ],
    [
      'a delay authorised by a name over 200 characters',
      delay({ authorisedBy: tooLong }),
      'SAFEGUARD.AUTHORISATION_REQUIRED',
    ],
    [
      'a safeguard given by no one',
      recordSafeguard({ by: undefined }),
      'SAFEGUARD.PROVIDER_REQUIRED',
    ],
    ['a safeguard given by null', recordSafeguard({ by: null }), 'SAFEGUARD.PROVIDER_REQUIRED'],
    [
      'a safeguard given by a blank name',
      recordSafeguard({ by: ' ' }),
      'SAFEGUARD.PROVIDER_REQUIRED',
    ],
    [
      'a safeguard given by a name over 200 characters',
      recordSafeguard({ by: tooLong }),
      'SAFEGUARD.PROVIDER_REQUIRED',
    ],
    [
      'a detail over 200 characters',
      recordSafeguard({ detail: tooLong }),
      'SAFEGUARD.INVALID_DETAIL',
    ],
    ['an unknown safeguard', recordSafeguard({ safeguard: 'phone-call' }), 'SAFEGUARD.UNKNOWN'],
    ['an unknown step', recordSafeguard({ step: 'refused' }), 'SAFEGUARD.INVALID_STEP'],
    [
      'a person not in the case',
      recordSafeguard({ personId: '5a1d0d0e-9999-4e5f-8a9b-000000000009' }),
      'PERSON.NOT_IN_CASE',
    ],
  ] as const)('refuses %s', (_label, command, code) => {
    expect(
      given(...held)
        .when(command)
        .refusal().code,
    ).toBe(code);
  });

  it('refuses a safeguard of a person not held at that time', () => {
    // Released at 11:00: a safeguard at 12:00 belongs to no deprivation of liberty.
    const refusal = given(...held, released(at('11:00')))
      .when(recordSafeguard({ occurredAt: at('12:00') }))
      .refusal();
    expect(refusal.code).toBe('CUSTODY.NOT_HELD');
  });

  it('refuses a safeguard entered before the new arrest it belongs to is on record', () => {
    // Re-arrested at 14:00, not entered yet: at 14:05 the person is not held on record.
    expect(
      given(...held, released(at('11:00')))
        .when(recordSafeguard({ occurredAt: at('14:05') }))
        .refusal().code,
    ).toBe('CUSTODY.NOT_HELD');
    // Once the arrest is entered, the same safeguard is taken.
    const [event] = given(...held, released(at('11:00')), arrested(SUSPECT, at('14:00')))
      .when(recordSafeguard({ occurredAt: at('14:05') }))
      .events();
    expect([event.type, event.occurredAt]).toEqual(['custody.safeguard-provided', at('14:05')]);
  });

  it('refuses a safeguard dated before the arrest on record', () => {
    expect(
      given(...held)
        .when(recordSafeguard({ occurredAt: at('08:30') }))
        .refusal().code,
    ).toBe('TIME.BEFORE_ARREST_OR_APPREHENSION');
  });

  it('refuses a safeguard of a migrant, who is in no criminal custody', () => {
    expect(
      given(opened(), apprehended())
        .when(recordSafeguard({ personId: MIGRANT }))
        .refusal().code,
    ).toBe('PERSON.NOT_A_SUSPECT');
  });

  it('refuses a safeguard in a closed case', () => {
    expect(
      given(...held, released(at('11:00')), closed(at('11:00', 15)))
        .when(recordSafeguard())
        .refusal().code,
    ).toBe('CASE.CLOSED');
  });
});
