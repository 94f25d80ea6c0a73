import { INestApplication, applyDecorators } from '@nestjs/common';
import { CommandAcceptedResponseDto } from '../cases/command-accepted.response.dto';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  DocumentBuilder,
  SwaggerModule,
  getSchemaPath,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or fails validation (REQUEST.*), or a read of personal data states no justification (CONSULTATION.JUSTIFICATION_REQUIRED).',
  401: 'No usable bearer token (AUTH.TOKEN_MISSING, AUTH.TOKEN_INVALID, AUTH.TOKEN_EXPIRED).',
  403: 'The role may not do this (AUTH.FORBIDDEN).',
  404: 'No such resource.',
  409: 'The stream moved on (STREAM.VERSION_CONFLICT, with currentVersion), or the state forbids it.',
  410: 'The personal data was erased (PERSON.DATA_ERASED).',
  413: 'The body is too large (REQUEST.TOO_LARGE).',
  415: 'The body is not JSON (REQUEST.UNSUPPORTED_MEDIA_TYPE).',
  422: 'The command breaks a rule of the domain (stable code in `code`).',
  429: 'Too many requests from this user (REQUEST.RATE_LIMITED); retry after Retry-After seconds.',
  503: 'A backing service is unavailable; retry after Retry-After seconds.',
};

/** Documents problem responses with the application/problem+json media type. */
export function ApiProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetails),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
      }),
    ),
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

export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Smuggling cases API')
      .setDescription(
        'Event-sourced case management for people-smuggling investigations (KZ-1 Art. 308).',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
