import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig, loadTracingConfig } from './app-config';

const masterKey = Buffer.alloc(32, 7);
const hashKey = Buffer.alloc(48, 9);
const authSecret = Buffer.alloc(32, 5);
const minimal = {
  DATABASE_URL: 'postgres://u:p@db:5432/cases',
  KAFKA_BROKERS: 'k1:9092, k2:9092',
  PERSONAL_DATA_KEY: masterKey.toString('base64'),
  IDENTITY_HASH_KEY: hashKey.toString('base64'),
  AUTH_JWT_SECRET: authSecret.toString('base64'),
};
const publicKeyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

function problems(env: Record<string, string | undefined>): string[] {
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
      custodyDesk: {
        staleAfterHours: 72,
        reminderBeforeMinutes: 60,
        safeguardReminderAfterMinutes: 120,
        tickMs: 1000,
        heartbeatMs: 15_000,
      },
      console: { localSignIn: false, oidc: null },
      kafka: {
        brokers: ['k1:9092', 'k2:9092'],
        clientId: 'smuggling-cases',
        topic: 'smuggling-cases.events',
        partitions: 6,
        replicationFactor: 1,
        minInsyncReplicas: 1,
      },
      relay: { batchSize: 500, pollIntervalMs: 1000 },
      projector: {
        groupPrefix: 'smuggling-cases.projector',
        poisonPolicy: 'stop',
        sessionTimeoutMs: 10_000,
      },
      shutdownGraceMs: 10_000,
      personalData: { masterKey, identityHashKey: hashKey },
      auth: {
        key: { kind: 'secret', secret: authSecret },
        algorithms: ['HS256'],
        issuer: 'smuggling-cases-local',
        audience: 'smuggling-cases-api',
        clockToleranceSeconds: 5,
      },
      http: {
        rateLimitPerMinute: 600,
        corsOrigins: [],
        readWaitMaxMs: 5000,
        server: {
          keepAliveTimeoutMs: 65_000,
          headersTimeoutMs: 66_000,
          requestTimeoutMs: 120_000,
          maxConnections: 1_000,
        },
      },
      observability: {
        logLevel: 'info',
        tracing: { enabled: false, endpoint: 'http://localhost:4318', serviceName: undefined },
      },
    });
  });

  it('reads the log level and switches tracing on with the standard OTEL_* variables', () => {
    const config = loadConfig({
      ...minimal,
      LOG_LEVEL: 'WARN',
      OTEL_ENABLED: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector.monitoring:4318/',
      OTEL_SERVICE_NAME: 'cases-api',
    });
    expect(config.observability).toEqual({
      logLevel: 'warn',
      tracing: {
        enabled: true,
        endpoint: 'http://collector.monitoring:4318',
        serviceName: 'cases-api',
      },
    });
    expect(loadTracingConfig({ OTEL_ENABLED: 'false' })).toEqual({
      enabled: false,
      endpoint: 'http://localhost:4318',
      serviceName: undefined,
    });
  });

  it('names a bad log level, tracing switch or collector URL', () => {
    const bad = {
      LOG_LEVEL: 'loud',
      OTEL_ENABLED: 'yes',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'collector',
    };
    expect(problems({ ...minimal, ...bad })).toEqual([
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "collector"',
      'OTEL_ENABLED must be true or false, got "yes"',
    ]);
    expect(() => loadTracingConfig(bad)).toThrow(
      'Invalid configuration:\n  - OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "collector"\n' +
        '  - OTEL_ENABLED must be true or false, got "yes"',
    );
  });

  it('stops a projection at an event it cannot apply unless told to skip it', () => {
    expect(loadConfig({ ...minimal, PROJECTION_POISON_POLICY: 'Skip' }).projector).toEqual({
      groupPrefix: 'smuggling-cases.projector',
      poisonPolicy: 'skip',
      sessionTimeoutMs: 10_000,
    });
    expect(problems({ ...minimal, PROJECTION_POISON_POLICY: 'ignore' })).toEqual([
      'PROJECTION_POISON_POLICY must be one of stop, skip, got "ignore"',
    ]);
  });

  it('bounds the shutdown grace and the projector session within what the broker accepts', () => {
    const config = loadConfig({
      ...minimal,
      SHUTDOWN_GRACE_MS: '20000',
      PROJECTOR_SESSION_TIMEOUT_MS: '6000',
    });
    expect([config.shutdownGraceMs, config.projector.sessionTimeoutMs]).toEqual([20_000, 6_000]);
    expect(
      problems({ ...minimal, SHUTDOWN_GRACE_MS: '0', PROJECTOR_SESSION_TIMEOUT_MS: '5000' }),
    ).toEqual([
      'PROJECTOR_SESSION_TIMEOUT_MS must be an integer from 6000 to 1800000, got "5000"',
      'SHUTDOWN_GRACE_MS must be an integer from 1000 to 120000, got "0"',
    ]);
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
      'one of AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL is required',
    ]);
  });

  it('refuses keys of the wrong length', () => {
    expect(
      problems({
        ...minimal,
        PERSONAL_DATA_KEY: Buffer.alloc(16).toString('base64'),
        IDENTITY_HASH_KEY: 'c2hvcnQ=',
        AUTH_JWT_SECRET: 'too-short',
      }),
    ).toEqual([
      'PERSONAL_DATA_KEY must be 32 random bytes in base64',
      'IDENTITY_HASH_KEY must be 32 to 64 random bytes in base64',
      'AUTH_JWT_SECRET must be at least 32 random bytes in base64',
    ]);
  });

  it('refuses a database URL that is not Postgres', () => {
    expect(problems({ ...minimal, DATABASE_URL: 'mysql://db/cases' })).toEqual([
      'DATABASE_URL must be a postgres:// URL',
    ]);
  });

  describe('token verification', () => {
    const withoutSecret = { ...minimal, AUTH_JWT_SECRET: undefined };

    it('takes an identity provider public key given on one line, with RS256 by default', () => {
      const config = loadConfig({
        ...withoutSecret,
        AUTH_PUBLIC_KEY: publicKeyPem.replace(/\n/g, '\\n'),
        AUTH_JWT_ALGORITHMS: 'ES256',
        AUTH_ISSUER: 'https://idp.police.example/realms/cases',
      });
      expect(config.auth).toMatchObject({
        key: { kind: 'public-key', pem: publicKeyPem.trim() },
        algorithms: ['ES256'],
        issuer: 'https://idp.police.example/realms/cases',
      });
      expect(
        loadConfig({ ...withoutSecret, AUTH_JWKS_URL: 'https://idp.example/certs' }).auth,
      ).toMatchObject({
        key: { kind: 'jwks', url: 'https://idp.example/certs' },
        algorithms: ['RS256'],
      });
    });

    it('refuses two key sources, `none` and shared-secret algorithms with a public key', () => {
      expect(problems({ ...minimal, AUTH_JWKS_URL: 'https://idp.example/certs' })).toEqual([
        'only one of AUTH_JWT_SECRET, AUTH_PUBLIC_KEY and AUTH_JWKS_URL may be set',
      ]);
      expect(
        problems({
          ...withoutSecret,
          AUTH_JWKS_URL: 'https://idp.example/certs',
          AUTH_JWT_ALGORITHMS: 'RS256,none,HS256',
        }),
      ).toEqual([expect.stringContaining('got "none"'), expect.stringContaining('got "HS256"')]);
    });

    it('refuses a key that is not a PEM public key and a JWKS URL that is not http(s)', () => {
      expect(problems({ ...withoutSecret, AUTH_PUBLIC_KEY: 'secret' })).toEqual([
        'AUTH_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)',
      ]);
      expect(problems({ ...withoutSecret, AUTH_JWKS_URL: 'file:///etc/keys' })).toEqual([
        'AUTH_JWKS_URL must be an http(s) URL',
      ]);
    });
  });

  describe("the console's identity provider", () => {
    const provider = {
      ...minimal,
      AUTH_JWT_SECRET: undefined,
      AUTH_JWKS_URL: 'https://login.policija.si/realms/police/certs',
      AUTH_ISSUER: 'https://login.policija.si/realms/police',
    };

    it('reads the provider the console signs in at, with the openid scope by default', () => {
      expect(
        loadConfig({
          ...provider,
          CONSOLE_OIDC_ISSUER: 'https://login.policija.si/realms/police',
          CONSOLE_OIDC_CLIENT_ID: 'smuggling-console',
        }).console.oidc,
      ).toEqual({
        issuer: 'https://login.policija.si/realms/police',
        clientId: 'smuggling-console',
        scope: 'openid',
      });
    });

    it('refuses a provider the API does not trust, half a setting, and an address that is no URL', () => {
      expect(
        problems({
          ...provider,
          CONSOLE_OIDC_ISSUER: 'https://elsewhere.example',
          CONSOLE_OIDC_CLIENT_ID: 'smuggling-console',
        }),
      ).toEqual(['CONSOLE_OIDC_ISSUER must be the issuer the API trusts (AUTH_ISSUER)']);
      expect(
        problems({ ...provider, CONSOLE_OIDC_ISSUER: 'https://login.policija.si/realms/police' }),
      ).toEqual(['CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID go together']);
      expect(
        problems({
          ...provider,
          AUTH_ISSUER: 'login',
          CONSOLE_OIDC_ISSUER: 'login',
          CONSOLE_OIDC_CLIENT_ID: 'smuggling-console',
        }),
      ).toEqual(['CONSOLE_OIDC_ISSUER must be an http(s) URL, got "login"']);
    });
  });

  it("reads the HTTP server's timeouts and refuses a headers timeout beyond the request's", () => {
    expect(
      loadConfig({
        ...minimal,
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
        HTTP_HEADERS_TIMEOUT_MS: '2000',
        HTTP_REQUEST_TIMEOUT_MS: '3000',
        HTTP_MAX_CONNECTIONS: '10',
      }).http.server,
    ).toEqual({
      keepAliveTimeoutMs: 1000,
      headersTimeoutMs: 2000,
      requestTimeoutMs: 3000,
      maxConnections: 10,
    });
    expect(problems({ ...minimal, HTTP_REQUEST_TIMEOUT_MS: '60000' })).toEqual([
      'HTTP_HEADERS_TIMEOUT_MS (66000) may not exceed HTTP_REQUEST_TIMEOUT_MS (60000): the request timeout covers the headers too',
    ]);
    expect(
      problems({ ...minimal, HTTP_KEEP_ALIVE_TIMEOUT_MS: '0', HTTP_MAX_CONNECTIONS: '0' }),
    ).toEqual([
      'HTTP_KEEP_ALIVE_TIMEOUT_MS must be an integer from 1000 to 3600000, got "0"',
      'HTTP_MAX_CONNECTIONS must be an integer from 1 to 1000000, got "0"',
    ]);
  });

  it('keeps CORS closed unless origins are listed, and refuses what is not an origin', () => {
    expect(
      loadConfig({
        ...minimal,
        CORS_ORIGINS: 'https://cases.police.example, http://localhost:5173',
      }).http.corsOrigins,
    ).toEqual(['https://cases.police.example', 'http://localhost:5173']);
    expect(problems({ ...minimal, CORS_ORIGINS: '*' })).toEqual([
      'CORS_ORIGINS must list origins such as https://host:port, got "*"',
    ]);
  });
});
