import { APPEALABLE } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto } from '../../shared/request-parts.dto';

export class LodgeAppealRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: APPEALABLE, description: 'The decision appealed against' })
  @IsIn(APPEALABLE)
  against!: string;
}
