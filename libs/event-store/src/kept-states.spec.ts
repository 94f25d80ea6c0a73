import { KeptStates } from './kept-states';

describe('kept states', () => {
  it('drops the least recently used stream past its capacity', () => {
    const kept = new KeptStates(2);
    kept.keep('a', { version: 1, state: 'a1' });
    kept.keep('b', { version: 1, state: 'b1' });
    // Reading `a` makes `b` the least recently used.
    expect(kept.get('a')).toEqual({ version: 1, state: 'a1' });
    kept.keep('c', { version: 1, state: 'c1' });
    expect(kept.get('b')).toBeUndefined();
    expect(kept.get('a')).toEqual({ version: 1, state: 'a1' });
    expect(kept.get('c')).toEqual({ version: 1, state: 'c1' });
    expect(kept.size).toBe(2);
  });

  it('keeps the later of two states of a stream, whichever command finishes last', () => {
    const kept = new KeptStates(2);
    kept.keep('a', { version: 5, state: 'a5' });
    kept.keep('a', { version: 3, state: 'a3' });
    expect(kept.get('a')).toEqual({ version: 5, state: 'a5' });
    kept.keep('a', { version: 6, state: 'a6' });
    expect(kept.get('a')).toEqual({ version: 6, state: 'a6' });
  });

  it('forgets a stream, and keeps nothing with no capacity', () => {
    const kept = new KeptStates(2);
    kept.keep('a', { version: 1, state: 'a1' });
    kept.forget('a');
    expect(kept.get('a')).toBeUndefined();
    const none = new KeptStates(0);
    none.keep('a', { version: 1, state: 'a1' });
    expect(none.size).toBe(0);
  });
});
