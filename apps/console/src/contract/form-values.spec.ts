import { body, hasField, initial, withValue } from './form-values';
import type { Schema } from './request-schema';

const arrest: Schema = {
  type: 'object',
  required: ['occurredAt', 'nationality', 'slovenianCitizen', 'place'],
  properties: {
    occurredAt: { type: 'string', format: 'date-time' },
    nationality: { type: 'string' },
    slovenianCitizen: { type: 'boolean' },
    place: { type: 'string' },
    person: {
      type: 'object',
      required: ['givenName'],
      properties: { givenName: { type: 'string' }, documents: { type: 'array', items: {} } },
    },
  },
};
const group: Schema = {
  type: 'object',
  required: ['migrants'],
  properties: {
    months: { type: 'integer' },
    migrants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['minor'],
        properties: { nationality: { type: 'string' }, minor: { type: 'boolean' } },
      },
    },
  },
};

describe("a command's form values", () => {
  it('start with the time now in Ljubljana, flags off, and optional parts absent', () => {
    const value = initial(arrest, true) as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(['occurredAt', 'slovenianCitizen']);
    expect(value.slovenianCitizen).toBe(false);
    expect(value.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(initial(group, true)).toEqual({ migrants: [] });
  });

  it('change one field without touching the rest, and drop a field emptied', () => {
    const before = { place: 'Obrežje', migrants: [{ minor: false }] };
    const after = withValue(before, ['migrants', 0, 'nationality'], 'SY');
    expect(after).toEqual({ place: 'Obrežje', migrants: [{ minor: false, nationality: 'SY' }] });
    expect(before).toEqual({ place: 'Obrežje', migrants: [{ minor: false }] });
    expect(withValue(after, ['place'], undefined)).toEqual({
      migrants: [{ minor: false, nationality: 'SY' }],
    });
  });

  it('are sent as the API takes them: empty fields left out, instants, numbers', () => {
    expect(
      body(arrest, {
        occurredAt: '2024-03-13T21:40',
        nationality: '',
        slovenianCitizen: false,
        place: 'Obrežje',
      }),
    ).toEqual({
      occurredAt: '2024-03-13T20:40:00.000Z',
      slovenianCitizen: false,
      place: 'Obrežje',
    });
    expect(body(group, { months: '2', migrants: [{ minor: true, nationality: 'AF' }] })).toEqual({
      months: 2,
      migrants: [{ minor: true, nationality: 'AF' }],
    });
    // A time that names no instant goes as typed, for the API to say what is wrong with it.
    expect(body(arrest, { occurredAt: 'soon' })).toEqual({ occurredAt: 'soon' });
  });

  it("know which of the API's problem fields the form shows", () => {
    expect(hasField(group, 'migrants.3.nationality')).toBe(true);
    expect(hasField(arrest, 'person.givenName')).toBe(true);
    expect(hasField(arrest, 'withdrawnEventId')).toBe(false);
    expect(hasField(arrest, 'person.documents.0.number')).toBe(false);
  });
});
