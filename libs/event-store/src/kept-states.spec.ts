import { KeptStates } from './kept-states';

describe('kept states', () => {
  it('drops the least recently used streams once they hold more events than it may', () => {
    const kept = new KeptStates(10);
    kept.keep('a', { version: 4, state: 'a4' });
    kept.keep('b', { version: 4, state: 'b4' });
    // Reading `a` makes `b` the least recently used.
    expect(kept.get('a')).toEqual({ version: 4, state: 'a4' });
    kept.keep('c', { version: 4, state: 'c4' });
    expect(kept.get('b')).toBeUndefined();
    expect(kept.get('a')).toEqual({ version: 4, state: 'a4' });
    expect(kept.size).toEqual({ streams: 2, events: 8 });
  });

  it('keeps the later of two states of a stream, whichever command finishes last', () => {
    const kept = new KeptStates(100);
    kept.keep('a', { version: 5, state: 'a5' });
    kept.keep('a', { version: 3, state: 'a3' });
    expect(kept.get('a')).toEqual({ version: 5, state: 'a5' });
    kept.keep('a', { version: 6, state: 'a6' });
    expect(kept.get('a')).toEqual({ version: 6, state: 'a6' });
    expect(kept.size).toEqual({ streams: 1, events: 6 });
  });

  it('forgets a stream, and keeps none longer than all it may hold', () => {
    const kept = new KeptStates(10);
    kept.keep('a', { version: 3, state: 'a3' });
    kept.forget('a');
    expect(kept.get('a')).toBeUndefined();
    kept.keep('long', { version: 11, state: 'long' });
    expect(kept.get('long')).toBeUndefined();
    expect(kept.size).toEqual({ streams: 0, events: 0 });
  });
});
