import { Permission } from '@app/auth';
import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblemResponses } from '../http/operation-docs';

export const POLICY = 'access-policy';

/** A route's access policy. A route without one is refused (see AccessGuard). */
export type RoutePolicy = { readonly permission: Permission } | 'public';

/** The route needs a bearer token whose role holds the permission. */
export function Policy(permission: Permission) {
  return applyDecorators(
    SetMetadata(POLICY, { permission } satisfies RoutePolicy),
    ApiBearerAuth(),
    ApiProblemResponses(401, 403, 429),
  );
}

/** The route is open to anyone: the health probes. (The OpenAPI pages, which hold no data, are
 * served outside Nest's routing and are open too.) */
export function Public() {
  return SetMetadata(POLICY, 'public' satisfies RoutePolicy);
}
