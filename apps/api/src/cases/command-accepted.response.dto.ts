import { ApiProperty } from '@nestjs/swagger';

export class CommandAcceptedResponseDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({
    description: 'Version of the case stream after the command; send it as If-Match.',
  })
  version!: number;

  @ApiProperty({ description: 'Global position of the last event stored (a bigint as a string).' })
  position!: string;
}
