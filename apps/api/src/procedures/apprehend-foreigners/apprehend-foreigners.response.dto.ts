import { ApiProperty } from '@nestjs/swagger';

export class StartedProcedureDto {
  @ApiProperty({ format: 'uuid' })
  procedureId!: string;

  @ApiProperty({ format: 'uuid', description: 'Stays the same across procedures and cases.' })
  personId!: string;

  @ApiProperty({
    description: 'Known before, by id or by a matching document or biometric reference.',
  })
  recognised!: boolean;
}

export class ForeignersApprehendedResponseDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Shared by the procedures of the people found together.',
  })
  groupId!: string;

  @ApiProperty({ description: 'Global position of the last event stored (a bigint as a string).' })
  position!: string;

  @ApiProperty({ type: [StartedProcedureDto], description: 'In the order of the request.' })
  procedures!: StartedProcedureDto[];
}
