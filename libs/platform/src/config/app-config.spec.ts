import { ConfigError, loadConfig } from './app-config';

const masterKey = Buffer.alloc(32, 7);
const hashKey = Buffer.alloc(48, 9);
const minimal = {
  DATABASE_URL: 'postgres://u:p@db:5432/cases',
  KAFKA_BROKERS: 'k1:9092, k2:9092',
  PERSONAL_DATA_KEY: masterKey.toString('base64'),
  IDENTITY_HASH_KEY: hashKey.toString('base64'),
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration from the environment', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(minimal)).toEqual({
      port: 3000,
      databaseUrl: 'postgres://u:p@db:5432/cases',
      databasePoolSize: 10,
      kafka: {
        brokers: ['k1:9092', 'k2:9092'],
        clientId: 'smuggling-cases',
        topic: 'smuggling-cases.events',
        partitions: 6,
        replicationFactor: 1,
        minInsyncReplicas: 1,
      },
      relay: { batchSize: 500, pollIntervalMs: 20 },
      projector: { groupPrefix: 'smuggling-cases.projector' },
      personalData: { masterKey, identityHashKey: hashKey },
    });
  });

  it('requires two in-sync replicas by default once there are three replicas', () => {
    expect(loadConfig({ ...minimal, KAFKA_REPLICATION_FACTOR: '3' }).kafka.minInsyncReplicas).toBe(
      2,
    );
  });

  it('names every bad variable at once', () => {
    expect(
      problems({
        KAFKA_BROKERS: 'no-port',
        PORT: 'eighty',
        KAFKA_PARTITIONS: '0',
        KAFKA_TOPIC: 'bad topic',
      }),
    ).toEqual([
      'DATABASE_URL is required',
      'KAFKA_BROKERS must list host:port pairs separated by commas, got "no-port"',
      'KAFKA_TOPIC must be a legal Kafka topic name, got "bad topic"',
      'PORT must be an integer from 0 to 65535, got "eighty"',
      'KAFKA_PARTITIONS must be an integer from 1 to 10000, got "0"',
      'PERSONAL_DATA_KEY is required',
      'IDENTITY_HASH_KEY is required',
    ]);
  });

  it('refuses keys of the wrong length', () => {
    expect(
      problems({
        ...minimal,
        PERSONAL_DATA_KEY: Buffer.alloc(16).toString('base64'),
        IDENTITY_HASH_KEY: 'c2hvcnQ=',
      }),
    ).toEqual([
      'PERSONAL_DATA_KEY must be 32 random bytes in base64',
      'IDENTITY_HASH_KEY must be 32 to 64 random bytes in base64',
    ]);
  });

  it('refuses a database URL that is not Postgres', () => {
    expect(problems({ ...minimal, DATABASE_URL: 'mysql://db/cases' })).toEqual([
      'DATABASE_URL must be a postgres:// URL',
    ]);
  });
});
