import { CUSTODY_RULES, REMAND_GROUNDS } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  Max,
  Min,
} from 'class-validator';
import { OccurredAtDto, OccurredAtExample, ShortText } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-03-15T13:00:00+01:00')
export class OrderRemandRequestDto extends OccurredAtDto {
  @ShortText('Okrožno sodišče v Novem mestu')
  court!: string;

  @ApiProperty({ enum: REMAND_GROUNDS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REMAND_GROUNDS.length)
  @ArrayUnique()
  @IsIn(REMAND_GROUNDS, { each: true })
  grounds!: string[];

  @ShortText('ODT Novo mesto')
  prosecutorOffice!: string;

  @ShortText('Kt 45/2024')
  proposalReference!: string;

  @ApiProperty({ minimum: 1, maximum: CUSTODY_RULES.remandInitialMaxMonths, example: 1 })
  @IsInt()
  @Min(1)
  @Max(CUSTODY_RULES.remandInitialMaxMonths)
  months!: number;
}
