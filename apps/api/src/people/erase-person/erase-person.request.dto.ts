import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';

/** The grounds on which personal data of police records is erased (ZVOPOKD). */
export const ERASURE_GROUNDS = [
  'retention-period-expired',
  'no-longer-necessary',
  'unlawfully-processed',
  'court-order',
] as const;

export class ErasePersonRequestDto {
  @ApiProperty({ enum: ERASURE_GROUNDS, description: 'Why the law requires the erasure' })
  @IsIn(ERASURE_GROUNDS)
  ground!: (typeof ERASURE_GROUNDS)[number];

  /**
   * The file or decision number that orders the erasure. Not free text: the log entry can
   * never be erased, so it must not be able to hold a name.
   */
  @ApiProperty({
    example: 'Kt 17/24',
    maxLength: 40,
    pattern: '^[A-Za-z0-9][A-Za-z0-9 ./:-]{0,39}$',
  })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ./:-]{0,39}$/, {
    message:
      'reference must be a file or decision number: 1 to 40 letters, digits, spaces and . / : -',
  })
  reference!: string;
}
