import { repoRoot } from '@app/local-infra';
import { AppConfig } from '@app/platform';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_AUTH_SECRET, eventually } from './test-env';

/*
 * The relay, projector and API as separate processes from their build (npm run build), as `up`
 * runs them, for tests of what a whole process does: how it starts, waits, logs and exits.
 */

/** A service's process, and what it logged (pino's JSON lines on stdout and stderr). */
export interface RunningService {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
  /** The lines logged at `level`, as their messages. */
  messages(level: string): string[];
}

/** The services that run on their own, each from dist/apps/<name>. */
export type ServiceName = 'relay' | 'projector' | 'api';

/** A service from its build, as `up` runs it, on the test's configuration. */
export function startService(name: ServiceName, config: AppConfig): RunningService {
  const entry = join(repoRoot(), 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      DATABASE_URL: config.databaseUrl,
      KAFKA_BROKERS: config.kafka.brokers.join(','),
      KAFKA_TOPIC: config.kafka.topic,
      KAFKA_PARTITIONS: String(config.kafka.partitions),
      PROJECTOR_GROUP_PREFIX: config.projector.groupPrefix,
      PORT: '0',
      AUTH_JWT_SECRET: TEST_AUTH_SECRET,
      PERSONAL_DATA_KEY: config.personalData.masterKey.toString('base64'),
      IDENTITY_HASH_KEY: config.personalData.identityHashKey.toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const output = () => chunks.join('');
  return {
    child,
    exited: new Promise((resolve) => child.once('exit', resolve)),
    output,
    messages: (level) =>
      output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: string; msg: string })
        .filter((line) => line.level === level)
        .map((line) => line.msg),
  };
}

/** Waits until the service has logged `count` lines at warn that match; fails with its output. */
export async function warned(service: RunningService, pattern: RegExp, count = 1): Promise<void> {
  await eventually(
    async () =>
      service.messages('warn').filter((msg) => pattern.test(msg)).length >= count
        ? true
        : undefined,
    { what: `${count} warning(s) ${pattern}`, intervalMs: 100 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n--- output ---\n${service.output()}`);
  });
}
