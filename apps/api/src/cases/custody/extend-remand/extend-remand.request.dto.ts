import { REMAND_EXTENDERS } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Min } from 'class-validator';
import { OccurredAtDto, OccurredAtExample, ShortText } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-04-10T10:00:00+02:00')
export class ExtendRemandRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: REMAND_EXTENDERS })
  @IsIn(REMAND_EXTENDERS)
  by!: string;

  @ApiProperty({ minimum: 1, example: 2 })
  @IsInt()
  @Min(1)
  months!: number;

  @ShortText('Kr 12/2024')
  reference!: string;
}
