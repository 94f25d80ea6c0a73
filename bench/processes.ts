import { issueLocalToken } from '@app/auth';
import { freePort, repoRoot } from '@app/local-infra';
import { AppConfig, loadAuthConfig } from '@app/platform';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Context } from './context';
import { sleep, until } from './stats';

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
    // BENCH_PROFILE_DIR: each app writes a CPU profile there as it exits (Node refuses
    // --cpu-prof in NODE_OPTIONS, so it is given here).
    const profile = process.env.BENCH_PROFILE_DIR;
    const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    this.child = spawn(process.execPath, [...flags, join(repoRoot(), 'dist', 'bench', entry)], {
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

/** The API, the relay and the projector as `up` runs them, ready, with a supervisor's token. */
export interface Stack {
  readonly baseUrl: string;
  readonly token: string;
  readonly config: AppConfig;
  readonly apps: {
    readonly relay: AppProcess;
    readonly projector: AppProcess;
    readonly api: AppProcess;
  };
  readonly stop: () => Promise<void>;
}

export async function startStack(
  ctx: Context,
  databaseUrl: string,
  extra: NodeJS.ProcessEnv = {},
): Promise<Stack> {
  const port = await freePort();
  const { env, config } = ctx.infra.environment(databaseUrl, { PORT: String(port), ...extra });
  await ctx.infra.topic(config);
  const apps = {
    relay: AppProcess.app('relay', env),
    projector: AppProcess.app('projector', env),
    api: AppProcess.app('api', env),
  };
  const stop = async () => {
    for (const app of [apps.api, apps.relay, apps.projector]) await app.stop();
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await until(
      async () => (await fetch(`${baseUrl}/health/ready`).catch(() => undefined))?.status === 200,
      `the API to be ready (logs in ${LOG_DIR})`,
      90_000,
      250,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const token = await issueLocalToken(loadAuthConfig(env), {
    role: 'supervisor',
    subject: 'bench',
    ttlSeconds: 3600,
  });
  return { baseUrl, token, config, apps, stop };
}
