import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from './problem-details';

/** The request's shape is wrong; nothing was attempted. */
export class RequestValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super('The request is not valid.');
    this.name = 'RequestValidationError';
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Unknown properties are refused rather than silently dropped, and nothing is coerced:
 * "3" is not a number here.
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
