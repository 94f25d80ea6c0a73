import { freePorts, portAnswers } from '@app/local-infra';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ENTRY, runCli } from '../harness/built-up';
import { timeline, validBody } from '../harness/routes';
import { http } from '../harness/system';
import { TEST_AUTH_SECRET, eventually } from '../harness/test-env';

/** Ports for `up`'s own servers: the broker's controller takes the port after the broker's. */
async function upPorts(): Promise<{ api: number; postgres: number; kafka: number }> {
  for (;;) {
    const [api, postgres, kafka] = await freePorts(3);
    if (![api, postgres].includes(kafka + 1) && !(await portAnswers(kafka + 1)))
      return { api, postgres, kafka };
  }
}

/** The environment of an `up` that starts its own Postgres and broker, with its data in `dataDir`. */
function upEnv(dataDir: string, apiPort: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOCAL_DATA_DIR: dataDir,
    PORT: String(apiPort),
    AUTH_JWT_SECRET: TEST_AUTH_SECRET,
  };
  delete env.DATABASE_URL;
  delete env.KAFKA_BROKERS;
  return env;
}

/**
 * `up` without DATABASE_URL and KAFKA_BROKERS, as `npm start` runs it: the Postgres and the
 * Kafka broker it starts are watched like the services, and one that dies is started again.
 */
describe('the servers `up` starts', () => {
  let dataDir: string;
  let up: ChildProcess | undefined;
  let output = '';
  /** The last pid `up` logged for a server, to end it if the test leaves it behind. */
  const lastPid = (server: 'Postgres' | 'Kafka') =>
    [...output.matchAll(new RegExp(`\\[up\\] ${server}\\b.* pid (\\d+)`, 'g'))]
      .map((m) => Number(m[1]))
      .pop();

  beforeAll(() => {
    if (!existsSync(CLI_ENTRY))
      throw new Error(`${CLI_ENTRY} is missing: run "npm run build" first`);
    dataDir = mkdtempSync(join(tmpdir(), 'pss-up-servers-'));
    // As root, the Postgres `up` starts runs as the `postgres` user: it must reach its data.
    chmodSync(dataDir, 0o755);
  });

  afterAll(async () => {
    if (up && up.exitCode === null && up.signalCode === null) {
      const exited = new Promise((resolve) => up?.once('exit', resolve));
      up.kill('SIGKILL');
      await exited;
      for (const pid of [lastPid('Postgres'), lastPid('Kafka')]) {
        try {
          if (pid) process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts a Kafka broker and a Postgres that die, says so, and stops everything on SIGTERM', async () => {
    const ports = await upPorts();
    const baseUrl = `http://127.0.0.1:${ports.api}`;
    const child = spawn(
      process.execPath,
      [CLI_ENTRY, 'up', '--pg-port', String(ports.postgres), '--kafka-port', String(ports.kafka)],
      { env: upEnv(dataDir, ports.api), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    up = child;
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const logged = (pattern: RegExp, what: string) =>
      eventually(async () => pattern.exec(output) ?? undefined, {
        what: `${what}; output of "up":\n${output}`,
        intervalMs: 100,
        timeoutMs: 90_000,
      });

    const pgStarted = await logged(
      new RegExp(`\\[up\\] Postgres started on 127\\.0\\.0\\.1:${ports.postgres} \\(pid (\\d+),`),
      'Postgres to start',
    );
    const kafkaStarted = await logged(
      new RegExp(`\\[up\\] Kafka started on 127\\.0\\.0\\.1:${ports.kafka} \\(pid (\\d+)\\)`),
      'the broker to start',
    );
    await logged(/\[up\] API on /, 'the services to start');

    process.kill(Number(kafkaStarted[1]), 'SIGKILL');
    const kafkaBack = await logged(
      new RegExp(
        `\\[up\\] Kafka broker restarted \\(on 127\\.0\\.0\\.1:${ports.kafka}, pid (\\d+)\\)`,
      ),
      'the broker to be restarted',
    );
    expect(output).toContain('[up] Kafka broker exited (SIGKILL); restarting in 1000 ms');
    expect(kafkaBack[1]).not.toBe(kafkaStarted[1]);
    await expect(portAnswers(ports.kafka)).resolves.toBe(true);

    process.kill(Number(pgStarted[1]), 'SIGKILL');
    const pgBack = await logged(
      new RegExp(
        `\\[up\\] Postgres restarted \\(on 127\\.0\\.0\\.1:${ports.postgres}, pid (\\d+)\\)`,
      ),
      'Postgres to be restarted',
    );
    expect(output).toContain('[up] Postgres exited (SIGKILL); restarting in 1000 ms');
    expect(pgBack[1]).not.toBe(pgStarted[1]);

    // The system works again on the restarted servers: a command is stored (the same key
    // while the API's connections recover).
    const key = randomUUID();
    const json = validBody('POST /cases', { at: timeline() });
    const opened = await eventually(
      async () => {
        const answer = await http(baseUrl, 'POST', '/cases', {
          json,
          headers: { 'idempotency-key': key },
        });
        return answer.status === 201 ? answer : undefined;
      },
      { what: 'a command to succeed', intervalMs: 250, timeoutMs: 60_000 },
    );
    expect(opened.status).toBe(201);

    child.kill('SIGTERM');
    await expect(exited).resolves.toBe(0);
    const stopping = output.slice(output.indexOf('[up] stopping...'));
    expect(stopping).toContain('[up] stopped');
    expect(stopping).not.toContain('restart');
    await expect(portAnswers(ports.postgres)).resolves.toBe(false);
    await expect(portAnswers(ports.kafka)).resolves.toBe(false);
  });

  it('ends with one message naming the missing tool when Java is not installed', async () => {
    const ports = await upPorts();
    // Nothing but node on the PATH; Postgres is given, so only the broker is to be started.
    const bin = join(dataDir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const env = {
      ...upEnv(dataDir, ports.api),
      PATH: bin,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/pss_test_unused',
    };
    const { code, output: said } = await runCli(['up', '--kafka-port', String(ports.kafka)], env);
    expect(code).toBe(1);
    // Its error goes to stderr, the rest to stdout: their order in one stream is not kept.
    const lines = said.trimEnd().split('\n');
    expect(lines.filter((line) => !line.startsWith('[up] stop'))).toEqual([
      expect.stringMatching(
        /^\[up\] (java is not on the PATH: install|mvn is not on the PATH: install Apache Maven and) Java 17 or newer, or set KAFKA_BROKERS to use a running broker$/,
      ),
    ]);
    expect(lines.filter((line) => line.startsWith('[up] stop'))).toEqual([
      '[up] stopping...',
      '[up] stopped',
    ]);
  });
});
