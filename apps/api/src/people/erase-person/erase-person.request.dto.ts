import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

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
}
