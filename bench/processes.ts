import { repoRoot } from '@app/local-infra';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './stats';

export const LOG_DIR = join(repoRoot(), 'reports', 'bench-logs');

/** One of the apps, run from the bench's build output as its own process, as `up` runs it. */
export class AppProcess {
  private readonly child: ChildProcess;
  private peakKb = 0;
  private readonly sampler: NodeJS.Timeout;

  constructor(
    readonly name: string,
    entry: string,
    env: NodeJS.ProcessEnv,
  ) {
    mkdirSync(LOG_DIR, { recursive: true });
    const log = createWriteStream(join(LOG_DIR, `${name}.log`), { flags: 'a' });
    this.child = spawn(process.execPath, [join(repoRoot(), 'dist', 'bench', entry)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    // VmHWM is the kernel's own peak; sampling VmRSS too keeps a peak if the file is gone at exit.
    this.sampler = setInterval(() => this.sample(), 200);
  }

  static app(name: 'api' | 'relay' | 'projector', env: NodeJS.ProcessEnv): AppProcess {
    return new AppProcess(name, join('apps', name, 'src', 'main.js'), env);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Peak resident memory so far, in MB. */
  get peakMb(): number {
    this.sample();
    return this.peakKb / 1024;
  }

  private sample(): void {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      for (const field of ['VmHWM', 'VmRSS']) {
        const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
        this.peakKb = Math.max(this.peakKb, kb);
      }
    } catch {
      // Exited: the peak sampled so far stands.
    }
  }

  /** Resolves with the exit code. */
  exited(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return Promise.resolve(this.child.exitCode);
    }
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** SIGTERM, then SIGKILL if it is still there after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    this.sample();
    clearInterval(this.sampler);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = this.exited();
    this.child.kill('SIGTERM');
    const outcome = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!outcome) {
      this.child.kill('SIGKILL');
      await exited;
    }
  }
}
