import { APPEALABLE } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto, OccurredAtExample } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-03-14T16:00:00+01:00')
export class LodgeAppealRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: APPEALABLE, description: 'The decision appealed against' })
  @IsIn(APPEALABLE)
  against!: string;
}
