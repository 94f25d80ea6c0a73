import { ASYLUM_FACILITIES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto, OccurredAtExample } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-03-16T08:00:00+01:00')
export class RecordLeftReceptionRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: ASYLUM_FACILITIES })
  @IsIn(ASYLUM_FACILITIES)
  facility!: string;
}
