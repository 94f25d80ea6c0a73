import { CaseEvent } from '../../events';
import { CaseFile, CaseState } from '../../state/case.state';
import { evolveCase } from '../../state/evolve';
import {
  CASE_ID,
  MIGRANT,
  NOW,
  SUSPECT,
  apprehended,
  arrested,
  at,
  closed,
  decisionIssued,
  detained,
  given,
  handedOver,
  leftReception,
  intentExpressed,
  opened,
  referred,
  refusalOf,
  released,
  remanded,
} from '../../testing/case-scenario';
import { recordCorrection } from '../../testing/case-commands';
import { RecordCorrection } from './record-correction.command';

const fileOf = (state: CaseState): CaseFile => {
  if (state.status === 'none') throw new Error('expected a case');
  return state;
};

/** The case as it stands once the decided events are folded into the history. */
const afterDeciding = (history: CaseEvent[], command: RecordCorrection): CaseFile => {
  const scenario = given(...history);
  return fileOf(scenario.when(command).events().reduce(evolveCase, scenario.state));
};

/** A correction as the decision makes it, to be stored in a later scenario's history. */
const decided = (history: CaseEvent[], command: RecordCorrection): CaseEvent => {
  const [correction] = given(...history)
    .when(command)
    .events();
  return correction;
};

const arrestData = (overrides: object = {}) => ({
  caseId: CASE_ID,
  personId: SUSPECT,
  recognised: false,
  nationality: 'RS',
  slovenianCitizen: false,
  place: 'Obrežje',
  personalData: null,
  ...overrides,
});

// event-1 opened 08:00, event-2 arrest 09:00, event-3 detention 09:30.
const detainedSuspect = () => [opened(), arrested(), detained()];

