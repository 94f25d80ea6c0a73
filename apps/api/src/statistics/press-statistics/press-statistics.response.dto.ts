import { DIRECTORATES, NEIGHBOURING_COUNTRIES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

export class PeriodDto {
  @ApiProperty({ example: '2024-01-01', description: 'First day, inclusive' })
  from!: string;

  @ApiProperty({ example: '2024-03-01', description: 'Day after the last, exclusive' })
  to!: string;

  @ApiProperty({ example: 'Europe/Ljubljana', description: 'The days are local days here' })
  timeZone!: string;
}

export class SmugglersDto {
  @ApiProperty({ example: 137 })
  total!: number;

  @ApiProperty({ example: 135 })
  foreigners!: number;

  @ApiProperty({ example: 2 })
  slovenianCitizens!: number;
}

export class AsylumIntentDto {
  @ApiProperty({ description: 'Migrants counted in the period who are not Slovenian citizens' })
  foreignMigrants!: number;

  @ApiProperty({ description: 'Of them, those who expressed an intent to seek protection' })
  expressedIntent!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.985,
    description: 'expressedIntent / foreignMigrants; null without migrants',
  })
  share!: number | null;
}

export class NationalityCountDto {
  @ApiProperty({ example: 'SY', description: 'ISO 3166-1 alpha-2, or "unknown"' })
  nationality!: string;

  @ApiProperty()
  count!: number;
}

export class NationalityBreakdownDto {
  @ApiProperty({ type: [NationalityCountDto], description: 'Most frequent first' })
  smugglers!: NationalityCountDto[];

  @ApiProperty({ type: [NationalityCountDto], description: 'Most frequent first' })
  migrants!: NationalityCountDto[];
}

export class DirectorateFiguresDto {
  @ApiProperty({ enum: DIRECTORATES })
  directorate!: string;

  @ApiProperty()
  cases!: number;

  @ApiProperty()
  smugglersArrested!: number;

  @ApiProperty()
  migrants!: number;

  @ApiProperty()
  smugglersRemanded!: number;
}

export class ReferralFiguresDto {
  @ApiProperty()
  'asylum-home-ljubljana'!: number;

  @ApiProperty()
  'asylum-home-logatec'!: number;

  @ApiProperty()
  'aliens-centre'!: number;
}

export class NeighbourCountDto {
  @ApiProperty({ enum: NEIGHBOURING_COUNTRIES, description: 'Where the people came from' })
  country!: string;

  @ApiProperty()
  count!: number;
}

/**
 * Foreigners apprehended after crossing illegally: the police procedures, and the migrants of
 * smuggling cases no procedure counts already (the counting rules are in the README).
 */
export class ForeignersDto {
  @ApiProperty({
    example: 11214,
    description:
      'Procedures opened in the period, plus foreign migrants of cases first apprehended in ' +
      'the period whom no procedure counts',
  })
  apprehended!: number;

  @ApiProperty({ description: 'Distinct people among them' })
  persons!: number;

  @ApiProperty({ description: 'Of apprehended: nationality established last outside the EU' })
  thirdCountry!: number;

  @ApiProperty({ description: 'Of apprehended: nationality established last in the EU' })
  eu!: number;

  @ApiProperty({ description: 'Of apprehended: no nationality established' })
  unknownNationality!: number;

  @ApiProperty({
    description: 'Procedures with an intent, plus counted case migrants with one in their case',
  })
  expressedIntent!: number;

  @ApiProperty({ example: 0.87, description: 'expressedIntent / apprehended; 0 without any' })
  intentShare!: number;

  @ApiProperty({ type: ReferralFiguresDto, description: 'Procedures referred, by destination' })
  referrals!: ReferralFiguresDto;

  @ApiProperty({ description: 'Procedures ended by a handover to a neighbouring country' })
  handedOver!: number;

  @ApiProperty({ description: 'Procedures ended by a release' })
  released!: number;

  @ApiProperty({
    description:
      'Procedures whose person has an earlier procedure and had left the asylum home by this ' +
      'apprehension',
  })
  caughtAgainAfterLeaving!: number;

  @ApiProperty({ description: 'Of them, those with an intent again' })
  repeatIntentsAfterLeaving!: number;

  @ApiProperty({ type: [NationalityCountDto], description: 'Most frequent first' })
  byNationality!: NationalityCountDto[];

  @ApiProperty({
    type: [NeighbourCountDto],
    description: 'Procedures by the country the people came from; most frequent first',
  })
  byNeighbour!: NeighbourCountDto[];
}

/** The figures of one period, in the shape the police press releases give them. */
export class PeriodFiguresDto {
  @ApiProperty({ type: PeriodDto })
  period!: PeriodDto;

  @ApiProperty({ example: 121, description: 'Cases opened in the period' })
  cases!: number;

  @ApiProperty({ type: SmugglersDto, description: 'Smugglers arrested, once per case' })
  smugglersArrested!: SmugglersDto;

  @ApiProperty({ example: 757, description: 'Migrants apprehended, once per case' })
  migrants!: number;

  @ApiProperty({ example: 514, description: 'Smugglers remanded in custody, once per case' })
  smugglersRemanded!: number;

  @ApiProperty({ type: AsylumIntentDto })
  asylumIntent!: AsylumIntentDto;

  @ApiProperty({ type: NationalityBreakdownDto })
  byNationality!: NationalityBreakdownDto;

  @ApiProperty({ type: [DirectorateFiguresDto] })
  byDirectorate!: DirectorateFiguresDto[];

  @ApiProperty({ type: ForeignersDto })
  foreigners!: ForeignersDto;
}

export class PressStatisticsResponseDto extends PeriodFiguresDto {
  @ApiProperty({ type: PeriodFiguresDto, description: 'The same days one year earlier' })
  yearEarlier!: PeriodFiguresDto;
}
