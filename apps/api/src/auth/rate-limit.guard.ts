import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticatedRequest } from './authenticate.middleware';

/** Limits each user, whatever address they come from; anonymous callers by address. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const { actor, ip } = req as unknown as AuthenticatedRequest;
    return Promise.resolve(actor ? `actor:${actor.id}` : `ip:${ip}`);
  }
}
