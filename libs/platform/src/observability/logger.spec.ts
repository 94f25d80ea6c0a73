import { Writable } from 'node:stream';
import { PinoNestLogger, createLogger } from './logger';

/** A logger writing into an array, one parsed JSON line per entry. */
function capture(level: 'info' | 'debug' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: createLogger('projector', level, destination), lines };
}

describe('service logs', () => {
  it('writes JSON lines naming the service and the level, with credentials and bodies redacted', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def.ghi', 'x-justification': 'Marko' } },
        body: { givenName: 'Marko' },
        data: { passport: 'P1234567' },
      },
      'answered',
    );
    logger.debug('not written at info');
    expect(lines).toEqual([
      expect.objectContaining({
        service: 'projector',
        level: 'info',
        msg: 'answered',
        req: { headers: { authorization: '[redacted]', 'x-justification': '[redacted]' } },
        body: '[redacted]',
        data: '[redacted]',
      }),
    ]);
    expect(typeof lines[0].time).toBe('string');
  });

  it("gives Nest's loggers their name as context, errors their stack, objects as fields", () => {
    const { logger, lines } = capture('debug');
    const nest = new PinoNestLogger(logger);
    nest.log('started', 'RelayLifecycle');
    nest.warn({ msg: 'applied', partition: 2, correlationIds: ['c-1'] }, 'projection cases');
    nest.error('failed: boom', 'Error: boom\n    at x (y.js:1:1)', 'HTTP');
    nest.error('failed without a context', 'Error: boom\n    at x (y.js:1:1)');
    nest.debug('plain');
    expect(
      lines.map(({ level, context, msg, stack, partition, correlationIds }) => ({
        level,
        context,
        msg,
        stack,
        partition,
        correlationIds,
      })),
    ).toEqual([
      { level: 'info', context: 'RelayLifecycle', msg: 'started' },
      {
        level: 'warn',
        context: 'projection cases',
        msg: 'applied',
        partition: 2,
        correlationIds: ['c-1'],
      },
      {
        level: 'error',
        context: 'HTTP',
        msg: 'failed: boom',
        stack: 'Error: boom\n    at x (y.js:1:1)',
      },
      {
        level: 'error',
        msg: 'failed without a context',
        stack: 'Error: boom\n    at x (y.js:1:1)',
      },
      { level: 'debug', msg: 'plain' },
    ]);
  });
});
