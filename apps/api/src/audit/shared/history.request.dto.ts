import { CASE_EVENT_TYPES } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import { PageRequestDto } from '../../http/cursor';
import { IsInstant } from '../../http/iso-instant';

const MAX_TYPES = CASE_EVENT_TYPES.length;

/** A comma-separated list of known event types, each at most once. */
function isTypeList(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const types = value.split(',');
  return (
    types.length <= MAX_TYPES &&
    new Set(types).size === types.length &&
    types.every((type) => (CASE_EVENT_TYPES as readonly string[]).includes(type))
  );
}

/** Filters and page of an event history. Query parameters arrive as text and are read as text. */
export class HistoryRequestDto extends PageRequestDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2024-03-01T00:00:00Z',
    description: 'Only events the store recorded at or after this instant (recordedAt, inclusive)',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2024-04-01T00:00:00Z',
    description: 'Only events the store recorded before this instant (recordedAt, exclusive)',
  })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({
    description: 'Only events of these types, comma-separated',
    example: 'person.suspect-arrested,custody.remand-ordered',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isEventTypeList',
    validator: {
      validate: isTypeList,
      defaultMessage: () =>
        `type must be event types separated by commas, each once, of: ${CASE_EVENT_TYPES.join(', ')}`,
    },
  })
  type?: string;

  @ApiPropertyOptional({
    description: 'Only events recorded for this user (metadata.actorId, the token subject)',
    example: 'inv-nm-17',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  // No control characters or lone surrogates: nothing a user id holds, nothing Postgres stores.
  @Matches(/^[^\p{Cc}\p{Cs}]{1,200}$/u, {
    message: 'actorId must be 1 to 200 characters, none of them control characters',
  })
  actorId?: string;
}

/** Where the next page of a history starts: after this global position. */
export interface HistoryCursor {
  readonly after: string;
}

export const isHistoryCursor = (cursor: HistoryCursor): boolean =>
  typeof cursor.after === 'string' && /^[1-9]\d{0,17}$/.test(cursor.after);
