import { AccessDeniedError, AuthenticationError, hasPermission } from '@app/auth';
import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest } from './authenticate.middleware';
import { POLICY, RoutePolicy } from './policy';

/**
 * Deny by default: a route passes only under its declared policy, and a route that
 * declares none is refused for everyone, so a forgotten decorator cannot open a route.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy === 'public') return true;
    if (!policy) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no policy`);
      throw new AccessDeniedError('AUTH.NO_POLICY', 'This route declares no access policy.');
    }
    const { actor } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!actor) throw new AuthenticationError('AUTH.TOKEN_MISSING', 'A bearer token is required.');
    if (!hasPermission(actor, policy.permission)) {
      throw new AccessDeniedError(
        'AUTH.FORBIDDEN',
        `The role ${actor.role} does not have the permission ${policy.permission}.`,
      );
    }
    return true;
  }
}
