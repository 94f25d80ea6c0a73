import { isConnectionError, retryDelayMs } from './load-history';

/** Errors shaped as Node's fetch (undici) throws them. */
const fetchFailed = (code: string, message = 'other side closed') =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
const bodyCut = () =>
  new TypeError('terminated', {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });

describe('sending a request of the load again', () => {
  it.each([
    ['a keep-alive connection closed under the request', fetchFailed('UND_ERR_SOCKET')],
    ['a reset connection', fetchFailed('ECONNRESET', 'read ECONNRESET')],
    ['an API not listening (restarting)', fetchFailed('ECONNREFUSED', 'connect ECONNREFUSED')],
    ['an answer cut while its body was read', bodyCut()],
  ])('retries %s, backing off from 250 ms doubling to 8 s', (_, error) => {
    expect(isConnectionError(error)).toBe(true);
    const delays = Array.from({ length: 10 }, (_, n) => retryDelayMs({ error }, n, 10));
    expect(delays.map((d) => d?.ms)).toEqual([
      250, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000,
    ]);
    expect(delays.every((d) => d?.reason === 'connection')).toBe(true);
    expect(retryDelayMs({ error }, 10, 10)).toBeNull();
  });

  it('does not retry errors that are not the network failing', () => {
    const notFound = fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example');
    for (const error of [notFound, new TypeError('Invalid URL'), new Error('boom'), 'text']) {
      expect(isConnectionError(error)).toBe(false);
      expect(retryDelayMs({ error }, 0, 10)).toBeNull();
    }
  });

  it("waits for a 429's or 503's Retry-After, in seconds or as a date, within bounds", () => {
    expect(retryDelayMs({ status: 429, retryAfter: '60' }, 0, 10)).toEqual({
      ms: 60_000,
      reason: 'rate-limited',
    });
    expect(retryDelayMs({ status: 503, retryAfter: '5' }, 3, 10)).toEqual({
      ms: 5_000,
      reason: 'unavailable',
    });
    expect(retryDelayMs({ status: 503, retryAfter: '86400' }, 0, 10)?.ms).toBe(120_000);
    const soon = new Date(Date.now() + 30_000).toUTCString();
    expect(retryDelayMs({ status: 503, retryAfter: soon }, 0, 10)?.ms).toBeGreaterThan(25_000);
    // Without one (or with nonsense): the same backoff as a lost connection.
    expect(retryDelayMs({ status: 503, retryAfter: null }, 2, 10)?.ms).toBe(1_000);
    expect(retryDelayMs({ status: 503, retryAfter: 'soon' }, 0, 10)?.ms).toBe(250);
  });

  it("backs off after a proxy's 502 or 504, and gives up at once on any other answer", () => {
    expect(retryDelayMs({ status: 502, retryAfter: null }, 1, 10)).toEqual({
      ms: 500,
      reason: 'unavailable',
    });
    expect(retryDelayMs({ status: 504, retryAfter: null }, 0, 10)?.ms).toBe(250);
    for (const status of [200, 400, 401, 404, 409, 422, 500]) {
      expect(retryDelayMs({ status, retryAfter: '1' }, 0, 10)).toBeNull();
    }
    expect(retryDelayMs({ status: 503, retryAfter: '1' }, 10, 10)).toBeNull();
  });
});
