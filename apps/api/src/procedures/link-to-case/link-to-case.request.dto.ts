import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { OccurredAtDto } from '../../cases/shared/request-parts.dto';

export class LinkToCaseRequestDto extends OccurredAtDto {
  @ApiProperty({ format: 'uuid', description: 'The smuggling case the person is a migrant of' })
  @IsUUID('all')
  caseId!: string;
}
