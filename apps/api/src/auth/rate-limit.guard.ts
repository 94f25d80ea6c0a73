import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticatedRequest } from './authenticate.middleware';

/**
 * Limits each user over all routes together, whatever address they come from; anonymous
 * callers by address.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  // The default key also names the controller and handler: a budget per route, not per user.
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string) {
    return `${name}:${tracker}`;
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const { actor, ip } = req as unknown as AuthenticatedRequest;
    return Promise.resolve(actor ? `actor:${actor.id}` : `ip:${ip}`);
  }
}
