import {
  CASE_EVENT_SCHEMA_VERSIONS,
  CaseEvent,
  CorrectionRecorded,
  SuspectArrested,
  caseEvent,
} from './events';
import { CASE_UPCASTERS, caseEventUpcasting, upcastCaseEvent } from './case-upcasters';
import { CaseFile } from './state/case.state';
import { foldHistory } from './state/evolve';
import { CASE_ID, SUSPECT, at, detained, opened } from './testing/case-scenario';

/** `person.suspect-arrested` exactly as schema v1 stored it: no `slovenianCitizen`. */
const arrestedV1 = (nationality: string | null, eventId = 'event-2'): CaseEvent =>
  ({
    type: 'person.suspect-arrested',
    schemaVersion: 1,
    occurredAt: at('09:00'),
    eventId,
    data: {
      caseId: CASE_ID,
      personId: SUSPECT,
      recognised: false,
      nationality,
      place: 'Obrežje',
      personalData: null,
    },
  }) as unknown as CaseEvent;

const fileOf = (history: CaseEvent[]): CaseFile => {
  const state = foldHistory(history.map((e, i) => ({ ...e, eventId: e.eventId ?? `e-${i}` })));
  if (state.status === 'none') throw new Error('expected a case');
  return state;
};

describe('case event upcasters', () => {
  it('writes person.suspect-arrested as v2 and every other case event as v1', () => {
    expect(CASE_EVENT_SCHEMA_VERSIONS['person.suspect-arrested']).toBe(2);
    expect(
      Object.entries(CASE_EVENT_SCHEMA_VERSIONS).filter(([, version]) => version !== 1),
    ).toEqual([['person.suspect-arrested', 2]]);
    const event = caseEvent<SuspectArrested>('person.suspect-arrested', at('09:00'), {
      caseId: CASE_ID,
      personId: SUSPECT,
      recognised: false,
      nationality: 'BA',
      slovenianCitizen: true,
      place: 'Obrežje',
      personalData: null,
    });
    expect(event.schemaVersion).toBe(2);
    expect(CASE_UPCASTERS.map((u) => [u.type, u.fromVersion])).toEqual([
      ['person.suspect-arrested', 1],
    ]);
  });

  it.each([
    ['SI', true],
    ['HR', false],
    [null, false],
  ])(
    'lifts a v1 arrest of nationality %s to v2 with slovenianCitizen %s',
    (nationality, citizen) => {
      const stored = arrestedV1(nationality);
      expect(upcastCaseEvent(stored)).toEqual({
        ...stored,
        schemaVersion: 2,
        data: { ...stored.data, slovenianCitizen: citizen },
      });
      // The stored event is read, never changed.
      expect(stored.schemaVersion).toBe(1);
      expect('slovenianCitizen' in stored.data).toBe(false);
    },
  );

  it('keeps what a v1 arrest that already carries slovenianCitizen says', () => {
    const stored = arrestedV1('BA');
    const withField = { ...stored, data: { ...stored.data, slovenianCitizen: true } } as CaseEvent;
    expect(upcastCaseEvent(withField).data).toMatchObject({
      nationality: 'BA',
      slovenianCitizen: true,
    });
  });

  it('returns a current event as it is', () => {
    const current = opened();
    expect(upcastCaseEvent(current)).toBe(current);
  });

  it('folds a case from a v1 arrest as from the v2 arrest it stands for', () => {
    const fromV1 = fileOf([opened(), arrestedV1('SI'), detained()].map(upcastCaseEvent));
    expect(fromV1.persons[SUSPECT]).toMatchObject({
      nationality: 'SI',
      slovenianCitizen: true,
      custody: { phase: 'police-detention', deprivedAt: at('09:00') },
    });
    const history = fromV1.history.map((e) => [e.type, e.schemaVersion]);
    expect(history).toEqual([
      ['case.opened', 1],
      ['person.suspect-arrested', 2],
      ['custody.police-detention-started', 1],
    ]);
  });

  it('lifts the replacement a correction carries of a v1 event, whose version it does not state', () => {
    const correction = caseEvent<CorrectionRecorded>('case.correction-recorded', at('12:00'), {
      caseId: CASE_ID,
      correctedEventId: 'event-2',
      correctedEventType: 'person.suspect-arrested',
      reason: 'Nationality misread.',
      // Recorded in v1 days: the corrected data has no slovenianCitizen.
      replacement: {
        occurredAt: at('09:00').toISOString(),
        data: { ...arrestedV1('HR').data, nationality: 'SI' },
      },
    });
    const lifted = upcastCaseEvent(correction);
    expect(lifted.data.replacement.data).toEqual({
      ...arrestedV1('HR').data,
      nationality: 'SI',
      slovenianCitizen: true,
    });
    expect(correction.data.replacement.data).not.toHaveProperty('slovenianCitizen');

    const file = fileOf([opened(), arrestedV1('HR'), correction].map(upcastCaseEvent));
    expect(file.persons[SUSPECT]).toMatchObject({ nationality: 'SI', slovenianCitizen: true });
  });

  it("leaves a correction's replacement that is already current as it says", () => {
    const correction = caseEvent<CorrectionRecorded>('case.correction-recorded', at('12:00'), {
      caseId: CASE_ID,
      correctedEventId: 'event-2',
      correctedEventType: 'person.suspect-arrested',
      reason: 'Dual national.',
      replacement: {
        occurredAt: at('09:00').toISOString(),
        data: { ...arrestedV1('BA').data, slovenianCitizen: true },
      },
    });
    expect(upcastCaseEvent(correction).data.replacement.data).toMatchObject({
      nationality: 'BA',
      slovenianCitizen: true,
    });
    const opening = caseEvent<CorrectionRecorded>('case.correction-recorded', at('12:00'), {
      caseId: CASE_ID,
      correctedEventId: 'event-1',
      correctedEventType: 'case.opened',
      reason: 'Typo.',
      replacement: { occurredAt: at('08:00').toISOString(), data: { ...opened().data } },
    });
    expect(upcastCaseEvent(opening)).toBe(opening);
  });

  it('refuses an event written by a newer release', () => {
    expect(() => upcastCaseEvent({ ...arrestedV1('HR'), schemaVersion: 3 })).toThrow(
      'person.suspect-arrested v3 is newer than this release reads (v2); upgrade it.',
    );
    expect(caseEventUpcasting.currentVersion('person.suspect-arrested')).toBe(2);
  });
});
