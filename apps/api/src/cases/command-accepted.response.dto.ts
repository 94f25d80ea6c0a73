import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AdmittedPersonDto {
  @ApiProperty({ format: 'uuid', description: 'Stays the same across cases.' })
  personId!: string;

  @ApiProperty({
    description: 'Known before, by id or by a matching document or biometric reference.',
  })
  recognised!: boolean;
}

export class CommandAcceptedResponseDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({
    description: 'Version of the case stream after the command; send it as If-Match.',
  })
  version!: number;

  @ApiProperty({ description: 'Global position of the last event stored (a bigint as a string).' })
  position!: string;

  @ApiPropertyOptional({
    type: [AdmittedPersonDto],
    description: 'For arrests, apprehensions and identities: the persons, in the order given.',
  })
  persons?: AdmittedPersonDto[];
}
