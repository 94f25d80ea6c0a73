import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { cacheDir, repoRoot } from './paths';
import {
  ProcessExit,
  childEnd,
  describeExit,
  portAnswers,
  sleep,
  tail,
  terminate,
} from './process-utils';

export interface LocalKafka {
  readonly brokers: string;
  readonly started: boolean;
  /** The broker JVM's process id, when this process started it. */
  readonly pid?: number;
  /** Settles when a broker this process started exits, however it ends; never for a reused one. */
  readonly exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

export interface LocalKafkaOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly controllerPort: number;
  readonly log?: (line: string) => void;
  /** Heap of the broker JVM; a local broker needs little. */
  readonly heap?: string;
  /**
   * What a broker already answering on the port means: reused as it is (the default), or,
   * when false, an error (the caller wants a broker of its own).
   */
  readonly reuse?: boolean;
}

/**
 * The broker exited during start because one of its ports could not be bound, although nothing
 * answered there a moment before: a port in the ephemeral range may be held for a moment as the
 * local end of some client's outgoing connection. Trying again shortly after is all it takes.
 */
export class KafkaBindError extends Error {
  override readonly name = 'KafkaBindError';
}

/** Whether what a broker wrote while it failed says that it could not bind a port. */
export function brokerCouldNotBind(written: string): boolean {
  // The exception's class name, not its message, which the JVM may give in the system's language.
  return /java\.net\.BindException/.test(written);
}

/** What has been appended to a file since it was `offset` bytes long. */
function appendedSince(file: string, offset: number): string {
  return existsSync(file) ? readFileSync(file).subarray(offset).toString() : '';
}

const NO_BROKER_HINT = 'or set KAFKA_BROKERS to use a running broker';
const never = new Promise<ProcessExit>(() => undefined);

/** What a failed java or mvn command means, for the one line a person reads. */
function toolError(tool: string, what: string, error: unknown): Error {
  const { code, stdout, stderr } = error as NodeJS.ErrnoException & {
    stdout?: string;
    stderr?: string;
  };
  if (code === 'ENOENT') {
    return new Error(
      `${tool} is not on the PATH: install ${tool === 'mvn' ? 'Apache Maven and ' : ''}Java 17 or newer, ${NO_BROKER_HINT}`,
    );
  }
  return new Error(
    `${what} failed (is Java 17 or newer installed?)\n${stdout ?? ''}${stderr ?? ''}`,
  );
}

const POM = () => join(repoRoot(), 'libs', 'local-infra', 'kafka', 'pom.xml');

function kafkaVersion(): string {
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(POM(), 'utf8'));
  if (!match) throw new Error('kafka.version missing from the pom');
  return match[1];
}

/**
 * Fetches the broker's jars from Maven Central once into .cache/kafka/<version>/libs.
 * Maven itself also keeps them in ~/.m2, so a second checkout does not download again.
 */
export async function ensureKafkaJars(
  log: (line: string) => void = () => undefined,
): Promise<string> {
  const versionDir = cacheDir(join('kafka', kafkaVersion()));
  const libs = join(versionDir, 'libs');
  if (existsSync(join(versionDir, '.complete'))) return libs;
  log(`fetching Apache Kafka ${kafkaVersion()} jars from Maven Central with mvn (once)...`);
  // Per process: two first starts at once (a test run beside `npm start`) do not mix their files.
  const staging = `${libs}.${process.pid}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(versionDir, { recursive: true });
  try {
    await promisify(execFile)(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        POM(),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${staging}`,
        '-DincludeScope=runtime',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw toolError('mvn', 'fetching the Kafka jars from Maven Central with mvn', error);
  }
  if (existsSync(join(versionDir, '.complete'))) {
    rmSync(staging, { recursive: true, force: true });
    return libs;
  }
  rmSync(libs, { recursive: true, force: true });
  renameSync(staging, libs);
  writeFileSync(join(versionDir, '.complete'), new Date().toISOString());
  return libs;
}

