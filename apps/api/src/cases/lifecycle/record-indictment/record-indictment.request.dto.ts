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
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  defendantIds!: string[];
}
