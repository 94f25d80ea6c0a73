import { canonicalJson } from './request-context';

describe('canonical JSON for idempotency hashes', () => {
  it('does not depend on the order of keys, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
  });

  it('distinguishes different values and keeps array order', () => {
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });

  it('writes dates as instants and leaves out undefined properties', () => {
    expect(canonicalJson({ at: new Date('2024-03-13T21:15:00Z'), gone: undefined })).toBe(
      '{"at":"2024-03-13T21:15:00.000Z"}',
    );
  });
});
