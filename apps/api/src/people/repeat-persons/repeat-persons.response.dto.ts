import { DIRECTORATES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PersonRecordDto {
  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'AF', description: 'Latest known' })
  nationality!: string | null;

  @ApiProperty({ description: 'Cases the person appears in' })
  cases!: number;

  @ApiProperty({ description: 'Apprehensions and arrests, over all cases' })
  apprehensions!: number;

  @ApiProperty({ description: 'Intents to seek international protection, over all cases' })
  asylumIntents!: number;

  @ApiProperty({ format: 'date-time' })
  firstSeenAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastSeenAt!: string;

  @ApiProperty({ type: [String], enum: ['migrant', 'suspect'] })
  roles!: string[];

  @ApiProperty({ type: [String], enum: DIRECTORATES })
  directorates!: string[];

  @ApiProperty({
    description: 'Police procedures after an illegal crossing, over the whole country',
  })
  procedures!: number;

  @ApiProperty({ description: 'Of those procedures, the ones with an intent to seek protection' })
  intents!: number;

  @ApiProperty({ description: 'Of those procedures, the ones that ended in a referral' })
  referrals!: number;

  @ApiProperty({
    description:
      'Of those procedures, the ones after the person had left the asylum home following an ' +
      'earlier procedure',
  })
  caughtAgainAfterLeaving!: number;
}

export class RepeatPersonsResponseDto {
  @ApiProperty({ description: 'People the filters select' })
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty({ type: [PersonRecordDto] })
  items!: PersonRecordDto[];
}
