import { RELEASE_REASONS } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto, OccurredAtExample, OptionalNote } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-05-20T10:00:00+02:00')
export class ReleaseFromCustodyRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: RELEASE_REASONS, example: 'remand-lifted' })
  @IsIn(RELEASE_REASONS)
  reason!: string;

  @OptionalNote('Remand lifted by the investigating judge.')
  note?: string;
}
