import { freePorts } from '@app/local-infra';
import { AppConfig, createKafka, ensureTopic } from '@app/platform';
import { Logger, LoggerService } from '@nestjs/common';
import { testConfig } from '../harness/test-env';

/**
 * What kafkajs logs through the services' loggers: errors only for what needs a person. A topic
 * another service created first, or a broker that is down for a while, are expected and
 * retried, and must not page anyone.
 */
describe('kafkajs logs', () => {
  const lines: { level: string; message: string }[] = [];
  const capture = (level: string) => (message: unknown) =>
    void lines.push({ level, message: String(message) });
  const captured: LoggerService = {
    log: capture('info'),
    error: capture('error'),
    warn: capture('warn'),
    debug: capture('debug'),
    verbose: capture('verbose'),
  };
  const at = (level: string) => lines.filter((line) => line.level === level);
  // No database is opened: only the Kafka part of the configuration is used.
  const kafkaConfig = (env: Record<string, string> = {}): AppConfig['kafka'] =>
    testConfig('postgres://unused@127.0.0.1:1/unused_test', env).kafka;

  beforeEach(() => {
    lines.length = 0;
    Logger.overrideLogger(captured);
  });

  afterEach(() => {
    // As the test setup has it.
    Logger.overrideLogger(['error', 'warn']);
  });

  it('a topic that exists, also one created by another service first, is not an error', async () => {
    const config = kafkaConfig();
    await ensureTopic(createKafka(config, 'test-first'), config);
    const kafka = createKafka(config, 'test-second');
    await ensureTopic(kafka, config);
    // The race of two services starting together: both found no topic, the other created it.
    const admin = kafka.admin();
    await admin.connect();
    try {
      await expect(
        admin.createTopics({ topics: [{ topic: config.topic, numPartitions: 3 }] }),
      ).resolves.toBe(false);
    } finally {
      await admin.disconnect();
    }
    expect(at('error')).toEqual([]);
  });

  it('a broker that cannot be reached is a warning, without a stack', async () => {
    const [deadPort] = await freePorts(1);
    const admin = createKafka(kafkaConfig({ KAFKA_BROKERS: `127.0.0.1:${deadPort}` }), 'test', {
      retries: 1,
      initialRetryTime: 50,
    }).admin();
    await expect(admin.connect()).rejects.toThrow(/ECONNREFUSED/);
    expect(at('error')).toEqual([]);
    expect(at('warn').length).toBeGreaterThan(0);
    for (const line of at('warn')) {
      expect(line.message).toContain('ECONNREFUSED');
      expect(line.message).not.toMatch(/\n\s+at /);
    }
  });
});
