import { ApiProperty } from '@nestjs/swagger';

export class ProcedureAcceptedResponseDto {
  @ApiProperty({ format: 'uuid' })
  procedureId!: string;

  @ApiProperty({
    description: 'Version of the procedure stream after the command; send it as If-Match.',
  })
  version!: number;

  @ApiProperty({ description: 'Global position of the last event stored (a bigint as a string).' })
  position!: string;
}
