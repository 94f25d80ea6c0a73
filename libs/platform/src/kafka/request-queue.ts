/**
 * Mends kafkajs 2.2.4's request queue, which kept every broker connection on a 1 ms timer for
 * as long as it was open (kafkajs issues #1556 and #1704, unreleased upstream): after each
 * answer it scheduled its next look at the queue `throttledUntil - now` ms ahead, which with no
 * throttle is negative, so Node ran it again at once, and again. An idle relay, projector or
 * API spent most of its CPU there, and a busy one a share of every command.
 *
 * Nothing needs that look when nothing waits and no throttle holds: a request pushed then is
 * sent at once, and one held back by the in-flight limit is sent when an answer comes back
 * (`fulfillRequest` looks at the queue). In every other case kafkajs's own schedule stands.
 */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests: (this: RequestQueueInternals) => void;
}

// kafkajs exports no name for its request queue: this is its file, as 2.2.4 lays it out.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as {
  prototype: RequestQueueInternals;
};

const scheduleAsKafkajsDoes = RequestQueue.prototype.scheduleCheckPendingRequests;

RequestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
  if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
  scheduleAsKafkajsDoes.call(this);
};

export { RequestQueue as KafkajsRequestQueue };
