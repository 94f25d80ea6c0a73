import { CLOSURE_REASONS } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto, OccurredAtExample, OptionalNote } from '../../shared/request-parts.dto';

@OccurredAtExample('2024-09-30T12:00:00+02:00')
export class CloseCaseRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: CLOSURE_REASONS })
  @IsIn(CLOSURE_REASONS)
  reason!: string;

  @OptionalNote('Judgment final; nothing left for the police to do.')
  note?: string;
}
