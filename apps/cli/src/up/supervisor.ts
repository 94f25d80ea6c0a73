import { ProcessExit, describeExit, terminate } from '@app/local-infra';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type ServiceName = 'api' | 'relay' | 'projector';

/** The built entry point of each app, next to this CLI's own build output. */
function entryPoint(name: ServiceName): string {
  return join(__dirname, '..', '..', '..', name, 'src', 'main.js');
}

const STOP_GRACE_MS = 15_000;
const FIRST_RESTART_DELAY_MS = 1000;
const MAX_RESTART_DELAY_MS = 30_000;
/** A process that ran this long was not failing at start: its next restart waits the first delay again. */
const STEADY_AFTER_MS = 60_000;

const log = (line: string) => console.log(`[up] ${line}`);

/**
 * The wait before a restart: 1 s, doubled after each quick death up to 30 s, so that a process
 * that cannot start (a broken broker, a port taken) does not spin.
 */
export class RestartBackoff {
  private delay = FIRST_RESTART_DELAY_MS;
  private startedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = Date.now) {}

  /** Marks a start: the time it lasts tells a quick death from a steady run. */
  started(): void {
    this.startedAt = this.now();
  }

  /** The wait before the next start, after the process died or failed to start. */
  next(): number {
    if (this.now() - this.startedAt >= STEADY_AFTER_MS) this.delay = FIRST_RESTART_DELAY_MS;
    const delay = this.delay;
    this.delay = Math.min(this.delay * 2, MAX_RESTART_DELAY_MS);
    return delay;
  }
}

/**
 * Runs each service as its own process, the way they are deployed, and restarts one that
 * dies: a crash of the relay or the projector loses nothing, they resume from Postgres and
 * from their checkpoints.
 */
export class Supervisor {
  private readonly children = new Map<ServiceName, ChildProcess>();
  private readonly backoffs = new Map<ServiceName, RestartBackoff>();
  private stopping = false;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  start(names: ServiceName[]): void {
    for (const name of names) this.spawn(name);
  }

  /** From now on a service that exits stays down. */
  stopRestarting(): void {
    this.stopping = true;
  }

  async stop(): Promise<void> {
    this.stopRestarting();
    await Promise.all([...this.children.values()].map((child) => terminate(child, STOP_GRACE_MS)));
  }

  private spawn(name: ServiceName): void {
    const backoff = this.backoffs.get(name) ?? new RestartBackoff();
    this.backoffs.set(name, backoff);
    backoff.started();
    const child = spawn(process.execPath, [entryPoint(name)], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.set(name, child);
    child.on('error', (error) => log(`${name}: ${error.message}`));
    for (const stream of [child.stdout, child.stderr]) {
      // The services write JSON lines naming their `service`: passed on as they are, so that a
      // log shipper reading this output parses them. Anything else (a crash before the logger
      // exists) is marked with the service's name.
      createInterface({ input: stream }).on('line', (line) =>
        console.log(line.startsWith('{') ? line : `[${name}] ${line}`),
      );
    }
    child.once('exit', (code, signal) => {
      // 0 is a clean stop; anything else means work in flight may have been cut.
      if (this.stopping) return log(`${name} stopped (exit ${signal ?? code})`);
      const delay = backoff.next();
      log(`${name} exited (${signal ?? code}); restarting in ${delay} ms`);
      setTimeout(() => this.stopping || this.spawn(name), delay);
    });
  }
}

/** What `up` needs of a server it started: its end, and a way to stop it. */
export interface ServerProcess {
  readonly started: boolean;
  readonly exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

/**
 * A server `up` started (Postgres, the Kafka broker), started again on its own data when it
 * dies, as the services are: until then nothing answers on its port. A server found already
 * running is not `up`'s own, and is not watched.
 */
export class SupervisedServer<T extends ServerProcess> {
  private current?: T;
  /** The start under way, the first one or a restart: stop() waits for it, then stops its server. */
  private starting?: Promise<unknown>;
  private wake?: () => void;
  private stopping = false;
  private readonly backoff = new RestartBackoff();

  /**
   * @param startServer starts the server; `restart` is true when it died and is started again (a
   *   server found on its port then is not one to adopt).
   * @param describe where it runs, for the log line of a restart.
   */
  constructor(
    private readonly name: string,
    private readonly startServer: (restart: boolean) => Promise<T>,
    private readonly describe: (server: T) => string,
  ) {}

  /** The first start; its failure is the caller's to report. */
  async start(): Promise<T> {
    this.backoff.started();
    const starting = this.startServer(false);
    this.starting = starting.then(
      (server) => this.watch(server),
      () => undefined,
    );
    return starting;
  }

  /** From now on a server that exits stays down, and a restart waiting for its turn is dropped. */
  stopRestarting(): void {
    this.stopping = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopRestarting();
    await this.starting;
    await this.current?.stop();
  }

  private watch(server: T): void {
    this.current = server;
    if (!server.started) return;
    void server.exited.then((exit) => {
      if (this.stopping || this.current !== server) return;
      this.starting = this.restart(`exited (${describeExit(exit)})`);
    });
  }

  private async restart(reason: string): Promise<void> {
    for (;;) {
      const delay = this.backoff.next();
      log(`${this.name} ${reason}; restarting in ${delay} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.stopping) return;
      this.backoff.started();
      try {
        const server = await this.startServer(true);
        log(`${this.name} restarted (${this.describe(server)})`);
        // Stopped by stop(), which waits for this start, if it was asked for meanwhile.
        this.watch(server);
        return;
      } catch (error) {
        reason = `did not start: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  }
}
