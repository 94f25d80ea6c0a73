import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { OccurredAtDto, ShortText } from '../../shared/request-parts.dto';

export class FileCriminalComplaintRequestDto extends OccurredAtDto {
  @ShortText('ODT Novo mesto')
  prosecutorOffice!: string;

  @ShortText('KU 123/2024')
  reference!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'Suspects of this case named in the complaint; empty if the perpetrator is unknown',
    minItems: 0,
    maxItems: 100,
    // Empty: a suspect's id is the one the arrest answered, which no example can know.
    example: [],
  })
  @IsArray()
  @ArrayMinSize(0)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  suspectIds!: string[];
}
