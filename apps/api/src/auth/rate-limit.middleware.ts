import { NextFunction, Request, Response } from 'express';
import { problem, sendProblem } from '../http/problem-details';
import { AuthenticatedRequest } from './authenticate.middleware';

const WINDOW_MS = 60_000;

/** Probes and scrapes come every few seconds, from the orchestrator and Prometheus. */
const UNLIMITED = new Set(['GET /health/live', 'GET /health/ready', 'GET /metrics']);

export type RateDecision =
  | { readonly allowed: true; readonly remaining: number; readonly resetSeconds: number }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Window {
  startedAt: number;
  hits: number;
  blockedUntil: number;
}

/**
 * One-minute windows per caller, in this process's memory (the limit is per replica). A
 * caller over the limit is refused for a whole minute from that refusal on, whatever it sends
 * meanwhile.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (window && now < window.blockedUntil) {
      return { allowed: false, retryAfterSeconds: Math.ceil((window.blockedUntil - now) / 1000) };
    }
    if (!window || now >= window.startedAt + WINDOW_MS) {
      window = { startedAt: now, hits: 0, blockedUntil: 0 };
      this.windows.set(key, window);
    }
    window.hits += 1;
    if (window.hits > this.limit) {
      window.blockedUntil = now + WINDOW_MS;
      return { allowed: false, retryAfterSeconds: WINDOW_MS / 1000 };
    }
    return {
      allowed: true,
      remaining: this.limit - window.hits,
      resetSeconds: Math.ceil((window.startedAt + WINDOW_MS - now) / 1000),
    };
  }

  /** Callers of the last minute or two: what is remembered, however many call. */
  get callers(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + WINDOW_MS;
    for (const [key, window] of this.windows) {
      if (now >= window.startedAt + WINDOW_MS && now >= window.blockedUntil) {
        this.windows.delete(key);
      }
    }
  }
}

/**
 * Who a request is counted against: the user whose token verified, otherwise the address it
 * came from. An IPv6 host is usually given a whole /64, so it counts as its /64: by single
 * address it could call as billions of callers.
 */
export function callerKey(actorId: string | undefined, address: string | undefined): string {
  if (actorId !== undefined) return `user:${actorId}`;
  const ip = (address ?? 'unknown').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return `address:${mapped[1]}`;
  if (!ip.includes(':')) return `address:${ip}`;
  const [head, tail] = ip.split('::');
  const groups = head ? head.split(':') : [];
  if (tail !== undefined) {
    const rest = tail ? tail.split(':') : [];
    groups.push(...Array<string>(Math.max(0, 8 - groups.length - rest.length)).fill('0'), ...rest);
  }
  const prefix = groups.slice(0, 4).map((group) => (parseInt(group, 16) || 0).toString(16));
  return `address:${prefix.join(':')}::/64`;
}

/**
 * Counts every request but the probes and scrapes, whatever its answer: it runs before any
 * refusal (a bad token, a malformed or oversized body, an unknown route), right after the
 * caller is identified (authenticate), so refused requests count as much as accepted ones.
 */
export function rateLimit(limiter: RateLimiter) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (UNLIMITED.has(`${req.method} ${req.path}`)) return next();
    const decision = limiter.hit(callerKey((req as AuthenticatedRequest).actor?.id, req.ip));
    if (decision.allowed) {
      res.setHeader('X-RateLimit-Limit', String(limiter.limit));
      res.setHeader('X-RateLimit-Remaining', String(decision.remaining));
      res.setHeader('X-RateLimit-Reset', String(decision.resetSeconds));
      return next();
    }
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    sendProblem(
      req,
      res,
      problem('REQUEST.RATE_LIMITED', 'Too many requests; retry after Retry-After seconds.'),
    );
  };
}
