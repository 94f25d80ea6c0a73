import { Actor } from '@app/auth';
import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { AuthenticatedRequest } from './authenticate.middleware';

/** The authenticated caller; AccessGuard has made sure there is one. */
export function actorOf(req: AuthenticatedRequest): Actor {
  if (!req.actor) throw new Error('no authenticated actor: is the route public by mistake?');
  return req.actor;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor =>
  actorOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);
