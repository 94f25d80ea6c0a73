import { RestartBackoff } from './supervisor';

describe('the wait before `up` restarts a process', () => {
  it('doubles from 1 s to 30 s while the process dies soon after each start', () => {
    let now = 0;
    const backoff = new RestartBackoff(() => now);
    const delays: number[] = [];
    for (let death = 0; death < 8; death++) {
      backoff.started();
      now += 500;
      delays.push(backoff.next());
      now += delays[delays.length - 1];
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts again from 1 s after a process that ran steadily for a minute', () => {
    let now = 0;
    const backoff = new RestartBackoff(() => now);
    backoff.started();
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([1000, 2000, 4000]);
    backoff.started();
    now += 60_000;
    expect(backoff.next()).toBe(1000);
    backoff.started();
    now += 59_999;
    expect(backoff.next()).toBe(2000);
  });
});
