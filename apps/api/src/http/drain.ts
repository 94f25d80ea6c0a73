import { Server, ServerResponse } from 'node:http';

/**
 * Returns what lets the API's requests in flight finish when it stops: the port is closed to
 * new connections, idle keep-alive connections are closed, and each answer still being made
 * carries `Connection: close`, so its socket ends once the answer is sent. Node's own close
 * would otherwise keep a busy keep-alive connection open, for more requests, until its idle
 * timeout; an event stream is ended. Resolves when the last connection has ended.
 */
export function trackRequestsForDrain(server: Server): () => Promise<void> {
  const answering = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_request, response: ServerResponse) => {
    if (draining) response.setHeader('Connection', 'close');
    answering.add(response);
    response.once('close', () => answering.delete(response));
  });
  return () =>
    new Promise<void>((resolve) => {
      draining = true;
      for (const response of answering) {
        if (!response.headersSent) response.setHeader('Connection', 'close');
        // A stream never ends by itself: ended now, its client reconnects to another instance
        // and resumes with Last-Event-ID.
        else if (String(response.getHeader('content-type')).startsWith('text/event-stream')) {
          response.end();
        }
      }
      server.close(() => resolve());
    });
}