describe('record correction', () => {
  it('records the corrected event in full, with the reason, as of now', () => {
    const command = recordCorrection({ correctedOccurredAt: at('08:30') });
    expect(
      given(...detainedSuspect())
        .when(command)
        .events(),
    ).toEqual([
      {
        type: 'case.correction-recorded',
        schemaVersion: 1,
        occurredAt: NOW,
        data: {
          caseId: CASE_ID,
          correctedEventId: 'event-2',
          correctedEventType: 'person.suspect-arrested',
          reason: 'The arrest time was read off the wrong watch.',
          replacement: { occurredAt: '2024-03-14T08:30:00.000Z', data: arrestData() },
        },
      },
    ]);
  });

  it('corrects fields and keeps the original time when no time is given', () => {
    const command = recordCorrection({
      reason: 'Wrong place and nationality in the report.',
      changes: { place: '  Jesenice na Dolenjskem ', nationality: 'BA' },
    });
    const [correction] = given(...detainedSuspect())
      .when(command)
      .events();
    expect(correction.data).toEqual({
      caseId: CASE_ID,
      correctedEventId: 'event-2',
      correctedEventType: 'person.suspect-arrested',
      reason: 'Wrong place and nationality in the report.',
      replacement: {
        occurredAt: '2024-03-14T09:00:00.000Z',
        data: arrestData({ place: 'Jesenice na Dolenjskem', nationality: 'BA' }),
      },
    });
    expect(afterDeciding(detainedSuspect(), command).persons[SUSPECT].nationality).toBe('BA');
  });

  it('rebuilds the state from the corrected arrest time, custody clocks included', () => {
    const before = fileOf(given(...detainedSuspect()).state).persons[SUSPECT];
    expect(before.recordedAt).toEqual(at('09:00'));

    const after = afterDeciding(
      detainedSuspect(),
      recordCorrection({ correctedOccurredAt: at('08:30') }),
    ).persons[SUSPECT];
    expect(after.recordedAt).toEqual(at('08:30'));
    // Police custody runs from the deprivation of liberty, so the arrest time moves its clock.
    expect(after.custody).toEqual({
      phase: 'police-detention',
      deprivedAt: at('08:30'),
      detainedAt: at('09:30'),
      decisionIssuedAt: null,
    });
  });

  it('rebuilds the case details from a corrected opening', () => {
    const command = recordCorrection({
      correctedEventId: 'event-1',
      reason: 'Typing error.',
      correctedOccurredAt: at('07:45'),
      changes: { summary: 'Van with 14 migrants stopped near Obrežje.' },
    });
    const file = afterDeciding([opened(), arrested()], command);
    expect(file.summary).toBe('Van with 14 migrants stopped near Obrežje.');
    expect(file.openedAt).toEqual(at('07:45'));
    expect(file.borderSection).toBe('Obrežje');
  });

  it('corrects the time of an event that has no correctable fields', () => {
    const command = recordCorrection({
      correctedEventId: 'event-3',
      correctedOccurredAt: at('09:40'),
    });
    const [correction] = given(...detainedSuspect())
      .when(command)
      .events();
    expect(correction.data).toEqual({
      caseId: CASE_ID,
      correctedEventId: 'event-3',
      correctedEventType: 'custody.police-detention-started',
      reason: 'The arrest time was read off the wrong watch.',
      replacement: {
        occurredAt: '2024-03-14T09:40:00.000Z',
        data: { caseId: CASE_ID, personId: SUSPECT },
      },
    });
    const custody = afterDeciding(detainedSuspect(), command).persons[SUSPECT].custody;
    expect(custody).toEqual({
      phase: 'police-detention',
      deprivedAt: at('09:00'),
      detainedAt: at('09:40'),
      decisionIssuedAt: null,
    });
  });

  it('accepts a Slovenian nationality when the citizenship is corrected with it', () => {
    const command = recordCorrection({ changes: { nationality: 'SI', slovenianCitizen: true } });
    const person = afterDeciding(detainedSuspect(), command).persons[SUSPECT];
    expect([person.nationality, person.slovenianCitizen]).toEqual(['SI', true]);
  });

  describe('corrected again', () => {
    // event-4 is the first correction: the arrest at 08:30 in Jesenice.
    const firstCorrection = () =>
      decided(
        detainedSuspect(),
        recordCorrection({ correctedOccurredAt: at('08:30'), changes: { place: 'Jesenice' } }),
      );
    const corrected = () => [...detainedSuspect(), firstCorrection()];

    it('lets the latest correction win', () => {
      const second = decided(corrected(), recordCorrection({ correctedOccurredAt: at('08:45') }));
      const person = fileOf(given(...corrected(), second).state).persons[SUSPECT];
      expect(person.recordedAt).toEqual(at('08:45'));
      expect(person.custody).toEqual({
        phase: 'police-detention',
        deprivedAt: at('08:45'),
        detainedAt: at('09:30'),
        decisionIssuedAt: null,
      });
    });

    it('starts from the corrected event, so earlier corrected fields are kept', () => {
      const [second] = given(...corrected())
        .when(recordCorrection({ correctedOccurredAt: at('08:45') }))
        .events();
      expect(second.data).toEqual(
        expect.objectContaining({
          correctedEventId: 'event-2',
          replacement: {
            occurredAt: '2024-03-14T08:45:00.000Z',
            data: arrestData({ place: 'Jesenice' }),
          },
        }),
      );
    });

    it('may restore the original values', () => {
      const command = recordCorrection({
        correctedOccurredAt: at('09:00'),
        changes: { place: 'Obrežje' },
      });
      const person = afterDeciding(corrected(), command).persons[SUSPECT];
      expect(person.recordedAt).toEqual(at('09:00'));
    });

    it('refuses a correction that repeats the corrected values', () => {
      const command = recordCorrection({
        correctedOccurredAt: at('08:30'),
        changes: { place: 'Jesenice' },
      });
      expect(
        given(...corrected())
          .when(command)
          .refusal().code,
      ).toBe('CORRECTION.NOTHING_TO_CORRECT');
    });

    it('corrects the fact again when a correction is named', () => {
      const command = recordCorrection({
        correctedEventId: 'event-4',
        correctedOccurredAt: at('08:45'),
      });
      const [event] = given(...corrected())
        .when(command)
        .events();
      expect(event.data).toMatchObject({ correctedEventId: 'event-2' });
    });
  });

  describe('on a closed case', () => {
    // event-3 release 11:00, event-4 closure on 15 March 11:00.
    const closedCase = () => [opened(), arrested(), released(), closed()];

    it('still accepts a correction of the closure', () => {
      const command = recordCorrection({
        correctedEventId: 'event-4',
        reason: 'The closure reason was picked wrongly.',
        changes: { reason: 'other', note: ' Sent to ODT Ljubljana. ' },
      });
      expect(
        given(...closedCase())
          .when(command)
          .events(),
      ).toEqual([
        {
          type: 'case.correction-recorded',
          schemaVersion: 1,
          occurredAt: NOW,
          data: {
            caseId: CASE_ID,
            correctedEventId: 'event-4',
            correctedEventType: 'case.closed',
            reason: 'The closure reason was picked wrongly.',
            replacement: {
              occurredAt: '2024-03-15T11:00:00.000Z',
              data: { caseId: CASE_ID, reason: 'other', note: 'Sent to ODT Ljubljana.' },
            },
          },
        },
      ]);
    });

    it('still accepts a correction of an arrest, and the case stays closed', () => {
      const file = afterDeciding(
        closedCase(),
        recordCorrection({ correctedOccurredAt: at('08:30') }),
      );
      expect(file.status).toBe('closed');
      expect(file.closedAt).toEqual(at('11:00', 15));
      expect(file.persons[SUSPECT].recordedAt).toEqual(at('08:30'));
    });
  });

  it('moves an arrest before the opening of the case: the facts that led to it come first', () => {
    const [event] = given(...detainedSuspect())
      .when(recordCorrection({ correctedOccurredAt: at('07:30') }))
      .events();
    const file = given(...detainedSuspect()).after(event);
    expect(file.openedAt).toEqual(at('08:00'));
    expect(file.persons[SUSPECT].recordedAt).toEqual(at('07:30'));
  });

  describe('refuses a correction that breaks the chronology', () => {
    it.each([
      [
        'an arrest moved after the detention that followed it',
        detainedSuspect(),
        { correctedOccurredAt: at('10:00') },
        { rule: 'TIME.BEFORE_ARREST_OR_APPREHENSION', eventId: 'event-3' },
      ],
      [
        'a release moved before the detention',
        [...detainedSuspect(), released(at('11:00'))],
        { correctedEventId: 'event-4', correctedOccurredAt: at('09:15') },
        { rule: 'CUSTODY.NOT_HELD', eventId: 'event-3' },
      ],
      [
        'a detention decision moved before the detention',
        [...detainedSuspect(), decisionIssued()],
        { correctedEventId: 'event-4', correctedOccurredAt: at('09:15') },
        { rule: 'TIME.BEFORE_PREVIOUS_CUSTODY_ACT', eventId: 'event-4' },
      ],
      [
        'a referral moved after the handover of the person',
        [
          opened(),
          apprehended(),
          intentExpressed(),
          referred(),
          leftReception(),
          handedOver(at('21:00')),
        ],
        { correctedEventId: 'event-4', correctedOccurredAt: at('21:30') },
        { rule: 'PERSON.HANDED_OVER', eventId: 'event-4' },
      ],
    ])('%s', (_label, history, overrides, expected) => {
      const refusal = refusalOf(() =>
        given(...history)
          .when(recordCorrection(overrides))
          .events(),
      );
      expect(refusal.code).toBe('CORRECTION.BREAKS_CHRONOLOGY');
      expect(refusal.details).toEqual(expect.objectContaining(expected));
    });
  });

  it('names the event it cannot find', () => {
    const refusal = refusalOf(() =>
      given(...detainedSuspect())
        .when(recordCorrection({ correctedEventId: 'event-99' }))
        .events(),
    );
    expect(refusal.code).toBe('CORRECTION.UNKNOWN_EVENT');
    expect(refusal.details).toEqual({ eventId: 'event-99' });
  });

  it('names the fields that can be corrected', () => {
    const refusal = refusalOf(() =>
      given(...detainedSuspect())
        .when(recordCorrection({ changes: { personId: MIGRANT } }))
        .events(),
    );
    expect(refusal.code).toBe('CORRECTION.FIELD_NOT_CORRECTABLE');
    expect(refusal.details).toEqual({
      field: 'personId',
      correctable: ['nationality', 'slovenianCitizen', 'place'],
    });
  });

  // Keys every object inherits are no fields: the table is read by its own keys only.
  describe('refuses a key inherited by every object', () => {
    it.each([['constructor'], ['toString'], ['hasOwnProperty'], ['__proto__']])('"%s"', (field) => {
      // Parsed from JSON, as a request body is, so that "__proto__" is an own key.
      const changes = JSON.parse(`{"${field}": "x"}`) as Record<string, unknown>;
      const refusal = refusalOf(() =>
        given(...detainedSuspect())
          .when(recordCorrection({ changes }))
          .events(),
      );
      expect(refusal.code).toBe('CORRECTION.FIELD_NOT_CORRECTABLE');
      expect(refusal.details).toEqual({
        field,
        correctable: ['nationality', 'slovenianCitizen', 'place'],
      });
    });

    it('for an event with no correctable fields', () => {
      const refusal = refusalOf(() =>
        given(...detainedSuspect())
          .when(recordCorrection({ correctedEventId: 'event-3', changes: { toString: 'x' } }))
          .events(),
      );
      expect(refusal.code).toBe('CORRECTION.FIELD_NOT_CORRECTABLE');
      expect(refusal.details).toEqual({ field: 'toString', correctable: [] });
    });
  });

  const remandedSuspect = () => [opened(), arrested(), detained(), remanded()];
  const handedOverMigrant = () => [opened(), apprehended(), handedOver()];
  const closedCase = () => [opened(), closed()];

  it.each([
    ['a correction on an unknown case', [], {}, 'CASE.NOT_FOUND'],
    [
      'an unknown event',
      detainedSuspect(),
      { correctedEventId: 'nope' },
      'CORRECTION.UNKNOWN_EVENT',
    ],
    [
      'a blank reason',
      detainedSuspect(),
      { reason: '   ', correctedOccurredAt: at('08:30') },
      'CORRECTION.INVALID_REASON',
    ],
    [
      'an overlong reason',
      detainedSuspect(),
      { reason: 'x'.repeat(2001), correctedOccurredAt: at('08:30') },
      'CORRECTION.INVALID_REASON',
    ],
    [
      'a correction of the person an arrest was about',
      detainedSuspect(),
      { changes: { personId: MIGRANT } },
      'CORRECTION.FIELD_NOT_CORRECTABLE',
    ],
    [
      'a correction of the case an event belongs to',
      detainedSuspect(),
      { changes: { caseId: 'another-case' } },
      'CORRECTION.FIELD_NOT_CORRECTABLE',
    ],
    [
      'a field the event does not have',
      detainedSuspect(),
      { changes: { colour: 'blue' } },
      'CORRECTION.FIELD_NOT_CORRECTABLE',
    ],
    [
      'sealed personal data',
      detainedSuspect(),
      { changes: { personalData: null } },
      'CORRECTION.FIELD_NOT_CORRECTABLE',
    ],
    [
      'a field of an event whose only correctable part is its time',
      detainedSuspect(),
      { correctedEventId: 'event-3', changes: { personId: MIGRANT } },
      'CORRECTION.FIELD_NOT_CORRECTABLE',
    ],
    ['a blank place', detainedSuspect(), { changes: { place: '  ' } }, 'CORRECTION.INVALID_VALUE'],
    [
      'a place that is not text',
      detainedSuspect(),
      { changes: { place: 7 } },
      'CORRECTION.INVALID_VALUE',
    ],
    [
      'a citizenship that is not a yes or no',
      detainedSuspect(),
      { changes: { slovenianCitizen: 'yes' } },
      'CORRECTION.INVALID_VALUE',
    ],
    [
      'a nationality that is not text',
      detainedSuspect(),
      { changes: { nationality: 381 } },
      'CORRECTION.INVALID_VALUE',
    ],
    [
      'a nationality that is not an ISO code',
      detainedSuspect(),
      { changes: { nationality: 'Serbia' } },
      'PERSON.INVALID_NATIONALITY',
    ],
    [
      'an unknown closure reason',
      closedCase(),
      { correctedEventId: 'event-2', changes: { reason: 'solved' } },
      'CORRECTION.INVALID_VALUE',
    ],
    [
      'a note that is not text',
      closedCase(),
      { correctedEventId: 'event-2', changes: { note: 42 } },
      'CORRECTION.INVALID_VALUE',
    ],
    [
      'remand months beyond the first order',
      remandedSuspect(),
      { correctedEventId: 'event-4', changes: { months: 2 } },
      'CORRECTION.INVALID_VALUE',
    ],
    [
      'no remand grounds',
      remandedSuspect(),
      { correctedEventId: 'event-4', changes: { grounds: [] } },
      'CORRECTION.INVALID_VALUE',
    ],
    [
      'an unknown remand ground',
      remandedSuspect(),
      { correctedEventId: 'event-4', changes: { grounds: ['flight-risk', 'rudeness'] } },
      'CORRECTION.INVALID_VALUE',
    ],
    [
      'a hand-over to a country that is not a partner',
      handedOverMigrant(),
      { correctedEventId: 'event-3', changes: { country: 'RS' } },
      'CORRECTION.INVALID_VALUE',
    ],
    [
      'a Slovenian nationality without Slovenian citizenship',
      detainedSuspect(),
      { changes: { nationality: 'SI' } },
      'PERSON.INCONSISTENT_CITIZENSHIP',
    ],
    [
      'a Slovenian national as an apprehended migrant',
      handedOverMigrant(),
      { changes: { nationality: 'SI' } },
      'PERSON.SLOVENIAN_NOT_MIGRANT',
    ],
    ['a correction of nothing', detainedSuspect(), {}, 'CORRECTION.NOTHING_TO_CORRECT'],
    [
      'a correction to the same time and values',
      detainedSuspect(),
      { correctedOccurredAt: at('09:00'), changes: { place: ' Obrežje ', nationality: 'RS' } },
      'CORRECTION.NOTHING_TO_CORRECT',
    ],
    [
      'an arrest moved after a later custody act',
      detainedSuspect(),
      { correctedOccurredAt: at('09:45') },
      'CORRECTION.BREAKS_CHRONOLOGY',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(recordCorrection(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
