import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 9457 problem details, with `code` as the stable identifier clients branch on. */
export class ProblemDetails {
  @ApiProperty({ example: 'urn:problem:REQUEST.VALIDATION_FAILED' })
  type!: string;

  @ApiProperty({ example: 'The request is not valid.' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ example: '/cases' })
  instance?: string;

  @ApiProperty({ example: 'REQUEST.VALIDATION_FAILED' })
  code!: string;

  @ApiPropertyOptional({ description: 'Field errors, for REQUEST.VALIDATION_FAILED' })
  errors?: FieldError[];

  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  messages: string[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  status: number,
  code: string,
  title: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  return { type: `urn:problem:${code}`, title, status, code, ...extensions };
}

/**
 * HTTP status of each domain error code. Codes not listed are rule violations: 422.
 * A code's status is part of the API contract: change it only with a new API version.
 */
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'STREAM.VERSION_CONFLICT': 409,
  'CASE.ALREADY_OPENED': 409,
  'CASE.NOT_FOUND': 404,
  'PERSON.NOT_FOUND': 404,
  'PERSON.NOT_IN_CASE': 404,
  'PERSON.IDENTITY_CONFLICT': 409,
  'IDEMPOTENCY.KEY_REUSED': 422,
};
