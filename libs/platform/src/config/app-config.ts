/**
 * Every setting comes from the environment and is checked once, at start, so a
 * bad value fails loudly with the variable's name instead of misbehaving later.
 */
export interface AppConfig {
  readonly port: number;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly kafka: {
    readonly brokers: string[];
    readonly clientId: string;
    readonly topic: string;
    readonly partitions: number;
    readonly replicationFactor: number;
    readonly minInsyncReplicas: number;
  };
  readonly relay: {
    readonly batchSize: number;
    readonly pollIntervalMs: number;
  };
  readonly projector: {
    /** Consumer group of a projection is `<prefix>.<projection name>`. */
    readonly groupPrefix: string;
  };
  readonly personalData: {
    /** Wraps each person's data key (AES-256). */
    readonly masterKey: Buffer;
    /** Keys the HMAC of document numbers and biometric references in the person register. */
    readonly identityHashKey: Buffer;
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];

  const str = (name: string, fallback?: string): string => {
    const value = env[name]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback;
    problems.push(`${name} is required`);
    return '';
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const databaseUrl = str('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }
  const brokers = str('KAFKA_BROKERS')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker)) {
      problems.push(`KAFKA_BROKERS must list host:port pairs separated by commas, got "${broker}"`);
    }
  }
  const replicationFactor = int('KAFKA_REPLICATION_FACTOR', 1, 1, 16);
  const topic = str('KAFKA_TOPIC', 'smuggling-cases.events');
  if (!/^[a-zA-Z0-9._-]{1,200}$/.test(topic)) {
    problems.push(`KAFKA_TOPIC must be a legal Kafka topic name, got "${topic}"`);
  }

  const key = (name: string, minBytes: number, maxBytes: number): Buffer => {
    const raw = str(name);
    const bytes = Buffer.from(raw, 'base64');
    if (
      raw &&
      (bytes.length < minBytes || bytes.length > maxBytes || !/^[A-Za-z0-9+/_-]+=*$/.test(raw))
    ) {
      problems.push(
        `${name} must be ${minBytes === maxBytes ? minBytes : `${minBytes} to ${maxBytes}`} random bytes in base64`,
      );
    }
    return bytes;
  };

  const config: AppConfig = {
    port: int('PORT', 3000, 0, 65535),
    databaseUrl,
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1, 500),
    kafka: {
      brokers,
      clientId: str('KAFKA_CLIENT_ID', 'smuggling-cases'),
      topic,
      partitions: int('KAFKA_PARTITIONS', 6, 1, 10_000),
      replicationFactor,
      minInsyncReplicas: int(
        'KAFKA_MIN_INSYNC_REPLICAS',
        Math.min(2, replicationFactor),
        1,
        replicationFactor,
      ),
    },
    relay: {
      batchSize: int('RELAY_BATCH_SIZE', 500, 1, 10_000),
      pollIntervalMs: int('RELAY_POLL_INTERVAL_MS', 20, 1, 60_000),
    },
    projector: {
      groupPrefix: str('PROJECTOR_GROUP_PREFIX', 'smuggling-cases.projector'),
    },
    personalData: {
      masterKey: key('PERSONAL_DATA_KEY', 32, 32),
      identityHashKey: key('IDENTITY_HASH_KEY', 32, 64),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
