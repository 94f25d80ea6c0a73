import { JOINT_OPERATION_KINDS, PARTNER_COUNTRIES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsInstant } from '../../../http/iso-instant';
import { OccurredAtDto, ShortText } from '../../shared/request-parts.dto';

export class LinkJointOperationRequestDto extends OccurredAtDto {
  @ShortText('HR-SI-2024-03')
  code!: string;

  @ShortText('Tighter joint control of the border, 13-15 March 2024')
  name!: string;

  @ApiProperty({ enum: PARTNER_COUNTRIES })
  @IsIn(PARTNER_COUNTRIES)
  partnerCountry!: string;

  @ApiProperty({ enum: JOINT_OPERATION_KINDS })
  @IsIn(JOINT_OPERATION_KINDS)
  kind!: string;

  @ApiProperty({ format: 'date-time', example: '2024-03-13T00:00:00+01:00' })
  @IsInstant()
  from!: string;

  @ApiProperty({ format: 'date-time', example: '2024-03-15T23:59:00+01:00' })
  @IsInstant()
  to!: string;
}
