import { PERMISSIONS, Permission, ROLES, ROLE_PERMISSIONS } from '@app/auth';
import { INestApplication, Type, applyDecorators } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { CommandAcceptedResponseDto } from '../cases/command-accepted.response.dto';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  DECORATORS,
  DocumentBuilder,
  OpenAPIObject,
  SwaggerModule,
  getSchemaPath,
} from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CATALOGUE, ProblemCode } from './problem-catalogue';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';

/**
 * A status's description names its codes up to this many; past it, it points to docs/problems.md
 * instead, as every operation answering the status repeats its description, and the rules of the
 * domain give 422 far more codes than a reader scans there.
 */
const MOST_CODES_LISTED = 12;

/**
 * What a problem answer with `status` means, from the problem catalogue: the meaning of its one
 * code, else its codes by name (docs/problems.md has their meanings, which would repeat at every
 * operation).
 */
export function problemDescription(status: number): string {
  const codes = (Object.keys(PROBLEM_CATALOGUE) as ProblemCode[])
    .filter((code) => PROBLEM_CATALOGUE[code].status === status)
    .sort();
  const reason = `${STATUS_CODES[status] ?? 'Problem'}.`;
  if (codes.length === 0) return reason;
  if (codes.length === 1) {
    return `${reason} \`code\` is \`${codes[0]}\`: ${PROBLEM_CATALOGUE[codes[0]].meaning}`;
  }
  if (codes.length > MOST_CODES_LISTED) {
    return `${reason} \`code\` is one of those docs/problems.md lists with status ${status}.`;
  }
  const names = codes.map((code) => `\`${code}\``).join(', ');
  return `${reason} \`code\` is one of ${names}; docs/problems.md says what each means.`;
}

const problemResponse = (status: number) => ({
  description: problemDescription(status),
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
});

/** Documents problem responses with the application/problem+json media type. */
export function ApiProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetails),
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}

export function ApiIdempotencyKey() {
  return ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retry-safe key (8-128 chars). A retry with the same key and body returns the first answer and stores nothing new.',
  });
}

const ETAG = {
  description: 'The new version of the case, for the next If-Match',
  schema: { type: 'string' },
};

/**
 * Everything a command route documents besides its body: headers, 201 answer, problems.
 * Opening a case starts a stream: no If-Match, no 404, and a Location.
 */
export function ApiCaseCommand(operationId: string, summary: string, opens = false) {
  return applyDecorators(
    ApiOperation({ operationId, summary }),
    ApiIdempotencyKey(),
    ...(opens
      ? []
      : [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description:
              'The case version the command was decided on, e.g. "3" (the ETag of the last answer). A stale version gets 409 with currentVersion.',
          }),
        ]),
    ApiCreatedResponse({
      type: CommandAcceptedResponseDto,
      headers: opens
        ? { ETag: ETAG, Location: { description: 'The new case', schema: { type: 'string' } } }
        : { ETag: ETAG },
    }),
    ApiProblemResponses(
      ...(opens ? [400, 413, 415, 422, 503] : [400, 404, 409, 413, 415, 422, 503]),
    ),
  );
}

/** The version of the API and of its event contract. */
export const API_VERSION = '0.1.0';

/**
 * The metadata key under which `Policy` and `Public` (auth/policy.ts) keep a route's access
 * policy. Named here rather than imported because policy.ts imports this file; the OpenAPI
 * e2e test checks every route's documented permission against the policy itself.
 */
const POLICY_METADATA = 'access-policy';

type DeclaredPolicy = { permission: Permission } | 'public' | undefined;

/** Each route handler's access policy, by the operationId Swagger gives the route. */
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

function policiesByOperation(app: INestApplication): Map<string, DeclaredPolicy> {
  const policies = new Map<string, DeclaredPolicy>();
  for (const { controller, name, handler } of routeHandlers(app)) {
    const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as
      { operationId?: string } | undefined;
    // As Nest's Reflector.getAllAndOverride reads it: the handler's, else the class's.
    const policy = (Reflect.getMetadata(POLICY_METADATA, handler) ??
      Reflect.getMetadata(POLICY_METADATA, controller)) as DeclaredPolicy;
    policies.set(operation?.operationId ?? `${controller.name}_${name}`, policy);
  }
  return policies;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * States each operation's access as the AccessGuard enforces it: the permission a route needs
 * (`x-permission`, and in words with the roles that hold it), or that it is public; and the
 * problems every route with a body may answer before its handler runs.
 */
function documentAccess(document: OpenAPIObject, policies: Map<string, DeclaredPolicy>): void {
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

interface OperationObject {
  operationId?: string;
  requestBody?: unknown;
  responses: Record<string, unknown>;
  description?: string;
  security?: Record<string, string[]>[];
  'x-permission'?: Permission;
}

export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Smuggling cases API')
      .setDescription(
        'Event-sourced case management for people-smuggling investigations (KZ-1 Art. 308). ' +
          'Every operation states the permission it needs (`x-permission`); problems are RFC 9457 ' +
          '`application/problem+json` with a stable `code`. The event contract (AsyncAPI) is docs/asyncapi.json in the repository.',
      )
      .setVersion(API_VERSION)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  documentAccess(document, policiesByOperation(app));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
