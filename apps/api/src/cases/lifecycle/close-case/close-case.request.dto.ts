import { CLOSURE_REASONS } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto, OptionalNote } from '../../shared/request-parts.dto';

export class CloseCaseRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: CLOSURE_REASONS })
  @IsIn(CLOSURE_REASONS)
  reason!: string;

  @OptionalNote()
  note?: string;
}
