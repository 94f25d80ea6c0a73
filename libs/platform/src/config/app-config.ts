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
    /** What a projection does with an event it cannot apply, once it is dead-lettered. */
    readonly poisonPolicy: PoisonPolicy;
    /**
     * How long the broker waits for a projector that stopped heartbeating before handing its
     * partitions to another: a projector killed outright is replaced after about this long.
     */
    readonly sessionTimeoutMs: number;
  };
  /** On SIGTERM a service finishes its work in flight within this, or exits with code 1. */
  readonly shutdownGraceMs: number;
  readonly personalData: {
    /** Wraps each person's data key (AES-256). */
    readonly masterKey: Buffer;
    /** Keys the HMAC of document numbers and biometric references in the person register. */
    readonly identityHashKey: Buffer;
  };
  readonly auth: AuthConfig;
  readonly http: {
    /** Requests per minute one caller (a token's subject, or an address) may make. */
    readonly rateLimitPerMinute: number;
    /** Browser origins allowed by CORS; none by default. */
    readonly corsOrigins: string[];
    /** How long a query given `minPosition` waits for its read model to reach it. */
    readonly readWaitMaxMs: number;
    readonly server: HttpServerConfig;
  };
  readonly observability: ObservabilityConfig;
  readonly custodyDesk: CustodyDeskConfig;
  readonly console: {
    /**
     * The console offers a sign-in as any role and directorate, its token signed with the
     * local shared secret: for a local run only (`npm start` sets it), never with an identity
     * provider.
     */
    readonly localSignIn: boolean;
    /**
     * The identity provider the console signs in at (OpenID Connect, authorization code with
     * PKCE, a public client): the one whose tokens the API trusts (AUTH_ISSUER).
     */
    readonly oidc: ConsoleOidcConfig | null;
  };
}

export interface ConsoleOidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

/** The custody desk's tolerances: operational choices, not the law. */
export interface CustodyDeskConfig {
  /** Held on no lawful ground for longer than this, a person is listed apart as stale. */
  readonly staleAfterHours: number;
  /** A reminder is sent when a running clock has this much left. */
  readonly reminderBeforeMinutes: number;
  /** A reminder is sent when a safeguard has been owed and open this long. */
  readonly safeguardReminderAfterMinutes: number;
  /** How often the stream looks for board changes and reminders fall due. */
  readonly tickMs: number;
  /** A comment line keeps idle streams open through proxies. */
  readonly heartbeatMs: number;
}

/** The API's HTTP server: how long it waits for a client, and how many it serves at once. */
export interface HttpServerConfig {
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
  /** A request's headers must have arrived within this of its first byte, or it gets 408. */
  readonly headersTimeoutMs: number;
  /** The whole request, headers and body, must have arrived within this, or it gets 408. */
  readonly requestTimeoutMs: number;
  /** Connections beyond this many open ones are closed as they come. */
  readonly maxConnections: number;
}

/**
 * `stop`: the projection stops at the event (its read model stays right but falls behind);
 * `skip`: it goes on without the event and without the rest of its stream (those read rows
 * stay behind, the others move on).
 */
