import { redactSealedData } from './redact-sealed-data';

const PERSON = '5a1d0d0e-1111-4e5f-8a9b-000000000001';
const sealed = { scheme: 'aes-256-gcm.v1', personId: PERSON, ciphertext: 'c2VhbGVk' };
const redacted = { scheme: 'aes-256-gcm.v1', personId: PERSON, sealed: true };

describe('redacting sealed personal data in a history', () => {
  it('reduces sealed data to its scheme and person, wherever it sits', () => {
    expect(
      redactSealedData({
        personId: PERSON,
        personalData: sealed,
        replacement: { occurredAt: '2024-03-14T09:00:00.000Z', data: { personalData: sealed } },
        list: [sealed, 1, null],
      }),
    ).toEqual({
      personId: PERSON,
      personalData: redacted,
      replacement: { occurredAt: '2024-03-14T09:00:00.000Z', data: { personalData: redacted } },
      list: [redacted, 1, null],
    });
  });

  it('leaves everything else as stored, without changing the stored object', () => {
    const data = {
      personalData: null,
      note: 'ciphertext',
      partly: { scheme: 'x', personId: PERSON },
      nested: { a: [{ b: 'c' }] },
    };
    const copy = structuredClone(data);
    expect(redactSealedData(data)).toEqual(copy);
    expect(redactSealedData({ data: { ...data, sealed } })).toEqual({
      data: { ...copy, sealed: redacted },
    });
    expect(data).toEqual(copy);
    expect(redactSealedData('text')).toBe('text');
  });
});
