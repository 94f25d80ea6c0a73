import { repoRoot, sleep } from '@app/local-infra';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, WriteStream } from 'node:fs';
import { join } from 'node:path';

export type ServiceName = 'api' | 'relay' | 'projector';

export interface ExitRecord {
  readonly at: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Whether the suite caused it (SIGKILL or SIGTERM it sent). */
  readonly expected: boolean;
}

/**
 * One app run from its build output as its own process, as `up` runs it. A process that dies
 * when the suite did not kill it is recorded and restarted after a second, as the supervisor
 * of `up` would: the report names every such exit.
 */
export class Service {
  private child?: ChildProcess;
  private expectingExit = false;
  private readonly log: WriteStream;
  readonly exits: ExitRecord[] = [];

  constructor(
    readonly name: ServiceName,
    private readonly env: NodeJS.ProcessEnv,
    logDir: string,
  ) {
    mkdirSync(logDir, { recursive: true });
    this.log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && !this.child.signalCode;
  }

  start(): void {
    const entry = join(repoRoot(), 'dist', 'faults', 'apps', this.name, 'src', 'main.js');
    const child = spawn(process.execPath, [entry], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.expectingExit = false;
    this.log.write(`--- started pid ${child.pid} at ${new Date().toISOString()}\n`);
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    child.once('exit', (code, signal) => {
      const expected = this.expectingExit;
      this.exits.push({ at: Date.now(), code, signal, expected });
      this.log.write(`--- pid ${child.pid} exited (${signal ?? code}), expected: ${expected}\n`);
      if (!expected && this.child === child) {
        setTimeout(() => {
          if (this.child === child) this.start();
        }, 1000);
      }
    });
  }

  /** SIGKILL, and resolves once the process is gone. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM; resolves with how long the process took to exit and its exit code, or a timeout. */
  async terminate(
    boundMs: number,
  ): Promise<{ ms: number; code: number | null; signal: string | null; timedOut: boolean }> {
    const child = this.child;
    if (!child || !this.running)
      return { ms: 0, code: null, signal: 'not running', timedOut: false };
    const started = Date.now();
    this.expectingExit = true;
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGTERM');
    const outcome = await Promise.race([exited, sleep(boundMs).then(() => undefined)]);
    if (outcome) return { ms: Date.now() - started, ...outcome, timedOut: false };
    child.kill('SIGKILL');
    const late = await exited;
    return { ms: Date.now() - started, ...late, timedOut: true };
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.expectingExit = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  async close(): Promise<void> {
    if (this.running) await this.kill();
    this.child = undefined;
    await new Promise<void>((resolve) => this.log.end(resolve));
  }

  get unexpectedExits(): ExitRecord[] {
    return this.exits.filter((e) => !e.expected);
  }
}
