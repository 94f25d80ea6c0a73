import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { OccurredAtDto, ShortText } from '../../shared/request-parts.dto';

export class RecordIndictmentRequestDto extends OccurredAtDto {
  @ShortText('Okrožno sodišče v Novem mestu')
  court!: string;

  @ShortText('Kt 45/2024')
  reference!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Suspects of this case indicted',
    minItems: 1,
    maxItems: 100,
    // Only a stored record's own id works here; the store makes it at random, so no example
    // can (test/e2e/openapi-examples.e2e-spec.ts lists the operation as an exception).
    example: ['0b7c5e2a-4d1f-4a8e-9c3b-6f2d1e8a7b54'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  defendantIds!: string[];
}
