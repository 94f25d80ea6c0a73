import { RULES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

export class WithdrawEntryRequestDto {
  @ApiProperty({
    format: 'uuid',
    description: "The eventId of the entry made in error (from the case's timeline)",
    // Only a stored record's own id works here; the store makes it at random, so no example
    // can (test/e2e/openapi-examples.e2e-spec.ts lists the operation as an exception).
    example: '7e4b2d9c-1a6f-4c3e-8d5b-2f9a0c1e6b37',
  })
  @IsUUID('all')
  withdrawnEventId!: string;

  @ApiProperty({
    maxLength: RULES.noteMaxLength,
    example: 'Remand entered in the wrong case.',
  })
  @IsString()
  @Length(1, RULES.noteMaxLength)
  reason!: string;
}
