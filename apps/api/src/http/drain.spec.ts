import { Agent, IncomingMessage, Server, createServer, request } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { trackRequestsForDrain } from './drain';

/*
 * The drain on a real HTTP server and a keep-alive client on the loopback, no app: what a
 * client on a connection open at SIGTERM gets.
 */
describe('draining the API at a stop', () => {
  let server: Server;
  let agent: Agent;
  let drain: () => Promise<void>;
  let port: number;

  beforeEach(async () => {
    server = createServer((_req, res) => res.end('answered'));
    drain = trackRequestsForDrain(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ({ port } = server.address() as AddressInfo);
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });

  afterEach(() => {
    agent.destroy();
    server.closeAllConnections();
  });

  const get = () =>
    new Promise<{ response: IncomingMessage; body: string; reusedSocket: boolean; socket: Socket }>(
      (resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          const { reusedSocket, socket } = req;
          response.on('end', () => resolve({ response, body, reusedSocket, socket: socket! }));
        });
        req.on('error', reject);
        req.end();
      },
    );

  it('answers a request sent on an idle keep-alive connection after the stop began, with Connection: close', async () => {
    await expect(get()).resolves.toMatchObject({ body: 'answered', reusedSocket: false });
    const drained = drain();
    const next = await get();
    await expect(drained).resolves.toBeUndefined();
    expect([next.body, next.reusedSocket, next.response.headers.connection]).toEqual([
      'answered',
      true,
      'close',
    ]);
  });

  it('closes a connection left idle, and refuses new ones', async () => {
    const first = await get();
    const closedByServer = new Promise((resolve) => first.socket.once('close', resolve));
    await expect(drain()).resolves.toBeUndefined();
    await closedByServer;
    await expect(get()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
