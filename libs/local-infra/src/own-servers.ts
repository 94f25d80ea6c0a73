import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { LocalPostgres, ensurePostgres } from './embedded-postgres';
import { KafkaBindError, LocalKafka, ensureKafka } from './kafka-broker';
import { freePorts, sleep } from './process-utils';

export interface OwnServersOptions {
  /**
   * Where both servers keep their data (`postgres` and `kafka` inside). Each server's part is
   * emptied at its first start and kept across restarts. As root, Postgres runs as the
   * `postgres` user, which must be able to reach this directory (postgresDataDir picks such a
   * place).
   */
  readonly dataDir: string;
  /** Postgres's port; a free one when absent. */
  readonly postgresPort?: number;
  /** The broker's port, and the next one its controller's; two free ones when absent. */
  readonly kafkaPort?: number;
  /** Heap of the broker JVM; ensureKafka's default when absent. */
  readonly kafkaHeap?: string;
  readonly log?: (line: string) => void;
}

const BIND_ATTEMPTS = 5;
const BIND_RETRY_STEP_MS = 3000;

/** Postgres of the caller's own; see OwnServers. */
export class OwnPostgres {
  private server?: LocalPostgres;
  private port?: number;
  private url?: string;
  private fresh = true;
  private readonly dir: string;

  constructor(private readonly options: OwnServersOptions) {
    this.dir = join(options.dataDir, 'postgres');
  }

  /** URL of the `postgres` database, for administration; it stays valid across restarts. */
  get adminUrl(): string {
    if (!this.url) throw new Error('Postgres has not been started');
    return this.url;
  }

  get pid(): number | undefined {
    return this.server?.pid;
  }

  /** Starts it: on empty data the first time, on the data it left when stopped after that. */
  async start(): Promise<void> {
    if (this.server) return;
    // Found once, kept for restarts: the clients were told this port.
    this.port ??= this.options.postgresPort ?? (await freePorts(1))[0];
    if (this.fresh) {
      // ensurePostgres keeps the password and the log beside the data directory.
      for (const path of [this.dir, `${this.dir}.password`, `${this.dir}.log`]) {
        rmSync(path, { recursive: true, force: true });
      }
    }
    this.server = await ensurePostgres({
      dataDir: this.dir,
      port: this.port,
      reuse: false,
      log: this.options.log,
    });
    this.url = this.server.adminUrl;
    this.fresh = false;
  }

  /** A fast shutdown (SIGINT to the postmaster): open connections are cut, committed work kept. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.stop();
  }
}

/** A Kafka broker of the caller's own; see OwnServers. */
export class OwnKafka {
  private broker?: LocalKafka;
  private ports?: { readonly port: number; readonly controllerPort: number };
  private fresh = true;
  private readonly dir: string;

  constructor(private readonly options: OwnServersOptions) {
    this.dir = join(options.dataDir, 'kafka');
  }

  /** The bootstrap address for clients; it stays valid across restarts. */
  get brokers(): string {
    if (!this.ports) throw new Error('Kafka has not been started');
    return `127.0.0.1:${this.ports.port}`;
  }

  get pid(): number | undefined {
    return this.broker?.pid;
  }

  /** Starts it: on empty data the first time, on the data it left when stopped after that. */
  async start(): Promise<void> {
    if (this.broker) return;
    const { kafkaPort, kafkaHeap, log } = this.options;
    // Found once, kept for restarts: the clients were told this port.
    this.ports ??=
      kafkaPort !== undefined
        ? { port: kafkaPort, controllerPort: kafkaPort + 1 }
        : await freePorts(2).then(([port, controllerPort]) => ({ port, controllerPort }));
    for (let attempt = 1; ; attempt++) {
      if (this.fresh) rmSync(this.dir, { recursive: true, force: true });
      try {
        this.broker = await ensureKafka({
          dataDir: this.dir,
          ...this.ports,
          heap: kafkaHeap,
          reuse: false,
          log,
        });
        break;
      } catch (error) {
        // Only a port held for a moment passes by waiting; any other failure would only repeat.
        if (!(error instanceof KafkaBindError) || attempt === BIND_ATTEMPTS) throw error;
        const waitMs = BIND_RETRY_STEP_MS * attempt;
        log?.(
          `the Kafka broker could not bind port ${this.ports.port} or ${this.ports.controllerPort}; ` +
            `trying again in ${waitMs / 1000} s`,
        );
        await sleep(waitMs);
      }
    }
    this.fresh = false;
  }

  /** SIGTERM, then SIGKILL if the broker outlives its grace period. */
  async stop(): Promise<void> {
    const broker = this.broker;
    this.broker = undefined;
    await broker?.stop();
  }
}

/**
 * A Postgres and a Kafka broker of the caller's own, for the tests, the fault suite and the
 * benchmarks: never one found already answering on a port (its data and its life are someone
 * else's, and it could not be stopped; that is an error naming the port). Either may be
 * started alone (a caller given a running server of the other kind), stopped and started
 * again on its data, on the same ports.
 *
 * The broker's start is tried again when a port cannot be bound although nothing listened on
 * it: a port in the ephemeral range, pinned or found free, may be held for a moment as the
 * local end of some client's outgoing connection.
 */
export class OwnServers {
  readonly postgres: OwnPostgres;
  readonly kafka: OwnKafka;

  constructor(private readonly options: OwnServersOptions) {
    this.postgres = new OwnPostgres(options);
    this.kafka = new OwnKafka(options);
  }

  /** Starts both, Postgres first; if either fails, stops what started and rethrows. */
  async start(): Promise<void> {
    try {
      await this.postgres.start();
      await this.kafka.start();
    } catch (error) {
      await this.stop().catch(() => undefined);
      throw error;
    }
  }

  get adminUrl(): string {
    return this.postgres.adminUrl;
  }

  get brokers(): string {
    return this.kafka.brokers;
  }

  /** The processes the servers run as (their children are theirs too), for measuring CPU. */
  get pids(): { readonly postgres: number; readonly broker: number } {
    const postgres = this.postgres.pid;
    const broker = this.kafka.pid;
    if (postgres === undefined || broker === undefined) {
      throw new Error('the servers are not running');
    }
    return { postgres, broker };
  }

  /** Stops whichever is running, the broker first; with `removeData`, deletes `dataDir` too. */
  async stop(options: { readonly removeData?: boolean } = {}): Promise<void> {
    const failures: unknown[] = [];
    for (const server of [this.kafka, this.postgres]) {
      await server.stop().catch((error: unknown) => failures.push(error));
    }
    if (options.removeData) rmSync(this.options.dataDir, { recursive: true, force: true });
    if (failures.length > 0) throw failures[0];
  }
}
