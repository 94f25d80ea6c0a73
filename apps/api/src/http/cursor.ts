import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { RequestValidationError } from './request-validation';

export class PageSizeDto {
  @ApiPropertyOptional({ description: 'Page size, 1 to 200', example: '50' })
  @IsOptional()
  @Matches(/^(?:[1-9]\d?|1\d\d|200)$/, { message: 'limit must be an integer from 1 to 200' })
  limit?: string;
}

/** Page size and position of a keyset-paginated list. */
export class PageRequestDto extends PageSizeDto {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'cursor must be a nextCursor of this route' })
  cursor?: string;
}

export const pageSize = (page: PageSizeDto, fallback = 50) => Number(page.limit ?? fallback);

/** An opaque cursor: where the next page starts, as the route wrote it. */
export function encodeCursor(cursor: object): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor, if this route wrote it (`valid` says); any other text is a 400. */
export function decodeCursor<T>(text: string, valid: (cursor: T) => boolean): T {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as T;
    if (typeof cursor === 'object' && cursor !== null && valid(cursor)) return cursor;
  } catch {
    // Not ours: answered below like any other malformed cursor.
  }
  throw new RequestValidationError([
    { field: 'cursor', messages: ['cursor must be a nextCursor of this route'] },
  ]);
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
