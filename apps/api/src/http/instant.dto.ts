import { localIsoTime } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

/** An instant in UTC, with Slovenian wall-clock time beside it for people reading the board. */
export class InstantDto {
  @ApiProperty({ example: '2024-03-15T09:00:00.000Z' })
  utc!: string;

  @ApiProperty({ example: '2024-03-15T10:00:00+01:00', description: 'Europe/Ljubljana' })
  local!: string;

  static of(at: Date): InstantDto {
    return { utc: at.toISOString(), local: localIsoTime(at) };
  }
}
