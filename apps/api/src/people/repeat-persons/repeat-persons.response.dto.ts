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
