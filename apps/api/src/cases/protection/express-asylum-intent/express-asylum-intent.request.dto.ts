import { INTENT_STATEMENTS, RULES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { OccurredAtDto } from '../../shared/request-parts.dto';

export class ExpressAsylumIntentRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: ['police', 'other-authority'] })
  @IsIn(['police', 'other-authority'])
  expressedTo!: string;

  @ApiPropertyOptional({
    maxLength: RULES.shortTextMaxLength,
    nullable: true,
    description: 'Required when expressed to another authority',
    example: null,
  })
  @IsOptional()
  @IsString()
  @Length(1, RULES.shortTextMaxLength)
  authority?: string;

  @ApiProperty({ enum: INTENT_STATEMENTS, description: 'The statement of reasons' })
  @IsIn(INTENT_STATEMENTS)
  statement!: string;
}
