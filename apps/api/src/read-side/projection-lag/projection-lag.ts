import { AppConfig, Clock } from '@app/platform';
import { PROJECTION_NAMES } from '@app/read-models';
import { ServiceUnavailableException } from '@nestjs/common';
import { Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import { InstantDto } from '../../http/instant.dto';
import { PartitionLagDto, ProjectionLagResponseDto } from './projection-lag.response.dto';

interface ProgressRow {
  projection: string;
  partition: number;
  next_offset: string;
  last_recorded_at: Date;
}

/**
 * How far each projection is behind the topic: the end offsets against what it applied.
 * Answers `GET /projections` and the projection lag gauges of `GET /metrics`.
 */
export class ProjectionLagReader {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly admin: Admin,
  ) {}

  async read(): Promise<ProjectionLagResponseDto> {
    // The progress first, then the ends. A projection only applies offsets below the end the
    // broker had then, and ends only grow, so ends read afterwards are never below the progress.
    // Read the other way round, the projector went on between the two reads and the lag came
    // out negative (events the projection applied counted against an end read before them).
    const progress: ProgressRow[] = await this.db.query(
      `SELECT projection, partition, next_offset, last_recorded_at FROM read_model.projection_progress`,
    );
    const ends = await this.topicEnds();
    const now = this.clock.now();
    return {
      asOf: InstantDto.of(now),
      topic: this.config.kafka.topic,
      projections: PROJECTION_NAMES.map((name) => {
        const partitions = ends.map(({ partition, high }): PartitionLagDto => {
          const applied = progress.find((p) => p.projection === name && p.partition === partition);
          const eventsBehind = Number(high) - Number(applied?.next_offset ?? 0);
          return {
            partition,
            endOffset: high,
            nextOffset: applied?.next_offset ?? '0',
            eventsBehind,
            secondsBehind:
              eventsBehind === 0
                ? 0
                : applied
                  ? Math.max(0, (now.getTime() - applied.last_recorded_at.getTime()) / 1000)
                  : null,
          };
        });
        const seconds = partitions.map((p) => p.secondsBehind);
        return {
          name,
          eventsBehind: partitions.reduce((sum, p) => sum + p.eventsBehind, 0),
          secondsBehind: seconds.includes(null) ? null : Math.max(0, ...(seconds as number[])),
          partitions,
        };
      }),
    };
  }

  private async topicEnds() {
    try {
      await this.admin.connect();
      return await this.admin.fetchTopicOffsets(this.config.kafka.topic);
    } catch {
      // Only the broker knows the topic's end; without it there is no honest answer.
      throw new ServiceUnavailableException('Kafka cannot be reached.');
    }
  }
}
