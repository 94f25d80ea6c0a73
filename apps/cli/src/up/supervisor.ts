import { terminate } from '@app/local-infra';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type ServiceName = 'api' | 'relay' | 'projector';

/** The built entry point of each app, next to this CLI's own build output. */
function entryPoint(name: ServiceName): string {
  return join(__dirname, '..', '..', '..', name, 'src', 'main.js');
}

const RESTART_DELAY_MS = 1000;
const STOP_GRACE_MS = 15_000;

/**
 * Runs each service as its own process, the way they are deployed, and restarts one that
 * dies: a crash of the relay or the projector loses nothing, they resume from Postgres and
 * from their checkpoints.
 */
export class Supervisor {
  private readonly children = new Map<ServiceName, ChildProcess>();
  private stopping = false;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  start(names: ServiceName[]): void {
    for (const name of names) this.spawn(name);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.children.values()].map((child) => terminate(child, STOP_GRACE_MS)));
  }

  private spawn(name: ServiceName): void {
    const child = spawn(process.execPath, [entryPoint(name)], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.set(name, child);
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
      if (this.stopping) return console.log(`[up] ${name} stopped (exit ${signal ?? code})`);
      console.log(`[up] ${name} exited (${signal ?? code}); restarting in ${RESTART_DELAY_MS} ms`);
      setTimeout(() => this.stopping || this.spawn(name), RESTART_DELAY_MS);
    });
  }
}
