import { PERMISSIONS, Permission, ROLES, ROLE_PERMISSIONS } from '@app/auth';
import { INestApplication, Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DECORATORS, OpenAPIObject } from '@nestjs/swagger';
import { POLICY, RoutePolicy } from '../auth/policy';
import { problemResponse } from './operation-docs';

/** Every route handler of every controller of the app, with its controller. */
export function* routeHandlers(
  app: Pick<INestApplication, 'get'>,
): Generator<{ controller: Type; name: string; handler: object }> {
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        yield { controller, name, handler };
      }
    }
  }
}

/** Each route handler's access policy, by the operationId Swagger gives the route. */
function policiesByOperation(app: INestApplication): Map<string, RoutePolicy | undefined> {
  const policies = new Map<string, RoutePolicy | undefined>();
  for (const { controller, name, handler } of routeHandlers(app)) {
    const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as
      { operationId?: string } | undefined;
    // As Nest's Reflector.getAllAndOverride reads it: the handler's, else the class's.
    const policy = (Reflect.getMetadata(POLICY, handler) ??
      Reflect.getMetadata(POLICY, controller)) as RoutePolicy | undefined;
    policies.set(operation?.operationId ?? `${controller.name}_${name}`, policy);
  }
  return policies;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface OperationObject {
  operationId?: string;
  requestBody?: unknown;
  responses: Record<string, unknown>;
  description?: string;
  security?: Record<string, string[]>[];
  'x-permission'?: Permission;
}

/**
 * States each operation's access as the AccessGuard enforces it: the permission a route needs
 * (`x-permission`, and in words with the roles that hold it), or that it is public; and the
 * problems every route with a body may answer before its handler runs.
 */
export function documentAccess(document: OpenAPIObject, app: INestApplication): void {
  const policies = policiesByOperation(app);
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, OperationObject | undefined>)[method];
      if (!operation?.operationId) continue;
      if (operation.requestBody) {
        // The body parsers and the validation pipe stand before every route with a body.
        for (const status of [400, 413, 415])
          operation.responses[status] ??= problemResponse(status);
      }
      const policy = policies.get(operation.operationId);
      const stated = operation.description ? `\n\n${operation.description}` : '';
      if (policy === 'public') {
        operation.security = [];
        operation.description = `Public: no token needed.${stated}`;
      } else if (policy && PERMISSIONS.includes(policy.permission)) {
        const roles = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(policy.permission));
        operation['x-permission'] = policy.permission;
        operation.security = [{ bearer: [] }];
        operation.description =
          `Needs a bearer token whose role holds the permission \`${policy.permission}\` ` +
          `(${roles.join(', ')}).${stated}`;
      }
    }
  }
}
