import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { OccurredAtDto } from '../../cases/shared/request-parts.dto';

export class LinkToCaseRequestDto extends OccurredAtDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The smuggling case the person is a migrant of',
    // Only a stored record's own id works here; the store makes it at random, so no example
    // can (test/e2e/openapi-examples.e2e-spec.ts lists the operation as an exception).
    example: '9d2e7a41-5c3b-4f8e-b6a1-0e4c7d2f9a18',
  })
  @IsUUID('all')
  caseId!: string;
}
