import { RULES, SAFEGUARDS, SAFEGUARD_STEPS } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { OccurredAtDto } from '../../shared/request-parts.dto';

function OptionalShortText(description: string, example: string) {
  return (target: object, property: string) => {
    ApiPropertyOptional({ description, example, maxLength: RULES.shortTextMaxLength })(
      target,
      property,
    );
    IsOptional()(target, property);
    IsString()(target, property);
    Length(1, RULES.shortTextMaxLength)(target, property);
  };
}

export class RecordSafeguardRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: SAFEGUARDS, example: 'interpreter' })
  @IsIn(SAFEGUARDS)
  safeguard!: string;

  @ApiProperty({
    enum: SAFEGUARD_STEPS,
    example: 'provided',
    description:
      'requested: the person asked (counsel, family, consulate, an interpreter); provided: given; delayed: lawfully put off, with reason and authorisedBy',
  })
  @IsIn(SAFEGUARD_STEPS)
  step!: string;

  @OptionalShortText('provided: the officer who gave it; by default whoever records it', 'PI 2207')
  by?: string;

  @OptionalShortText('provided: e.g. counsel reached, the language interpreted', 'Arabic')
  detail?: string;

  @ApiPropertyOptional({
    description: 'delayed: why (required)',
    example: 'Counsel on duty unreachable; next call at 04:00',
    maxLength: RULES.noteMaxLength,
  })
  @IsOptional()
  @IsString()
  @Length(1, RULES.noteMaxLength)
  reason?: string;

  @OptionalShortText('delayed: who authorised the delay (required)', 'Duty prosecutor Novak')
  authorisedBy?: string;
}