export const POISON_POLICIES = ['stop', 'skip'] as const;
export type PoisonPolicy = (typeof POISON_POLICIES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Logs, and traces when switched on; metrics need no setting. */
export interface ObservabilityConfig {
  /** The least severe level written (JSON lines on stdout). */
  readonly logLevel: LogLevel;
  readonly tracing: TracingConfig;
}

/**
 * OpenTelemetry tracing, off unless OTEL_ENABLED=true. The SDK also reads the other standard
 * OTEL_* variables (sampler, headers, resource attributes) itself.
 */
export interface TracingConfig {
  readonly enabled: boolean;
  /** The OTLP/HTTP collector; traces go to `<endpoint>/v1/traces`. */
  readonly endpoint: string;
  /** The service name on the spans; each app's own name unless set. */
  readonly serviceName: string | undefined;
}

/**
 * How bearer tokens are verified: exactly one key source. A shared secret (HS256) is for
 * local runs; an identity provider signs with a private key and publishes the public one,
 * given here as a PEM or as its JWKS URL.
 */
export interface AuthConfig {
  readonly key:
    | { readonly kind: 'secret'; readonly secret: Buffer }
    | { readonly kind: 'public-key'; readonly pem: string }
    | { readonly kind: 'jwks'; readonly url: string };
  /** Accepted signing algorithms; never `none`, never HS* with a public key. */
  readonly algorithms: string[];
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceSeconds: number;
}

const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads variables and collects every problem, so that one start names all of them. */
class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    return this.env[name]?.trim() || undefined;
  }

  str(name: string, fallback?: string): string {
    const value = this.raw(name);
    if (value) return value;
    if (fallback !== undefined) return fallback;
    this.problems.push(`${name} is required`);
    return '';
  }

  list(name: string, fallback = ''): string[] {
    return (this.raw(name) ?? fallback)
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.raw(name);
    if (!raw) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.raw(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    this.problems.push(`${name} must be true or false, got "${this.raw(name)}"`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.raw(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${this.raw(name)}"`);
    return fallback;
  }

  /** Random bytes given in base64. */
  key(name: string, minBytes: number, maxBytes: number, raw = this.str(name)): Buffer {
    const bytes = Buffer.from(raw, 'base64');
    if (
      raw &&
      (bytes.length < minBytes || bytes.length > maxBytes || !/^[A-Za-z0-9+/_-]+=*$/.test(raw))
    ) {
      const size =
        maxBytes === Infinity
          ? `at least ${minBytes}`
          : minBytes === maxBytes
            ? `${minBytes}`
            : `${minBytes} to ${maxBytes}`;
      this.problems.push(`${name} must be ${size} random bytes in base64`);
    }
    return bytes;
  }

  done<T>(config: T): T {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
    return config;
  }
}

function readAuth(read: EnvReader): AuthConfig {
  const secret = read.raw('AUTH_JWT_SECRET');
  const pem = read.raw('AUTH_PUBLIC_KEY');
  const url = read.raw('AUTH_JWKS_URL');
  const given = [secret, pem, url].filter(Boolean).length;
  if (given !== 1) {
    read.problems.push(
      given === 0
        ? 'one of AUTH_JWT_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS_URL is required'
        : 'only one of AUTH_JWT_SECRET, AUTH_PUBLIC_KEY and AUTH_JWKS_URL may be set',
    );
  }
  const common = {
    issuer: read.str('AUTH_ISSUER', 'smuggling-cases-local'),
    audience: read.str('AUTH_AUDIENCE', 'smuggling-cases-api'),
    clockToleranceSeconds: read.int('AUTH_CLOCK_TOLERANCE_SECONDS', 5, 0, 300),
  };
  if (secret || given === 0) {
    const key = read.key('AUTH_JWT_SECRET', 32, Infinity, secret ?? '');
    return { ...common, key: { kind: 'secret', secret: key }, algorithms: ['HS256'] };
  }
  const algorithms = read.list('AUTH_JWT_ALGORITHMS', 'RS256');
  for (const algorithm of algorithms) {
    if (!ASYMMETRIC_ALGORITHMS.includes(algorithm)) {
      read.problems.push(
        `AUTH_JWT_ALGORITHMS may list only ${ASYMMETRIC_ALGORITHMS.join(', ')}, got "${algorithm}"`,
      );
    }
  }
  if (pem) {
    // Environments often carry a PEM on one line, with its line breaks written as \n.
    const text = pem.replace(/\\n/g, '\n').trim();
    if (!text.startsWith('-----BEGIN PUBLIC KEY-----')) {
      read.problems.push('AUTH_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)');
    }
    return { ...common, key: { kind: 'public-key', pem: text }, algorithms };
  }
  if (!/^https?:\/\/\S+$/.test(url!)) read.problems.push('AUTH_JWKS_URL must be an http(s) URL');
  return { ...common, key: { kind: 'jwks', url: url! }, algorithms };
}

function readTracing(read: EnvReader): TracingConfig {
  const endpoint = read.str('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://localhost:4318');
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(endpoint)) {
    read.problems.push(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  }
  return {
    enabled: read.bool('OTEL_ENABLED', false),
    endpoint: endpoint.replace(/\/+$/, ''),
    serviceName: read.raw('OTEL_SERVICE_NAME'),
  };
}

/** Set by CONSOLE_OIDC_ISSUER with CONSOLE_OIDC_CLIENT_ID; none when neither is. */
function readConsoleOidc(read: EnvReader): ConsoleOidcConfig | null {
  const issuer = read.raw('CONSOLE_OIDC_ISSUER');
  const clientId = read.raw('CONSOLE_OIDC_CLIENT_ID');
  if (!issuer && !clientId) return null;
  if (!issuer || !clientId) {
    read.problems.push('CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID go together');
  }
  if (issuer && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(issuer)) {
    read.problems.push(`CONSOLE_OIDC_ISSUER must be an http(s) URL, got "${issuer}"`);
  }
  return {
    issuer: issuer ?? '',
    clientId: clientId ?? '',
    scope: read.str('CONSOLE_OIDC_SCOPE', 'openid'),
  };
}

function readHttpServer(read: EnvReader): HttpServerConfig {
  const hour = 3_600_000;
  const server = {
    // Longer than any client's or load balancer's idle timeout (undici's is 4 s, load
    // balancers' often 60 s): the client then always closes an idle connection first. A server
    // that closes first races the request the client sends on it at that moment, which fails
    // with "other side closed".
    keepAliveTimeoutMs: read.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000, 1_000, hour),
    // Above the keep-alive timeout, as load balancers' guides ask of their targets.
    headersTimeoutMs: read.int('HTTP_HEADERS_TIMEOUT_MS', 66_000, 1_000, hour),
    // Bodies are at most 64 kB: two minutes is generous for any client that is really sending.
    requestTimeoutMs: read.int('HTTP_REQUEST_TIMEOUT_MS', 120_000, 1_000, hour),
    maxConnections: read.int('HTTP_MAX_CONNECTIONS', 1_000, 1, 1_000_000),
  };
  if (server.headersTimeoutMs > server.requestTimeoutMs) {
    read.problems.push(
      `HTTP_HEADERS_TIMEOUT_MS (${server.headersTimeoutMs}) may not exceed HTTP_REQUEST_TIMEOUT_MS (${server.requestTimeoutMs}): the request timeout covers the headers too`,
    );
  }
  return server;
}

/**
 * Only the tracing settings: tracing starts before anything else is loaded (so that its
 * instrumentations see the http, express, pg and kafkajs modules load), before `loadConfig`.
 */
export function loadTracingConfig(env: Env = process.env): TracingConfig {
  const read = new EnvReader(env);
  return read.done(readTracing(read));
}

/** Only what verifying and issuing tokens needs (the token command reads no more). */
export function loadAuthConfig(env: Env = process.env): AuthConfig {
  const read = new EnvReader(env);
  return read.done(readAuth(read));
}

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new EnvReader(env);
  const { problems } = read;
  const str = read.str.bind(read);
  const int = read.int.bind(read);

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
      pollIntervalMs: int('RELAY_POLL_INTERVAL_MS', 1000, 1, 600_000),
    },
    projector: {
      groupPrefix: str('PROJECTOR_GROUP_PREFIX', 'smuggling-cases.projector'),
      poisonPolicy: read.oneOf('PROJECTION_POISON_POLICY', POISON_POLICIES, 'stop'),
      // The broker's own bounds (group.min/max.session.timeout.ms) are 6 s and 30 min.
      sessionTimeoutMs: int('PROJECTOR_SESSION_TIMEOUT_MS', 10_000, 6_000, 1_800_000),
    },
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', 10_000, 1_000, 120_000),
    personalData: {
      masterKey: read.key('PERSONAL_DATA_KEY', 32, 32),
      identityHashKey: read.key('IDENTITY_HASH_KEY', 32, 64),
    },
    auth: readAuth(read),
    http: {
      rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
      corsOrigins: read.list('CORS_ORIGINS'),
      readWaitMaxMs: int('READ_WAIT_MAX_MS', 5000, 0, 60_000),
      server: readHttpServer(read),
    },
    observability: {
      logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
      tracing: readTracing(read),
    },
    custodyDesk: {
      staleAfterHours: int('CUSTODY_STALE_AFTER_HOURS', 72, 1, 24 * 365),
      reminderBeforeMinutes: int('CUSTODY_REMINDER_BEFORE_MINUTES', 60, 1, 24 * 60),
      safeguardReminderAfterMinutes: int('SAFEGUARD_REMINDER_AFTER_MINUTES', 120, 1, 7 * 24 * 60),
      tickMs: int('CUSTODY_DESK_TICK_MS', 1000, 100, 60_000),
      heartbeatMs: int('CUSTODY_STREAM_HEARTBEAT_MS', 15_000, 1_000, 120_000),
    },
    console: {
      localSignIn: read.bool('CONSOLE_LOCAL_SIGN_IN', false),
      oidc: readConsoleOidc(read),
    },
  };
  if (config.console.localSignIn && config.auth.key.kind !== 'secret') {
    problems.push('CONSOLE_LOCAL_SIGN_IN needs the local shared secret (AUTH_JWT_SECRET)');
  }
  const oidc = config.console.oidc;
  if (oidc && oidc.issuer !== config.auth.issuer) {
    // The API would refuse every token the console brought back.
    problems.push('CONSOLE_OIDC_ISSUER must be the issuer the API trusts (AUTH_ISSUER)');
  }
  for (const origin of config.http.corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS must list origins such as https://host:port, got "${origin}"`);
    }
  }
  return read.done(config);
}
