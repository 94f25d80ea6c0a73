import { freePort, repoRoot } from '@app/local-infra';
import { AppConfig } from '@app/platform';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { http } from './system';
import { TEST_AUTH_SECRET, TestDatabase, eventually, testConfig } from './test-env';

/** The built CLI, as `npm start` runs it. */
export const CLI_ENTRY = join(repoRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');

export interface BuiltUp {
  readonly baseUrl: string;
  readonly port: number;
  readonly config: AppConfig;
  /** The environment `up` was given, for running other CLI commands against the same system. */
  readonly env: NodeJS.ProcessEnv;
  readonly child: ChildProcess;
  /** Resolves with `up`'s exit code. */
  readonly exited: Promise<number | null>;
  /** Everything `up` and its services wrote so far. */
  output(): string;
}

/**
 * Runs the built `up` on the test servers (given by configuration: it starts no servers of its
 * own then), and resolves once the API reports ready. `env` adds to or overrides the settings.
 */
export async function startBuiltUp(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<BuiltUp> {
  if (!existsSync(CLI_ENTRY)) throw new Error(`${CLI_ENTRY} is missing: run "npm run build" first`);
  const config = testConfig(database.url, env);
  const port = await freePort();
  const fullEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    KAFKA_BROKERS: config.kafka.brokers.join(','),
    KAFKA_TOPIC: config.kafka.topic,
    PROJECTOR_GROUP_PREFIX: config.projector.groupPrefix,
    PORT: String(port),
    AUTH_JWT_SECRET: TEST_AUTH_SECRET,
    PERSONAL_DATA_KEY: config.personalData.masterKey.toString('base64'),
    IDENTITY_HASH_KEY: config.personalData.identityHashKey.toString('base64'),
    ...env,
  };
  const chunks: string[] = [];
  const child = spawn(process.execPath, [CLI_ENTRY, 'up'], {
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  await eventually(
    async () => ((await http(baseUrl, 'GET', '/health/ready')).status === 200 ? true : undefined),
    { what: 'readiness', intervalMs: 250, timeoutMs: 60_000 },
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n--- output of "up" ---\n${chunks.join('')}`);
  });
  return {
    baseUrl,
    port,
    config,
    env: fullEnv,
    child,
    exited,
    output: () => chunks.join(''),
  };
}

/** Runs another command of the built CLI to its end. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const run = spawn(process.execPath, [CLI_ENTRY, ...args], { env, stdio: 'pipe' });
    const chunks: string[] = [];
    run.stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    run.once('exit', (code) => resolve({ code, output: chunks.join('') }));
  });
}
