import { Logger } from '@nestjs/common';
import { StartAbandoned, abandonWaits, untilAvailable } from './until-available';

/** A failure as pg gives it when nothing listens on the port. */
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
    syscall: 'connect',
  });

describe('untilAvailable', () => {
  let warnings: string[];
  let logger: Logger;

  beforeEach(() => {
    jest.useFakeTimers();
    warnings = [];
    logger = new Logger('test');
    jest.spyOn(logger, 'warn').mockImplementation((message: string) => void warnings.push(message));
    jest.spyOn(logger, 'log').mockImplementation(() => undefined);
  });

  afterEach(() => jest.useRealTimers());

  /** An attempt that fails `times` times as an outage, then answers `done`. */
  const failing = (times: number) => {
    let calls = 0;
    return {
      attempt: async () => {
        calls++;
        if (calls <= times) throw refused();
        return 'done';
      },
      calls: () => calls,
    };
  };

  it('waits out an outage, one warning per attempt, waiting 1 s doubling up to 30 s', async () => {
    const dependency = failing(7);
    const result = untilAvailable('Postgres', 'connecting', dependency.attempt, logger);
    await jest.advanceTimersByTimeAsync(120_000);
    await expect(result).resolves.toBe('done');
    expect(dependency.calls()).toBe(8);
    const waits = warnings.map((line) => Number(/next attempt in (\d+) ms$/.exec(line)?.[1]));
    // Each wait is its step shortened by at most a fifth.
    const steps = [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000];
    expect(waits.map((ms, i) => ms <= steps[i] && ms >= steps[i] * 0.8)).toEqual(
      steps.map(() => true),
    );
    expect(warnings[0]).toMatch(
      /^Postgres is unavailable \(connecting\): connect ECONNREFUSED 127\.0\.0\.1:5432; next attempt in \d+ ms$/,
    );
  });

  it('throws at once what is not an outage: that needs a person', async () => {
    const wrongPassword = Object.assign(new Error('password authentication failed'), {
      code: '28P01',
    });
    await expect(
      untilAvailable('Postgres', 'connecting', () => Promise.reject(wrongPassword), logger),
    ).rejects.toBe(wrongPassword);
    expect(warnings).toEqual([]);
  });

  // Last: the stop is for the whole process, as the signals are.
  it('gives up when the process is asked to stop, during a wait or an attempt', async () => {
    const waiting = untilAvailable(
      'Kafka',
      'creating the event topic',
      failing(100).attempt,
      logger,
    );
    const stuck = untilAvailable('Kafka', 'joining', () => new Promise<never>(() => undefined));
    await jest.advanceTimersByTimeAsync(10);
    abandonWaits();
    await expect(waiting).rejects.toBeInstanceOf(StartAbandoned);
    await expect(stuck).rejects.toBeInstanceOf(StartAbandoned);
    const later = failing(0);
    await expect(untilAvailable('Kafka', 'later', later.attempt, logger)).rejects.toBeInstanceOf(
      StartAbandoned,
    );
    expect(later.calls()).toBe(0);
  });
});
