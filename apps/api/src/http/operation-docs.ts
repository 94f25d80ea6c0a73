import { applyDecorators } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { CommandAcceptedResponseDto } from '../cases/command-accepted.response.dto';
import { PROBLEM_CATALOGUE, ProblemCode } from './problem-catalogue';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';

/*
 * The decorators a route states its OpenAPI documentation with, beyond Nest's own: its problem
 * answers, read from the problem catalogue, and the headers and answers every command shares.
 */

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

/** The OpenAPI response object of a problem answer with `status`. */
export const problemResponse = (status: number) => ({
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
