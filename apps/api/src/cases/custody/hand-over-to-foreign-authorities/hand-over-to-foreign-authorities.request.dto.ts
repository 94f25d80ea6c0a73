import { PARTNER_COUNTRIES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto, ShortText } from '../../shared/request-parts.dto';

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
