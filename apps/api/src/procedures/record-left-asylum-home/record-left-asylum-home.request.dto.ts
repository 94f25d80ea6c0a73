import { ASYLUM_FACILITIES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto } from '../../cases/shared/request-parts.dto';

export class RecordLeftAsylumHomeRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: ASYLUM_FACILITIES })
  @IsIn(ASYLUM_FACILITIES)
  facility!: string;
}
