import { Wakeup } from './outbox-relay';

describe("the relay's wait between rounds", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settled = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    return () => done;
  };

  it('lasts its time when nothing wakes it', async () => {
    const wakeup = new Wakeup();
    const over = settled(wakeup.wait(1000));
    await jest.advanceTimersByTimeAsync(999);
    expect(over()).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(over()).toBe(true);
  });

  it('ends at a wake', async () => {
    const wakeup = new Wakeup();
    const over = settled(wakeup.wait(60_000));
    wakeup.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(over()).toBe(true);
  });

  it('keeps a wake that came during a round for the next wait, and only for that one', async () => {
    const wakeup = new Wakeup();
    wakeup.wake();
    const first = settled(wakeup.wait(60_000));
    await jest.advanceTimersByTimeAsync(0);
    expect(first()).toBe(true);
    const second = settled(wakeup.wait(60_000));
    await jest.advanceTimersByTimeAsync(59_999);
    expect(second()).toBe(false);
  });
});