function serverProperties(options: LocalKafkaOptions, logDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${options.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${options.port},CONTROLLER://127.0.0.1:${options.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${options.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${logDir}`,
    // One node: internal topics cannot have more replicas than that.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Topics are created by the project, with the settings of an event log.
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

const LOG4J = (file: string) => `Configuration:
  Appenders:
    File:
      name: file
      fileName: "${file}"
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: WARN
      AppenderRef:
        - ref: file
    Logger:
      - name: kafka.server.KafkaRaftServer
        level: INFO
`;

async function answersAsKafka(brokers: string): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'local-infra-probe',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    // Something on the port that accepts and never answers is not a broker.
    requestTimeout: 2000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * A real single-node Apache Kafka in KRaft mode on loopback, run with the machine's Java.
 * If a broker already answers on the port, it is reused as it is, unless `reuse` is false.
 */
export async function ensureKafka(options: LocalKafkaOptions): Promise<LocalKafka> {
  const brokers = `127.0.0.1:${options.port}`;
  const log = options.log ?? (() => undefined);
  const taken = (port: number, by: string) =>
    new Error(`port ${port} is taken by ${by}: stop it or choose another port`);
  if (await portAnswers(options.port)) {
    if (!(await answersAsKafka(brokers))) throw taken(options.port, 'something that is not Kafka');
    if (options.reuse === false) throw taken(options.port, 'another Kafka broker');
    return { brokers, started: false, exited: never, stop: async () => undefined };
  }
  if (await portAnswers(options.controllerPort)) {
    throw taken(options.controllerPort, 'something else (the broker needs it for its controller)');
  }
  const libs = await ensureKafkaJars(log);
  const { dataDir } = options;
  const logDir = join(dataDir, 'kraft-logs');
  mkdirSync(dataDir, { recursive: true });
  const properties = join(dataDir, 'server.properties');
  writeFileSync(properties, serverProperties(options, logDir));
  const log4j = join(dataDir, 'log4j2.yaml');
  writeFileSync(log4j, LOG4J(join(dataDir, 'broker.log')));
  const java = (...args: string[]) => [
    '-cp',
    `${libs}/*`,
    `-Dlog4j2.configurationFile=${log4j}`,
    ...args,
  ];

  if (!existsSync(join(logDir, 'meta.properties'))) {
    // A Kafka cluster id is 16 random bytes in URL-safe base64. One that starts with "-" (1 in
    // 64) would be read by the storage tool as an option, so, as Kafka's own Uuid does, the
    // first character is kept clear of it.
    const clusterId = randomBytes(16).toString('base64url').replace(/^-/, 'A');
    await promisify(execFile)(
      'java',
      java('kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', properties),
    ).catch((error: unknown) => {
      throw toolError('java', 'formatting the Kafka storage', error);
    });
  }

  const logs = [join(dataDir, 'broker.log'), join(dataDir, 'broker.out')];
  // Both files are appended to across starts: only this start's lines tell why it failed.
  const offsets = logs.map((file) => (existsSync(file) ? statSync(file).size : 0));
  const out = openSync(logs[1], 'a');
  const heap = options.heap ?? '512m';
  const child: ChildProcess = spawn(
    'java',
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      ...java('kafka.Kafka', properties),
    ],
    { stdio: ['ignore', out, out] },
  );
  closeSync(out);
  const exited = childEnd(child);
  let ended: ProcessExit | undefined;
  void exited.then((result) => (ended = result));

  const deadline = Date.now() + 90_000;
  while (!(await answersAsKafka(brokers))) {
    if (ended?.error) throw toolError('java', 'starting the Kafka broker', ended.error);
    if (ended) {
      const message =
        `the Kafka broker exited during start (${describeExit(ended)}); see ${logs.join(' and ')}:\n` +
        logs
          .map((file) => tail(file, 6))
          .filter(Boolean)
          .join('\n');
      const written = logs.map((file, i) => appendedSince(file, offsets[i])).join('\n');
      throw brokerCouldNotBind(written) ? new KafkaBindError(message) : new Error(message);
    }
    if (Date.now() > deadline) {
      await terminate(child, 5000);
      throw new Error(`the Kafka broker did not become ready; see ${logs[0]}`);
    }
    await sleep(250);
  }
  log(`Kafka ${kafkaVersion()} broker ready on ${brokers}`);
  return { brokers, started: true, pid: child.pid, exited, stop: () => terminate(child, 30_000) };
}
