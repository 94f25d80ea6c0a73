import { PARTNER_COUNTRIES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto, OccurredAtExample, ShortText } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-03-18T10:00:00+01:00')
export class HandOverToForeignAuthoritiesRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: PARTNER_COUNTRIES })
  @IsIn(PARTNER_COUNTRIES)
  country!: string;

  @ShortText('PU Karlovačka')
  authority!: string;

  @ApiProperty({ enum: ['readmission-agreement', 'other'] })
  @IsIn(['readmission-agreement', 'other'])
  legalBasis!: string;
}
