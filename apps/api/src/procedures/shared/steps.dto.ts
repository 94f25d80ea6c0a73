import { INTENT_STATEMENTS, NEIGHBOURING_COUNTRIES, REFERRAL_DESTINATIONS } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OccurredAtDto, OccurredAtExample, ShortText } from '../../cases/shared/request-parts.dto';

/*
 * The steps of a procedure, each with its own time: recorded with the apprehension (nested in
 * each person of POST /procedures) or later on their own route, with the same body.
 */

export class IntentStepDto extends OccurredAtDto {
  @ApiProperty({ enum: INTENT_STATEMENTS, description: 'The statement of reasons' })
  @IsIn(INTENT_STATEMENTS)
  statement!: string;
}

@OccurredAtExample('2024-03-14T15:00:00+01:00')
export class ReferralStepDto extends OccurredAtDto {
  @ApiProperty({ enum: REFERRAL_DESTINATIONS })
  @IsIn(REFERRAL_DESTINATIONS)
  destination!: string;
}

@OccurredAtExample('2024-03-14T15:00:00+01:00')
export class HandoverStepDto extends OccurredAtDto {
  @ApiProperty({ enum: NEIGHBOURING_COUNTRIES })
  @IsIn(NEIGHBOURING_COUNTRIES)
  country!: string;

  @ShortText('PU Karlovac, border police station Ozalj')
  authority!: string;
}

@OccurredAtExample('2024-03-14T15:00:00+01:00')
export class ReleaseStepDto extends OccurredAtDto {
  @ShortText('Ordered to leave the country within 7 days')
  reason!: string;
}
