import { PARTNER_COUNTRIES, PARTNER_REPORT_AREAS } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Min, ValidateIf } from 'class-validator';
import { OccurredAtDto, ShortText } from '../../cases/shared/request-parts.dto';

/** A number of people as the partner reported it, or null when the report gives none. */
function ReportedCount(example: number, description: string) {
  return (target: object, property: string) => {
    ApiProperty({ type: 'integer', minimum: 0, nullable: true, example, description })(
      target,
      property,
    );
    ValidateIf((o: Record<string, unknown>) => o[property] !== null)(target, property);
    IsInt()(target, property);
    Min(0)(target, property);
  };
}

/** `occurredAt`: when the partner reported the figures. */
export class ReportPartnerFiguresRequestDto extends OccurredAtDto {
  @ShortText('HR-SI-2024-03')
  code!: string;

  @ApiProperty({ enum: PARTNER_COUNTRIES, description: 'The partner police' })
  @IsIn(PARTNER_COUNTRIES)
  partnerCountry!: string;

  @ShortText('Croatian police (MUP RH)')
  authority!: string;

  @ApiProperty({
    enum: PARTNER_REPORT_AREAS,
    description:
      "On the border sections the joint patrols covered, or in the partner's remaining areas",
  })
  @IsIn(PARTNER_REPORT_AREAS)
  area!: string;

  @ReportedCount(172, 'Migrants the partner found; null if the report gives no figure')
  migrants!: number | null;

  @ReportedCount(3, 'Smugglers the partner found; null if the report gives no figure')
  smugglers!: number | null;

  @ShortText('Joint press release of the Slovenian and Croatian police, March 2024')
  source!: string;
}
