import { UnknownSchemaVersionError, Upcaster, Upcasting } from './upcasting';

const renamed: Upcaster = {
  type: 'thing.done',
  fromVersion: 1,
  upcast: ({ name, ...rest }) => ({ ...rest, title: rest.title ?? name }),
};
const counted: Upcaster = {
  type: 'thing.done',
  fromVersion: 2,
  upcast: (data) => ({ ...data, count: data.count ?? 1 }),
};

describe('upcasting', () => {
  const upcasting = new Upcasting({ 'thing.done': 3, 'thing.undone': 1 }, [counted, renamed]);

  it('lifts an event through every step from its version to the current one, in order', () => {
    expect(
      upcasting.upcast({ type: 'thing.done', schemaVersion: 1, data: { name: 'a' }, extra: 7 }),
    ).toEqual({ type: 'thing.done', schemaVersion: 3, data: { title: 'a', count: 1 }, extra: 7 });
    expect(
      upcasting.upcast({ type: 'thing.done', schemaVersion: 2, data: { title: 'b' } }),
    ).toEqual({ type: 'thing.done', schemaVersion: 3, data: { title: 'b', count: 1 } });
  });

  it('returns a current event, or one of a type it does not know, as it is', () => {
    const current = { type: 'thing.done', schemaVersion: 3, data: { title: 'c', count: 2 } };
    const other = { type: 'thing.other', schemaVersion: 4, data: { x: 1 } };
    expect(upcasting.upcast(current)).toBe(current);
    expect(upcasting.upcast(other)).toBe(other);
    expect(upcasting.currentVersion('thing.done')).toBe(3);
    expect(upcasting.currentVersion('thing.other')).toBe(1);
  });

  it('does not change the stored data it reads', () => {
    const data = Object.freeze({ name: 'd' });
    upcasting.upcast({ type: 'thing.done', schemaVersion: 1, data });
    expect(data).toEqual({ name: 'd' });
  });

  it('refuses an event newer than this release knows, and a version that is none', () => {
    expect(() => upcasting.upcast({ type: 'thing.done', schemaVersion: 4, data: {} })).toThrow(
      UnknownSchemaVersionError,
    );
    expect(() => upcasting.upcast({ type: 'thing.done', schemaVersion: 0, data: {} })).toThrow(
      'thing.done has no schema version 0.',
    );
  });

  it('refuses at construction a missing step, a duplicate, or a step past the current version', () => {
    expect(() => new Upcasting({ 'thing.done': 3 }, [renamed])).toThrow(
      'No upcaster for thing.done@v2 (current is v3).',
    );
    expect(() => new Upcasting({ 'thing.done': 2 }, [renamed, renamed])).toThrow(
      'Two upcasters for thing.done@v1.',
    );
    expect(() => new Upcasting({ 'thing.done': 2 }, [renamed, counted])).toThrow(
      'Upcaster thing.done@v2 does not lead to the current version of its type.',
    );
    expect(() => new Upcasting({}, [renamed])).toThrow(
      'Upcaster thing.done@v1 does not lead to the current version of its type.',
    );
  });
});
