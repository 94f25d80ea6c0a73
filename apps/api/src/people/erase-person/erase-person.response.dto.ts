import { ApiProperty } from '@nestjs/swagger';

export class PersonErasedResponseDto {
  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty({ format: 'date-time' })
  erasedAt!: string;

  @ApiProperty({ description: 'The consultation log entry that records the erasure' })
  logSeq!: string;
}
