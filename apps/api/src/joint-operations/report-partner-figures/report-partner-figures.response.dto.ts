import { ApiProperty } from '@nestjs/swagger';

export class PartnerFiguresAcceptedResponseDto {
  @ApiProperty({ example: 'HR-SI-2024-03', description: 'The operation code, as kept (trimmed)' })
  code!: string;

  @ApiProperty({
    description: "Version of the operation's stream after the command; send it as If-Match.",
  })
  version!: number;

  @ApiProperty({ description: 'Global position of the last event stored (a bigint as a string).' })
  position!: string;
}
