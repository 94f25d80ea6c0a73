import { RateLimiter, callerKey } from './rate-limit.middleware';

describe('the rate limiter', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('lets `limit` requests through in a minute, then refuses for a minute from the refusal', () => {
    const limiter = new RateLimiter(3, clock);
    const answers = [0, 1, 2, 3].map(() => limiter.hit('user:a'));
    expect(answers).toEqual([
      { allowed: true, remaining: 2, resetSeconds: 60 },
      { allowed: true, remaining: 1, resetSeconds: 60 },
      { allowed: true, remaining: 0, resetSeconds: 60 },
      { allowed: false, retryAfterSeconds: 60 },
    ]);
    now += 59_500;
    // The window is nearly over, but the block runs a minute from the refusal.
    expect(limiter.hit('user:a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 600;
    expect(limiter.hit('user:a')).toEqual({ allowed: true, remaining: 2, resetSeconds: 60 });
  });

  it('counts each caller on their own, and forgets those whose minute is over', () => {
    const limiter = new RateLimiter(1, clock);
    expect(limiter.hit('user:a').allowed).toBe(true);
    expect(limiter.hit('user:a').allowed).toBe(false);
    expect(limiter.hit('address:10.0.0.1').allowed).toBe(true);
    expect(limiter.callers).toBe(2);
    now += 120_000;
    expect(limiter.hit('address:10.0.0.2').allowed).toBe(true);
    expect(limiter.callers).toBe(1);
  });
});

describe('who a request is counted against', () => {
  it('is the user when their token verified, whatever their address', () => {
    expect(callerKey('inv-nm-17', '10.0.0.1')).toBe('user:inv-nm-17');
  });

  it('is the address otherwise, an IPv4 one however it is written', () => {
    expect(callerKey(undefined, '10.0.0.1')).toBe('address:10.0.0.1');
    expect(callerKey(undefined, '::ffff:10.0.0.1')).toBe('address:10.0.0.1');
    expect(callerKey(undefined, undefined)).toBe('address:unknown');
  });

  it("is an IPv6 address's /64, which one host usually holds whole", () => {
    const key = 'address:2001:db8:0:1::/64';
    expect(callerKey(undefined, '2001:db8:0:1::1')).toBe(key);
    expect(callerKey(undefined, '2001:0db8:0000:0001:ffff:ffff:ffff:ffff')).toBe(key);
    expect(callerKey(undefined, '2001:db8::1:0:0:0:7')).toBe(key);
    expect(callerKey(undefined, '2001:db8:0:2::1')).toBe('address:2001:db8:0:2::/64');
    expect(callerKey(undefined, '::1')).toBe('address:0:0:0:0::/64');
    expect(callerKey(undefined, 'fe80::1%eth0')).toBe('address:fe80:0:0:0::/64');
  });
});
