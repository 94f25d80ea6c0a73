import { RELEASE_REASONS } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto, OptionalNote } from '../../shared/request-parts.dto';

export class ReleaseFromCustodyRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: RELEASE_REASONS })
  @IsIn(RELEASE_REASONS)
  reason!: string;

  @OptionalNote()
  note?: string;
}
