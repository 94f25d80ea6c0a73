import { Server, Socket, createServer } from 'node:net';

/*
 * Postgres down and back for one test's services alone: they are given a port of their own, and
 * that port goes down and comes back while the test server goes on serving the other tests.
 */

/**
 * A Postgres that is down and then comes back, as its clients see it: a port that refuses
 * connections until `open()`, then passes them to the test server.
 */
export async function postgresBehindPort(adminUrl: string, port: number) {
  const target = new URL(adminUrl);
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    open: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The same database URL, on another port. */
export const urlOnPort = (url: string, port: number) => {
  const moved = new URL(url);
  moved.port = String(port);
  return moved.toString();
};
