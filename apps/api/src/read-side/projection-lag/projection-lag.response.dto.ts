import { PROJECTION_NAMES } from '@app/read-models';
import { ApiProperty } from '@nestjs/swagger';
import { InstantDto } from '../../http/instant.dto';

export class PartitionLagDto {
  @ApiProperty()
  partition!: number;

  @ApiProperty({ description: 'Offset after the last event on the partition' })
  endOffset!: string;

  @ApiProperty({ description: 'The next offset the projection will apply' })
  nextOffset!: string;

  @ApiProperty()
  eventsBehind!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'At most this many seconds behind: the age of the last event applied while any is ' +
      'waiting, 0 when none is; null when nothing of the partition was applied yet',
  })
  secondsBehind!: number | null;
}

export class ProjectionLagDto {
  @ApiProperty({ enum: PROJECTION_NAMES })
  name!: string;

  @ApiProperty({ description: 'Events on the topic the projection has not applied yet' })
  eventsBehind!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'The largest of its partitions' })
  secondsBehind!: number | null;

  @ApiProperty({ type: [PartitionLagDto] })
  partitions!: PartitionLagDto[];
}

export class ProjectionLagResponseDto {
  @ApiProperty({ type: InstantDto })
  asOf!: InstantDto;

  @ApiProperty({ example: 'smuggling-cases.events' })
  topic!: string;

  @ApiProperty({ type: [ProjectionLagDto] })
  projections!: ProjectionLagDto[];
}
