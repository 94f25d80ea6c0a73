import { KafkajsRequestQueue } from './request-queue';

interface QueueState {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  scheduleCheckPendingRequests(): void;
}

/** A request queue's fields as kafkajs sets them, without a connection. */
const queue = (pending: unknown[], throttledUntil: number): QueueState =>
  Object.assign(Object.create(KafkajsRequestQueue.prototype) as QueueState, {
    pending,
    throttledUntil,
    throttleCheckTimeoutId: null,
  });

describe("kafkajs's request queue, mended", () => {
  it('sets no timer when nothing waits and no throttle holds (kafkajs 2.2.4 set one every 1 ms)', () => {
    const idle = queue([], -1);
    idle.scheduleCheckPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still looks again later at requests that wait, and at a throttle that holds', () => {
    for (const waiting of [queue([{}], -1), queue([], Date.now() + 60_000)]) {
      waiting.scheduleCheckPendingRequests();
      expect(waiting.throttleCheckTimeoutId).not.toBeNull();
      clearTimeout(waiting.throttleCheckTimeoutId!);
    }
  });
});
