import { APPEALABLE, APPEAL_OUTCOMES, RULES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { OccurredAtDto, OccurredAtExample } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-03-15T10:00:00+01:00')
export class DecideAppealRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: APPEALABLE, description: 'The decision the appeal was against' })
  @IsIn(APPEALABLE)
  against!: string;

  @ApiProperty({ enum: APPEAL_OUTCOMES })
  @IsIn(APPEAL_OUTCOMES)
  outcome!: string;

  @ApiProperty({ maxLength: RULES.shortTextMaxLength, example: 'Okrožno sodišče v Novem mestu' })
  @IsString()
  @Length(1, RULES.shortTextMaxLength)
  court!: string;
}
