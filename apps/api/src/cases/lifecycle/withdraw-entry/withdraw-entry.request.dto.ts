import { RULES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

export class WithdrawEntryRequestDto {
  @ApiProperty({
    format: 'uuid',
    description: "The eventId of the entry made in error (from the case's timeline)",
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
