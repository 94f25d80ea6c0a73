import { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/**
 * How long a stopping API keeps an idle keep-alive connection open. A client busy on it sends
 * its next request within moments of its last answer; given this long, it is answered with
 * `Connection: close` instead of being cut on a connection closed under it.
 */
const IDLE_LINGER_MS = 1000;

/**
 * Returns what lets the API's requests in flight finish when it stops: the port is closed to
 * new connections, and each answer still being made, or asked for on a connection already
 * open, carries `Connection: close`, so its socket ends once the answer is sent; an event
 * stream is ended. Connections idle for IDLE_LINGER_MS from then are closed (Node's own close
 * would keep a busy keep-alive connection open for more requests until its idle timeout).
 * Resolves when the last connection has ended.
 */
export function trackRequestsForDrain(server: Server): () => Promise<void> {
  const answering = new Set<ServerResponse>();
  let draining = false;
  // Before the app's own listener, which may answer at once.
  server.prependListener('request', (_request, response: ServerResponse) => {
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
      const linger = setTimeout(() => server.closeIdleConnections(), IDLE_LINGER_MS);
      // net.Server's close, not http.Server's: since Node 19 that also closes the idle
      // keep-alive connections at once, and a request a client is sending on one at that
      // moment is cut unanswered (an ECONNRESET it cannot tell from a request cut mid-way).
      NetServer.prototype.close.call(server, () => {
        clearTimeout(linger);
        resolve();
      });
    });
}
