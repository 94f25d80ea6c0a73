import { PARTNER_COUNTRIES, PARTNER_REPORT_AREAS } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { JointOperationFigures } from './get-joint-operation.query';

export class NationalityCountDto {
  @ApiProperty({ example: 'AF', description: 'ISO 3166-1 alpha-2, or "unknown"' })
  nationality!: string;

  @ApiProperty({ type: 'integer' })
  count!: number;
}

/** What the Slovenian police recorded themselves under the operation's code. */
export class RecordedFiguresDto {
  @ApiProperty({ type: 'integer', description: 'Smuggling cases linked to the operation' })
  cases!: number;

  @ApiProperty({
    type: 'integer',
    description: 'Foreigners apprehended in the operation (procedures naming it), each once',
  })
  migrants!: number;

  @ApiProperty({ type: [NationalityCountDto], description: 'The same, by nationality' })
  migrantsByNationality!: NationalityCountDto[];

  @ApiProperty({
    type: 'integer',
    description: 'Suspects of the cases linked to the operation, each person once',
  })
  smugglers!: number;
}

/** The partner police's own figures for one area, as they reported them. */
export class PartnerReportDto {
  @ApiProperty({ enum: PARTNER_COUNTRIES })
  partnerCountry!: string;

  @ApiProperty({ example: 'Croatian police (MUP RH)' })
  authority!: string;

  @ApiProperty({ enum: PARTNER_REPORT_AREAS })
  area!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'null: not in the report' })
  migrants!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'null: not in the report' })
  smugglers!: number | null;

  @ApiProperty({ example: 'Joint press release, March 2024' })
  source!: string;

  @ApiProperty({ format: 'date-time', description: 'When the partner reported the figures' })
  reportedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the report was recorded here' })
  recordedAt!: string;
}

/**
 * One joint operation, both sides apart: what the Slovenian police recorded, and what the
 * partner police reported of their own. They are never added up: the partner's people are not
 * in the Slovenian records.
 */
export class JointOperationResponseDto {
  @ApiProperty({ example: 'HR-SI-2024-03' })
  code!: string;

  @ApiProperty({ type: RecordedFiguresDto })
  recorded!: RecordedFiguresDto;

  @ApiProperty({ type: [PartnerReportDto], description: 'In the order they were reported' })
  partnerReports!: PartnerReportDto[];

  static of(code: string, { recorded, partnerReports }: JointOperationFigures) {
    return {
      code,
      recorded: {
        cases: recorded.cases,
        migrants: recorded.migrants,
        migrantsByNationality: recorded.migrantsByNationality.map(({ nationality, count }) => ({
          nationality,
          count,
        })),
        smugglers: recorded.smugglers,
      },
      partnerReports: partnerReports.map(({ data, occurredAt, recordedAt }) => ({
        partnerCountry: data.partnerCountry,
        authority: data.authority,
        area: data.area,
        migrants: data.migrants,
        smugglers: data.smugglers,
        source: data.source,
        reportedAt: occurredAt,
        recordedAt,
      })),
    } satisfies JointOperationResponseDto;
  }
}
