import { APP_CONFIG, AppConfig } from '@app/platform';
import { PROJECTION_STREAM_TYPES, ProjectionName } from '@app/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { RequestValidationError } from '../http/request-validation';

/** Query parameters of every read that can wait for the caller's own writes. */
export class ReadAfterDto {
  @ApiPropertyOptional({
    description:
      'The `position` a command answered: the answer waits (bounded) until this read model ' +
      'reflects everything that command stored and everything before it in each case or ' +
      'procedure it wrote. A position at which no event is stored is refused (400).',
  })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'minPosition must be a position a command answered' })
  minPosition?: string;
}

/** The read model did not reach the position in time; the caller may retry. */
export class ReadModelBehindError extends Error {
  constructor(
    readonly projection: ProjectionName,
    readonly position: string,
  ) {
    super(`The ${projection} read model has not reached position ${position} yet.`);
    this.name = 'ReadModelBehindError';
  }
}

const POLL_MS = 20;

/**
 * Read-your-writes across the asynchronous projections. A position names one stored event, and
 * through its `commandId` every event the same command stored: one stream, or several when it
 * opened a procedure for each foreigner of a group (their streams lie on any partition of the
 * topic, so one stream's progress says nothing of the others'). A projection applies each
 * stream (of the kind it reads) in version order, so once its checkpoint of every such stream
 * holds the command's last version there, the command and every earlier fact of those cases
 * or procedures are in the model.
 */
@Injectable()
export class ReadModelFreshness {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async waitFor(projection: ProjectionName, { minPosition }: ReadAfterDto): Promise<void> {
    if (minPosition === undefined) return;
    const written: { stream_id: string; stream_type: string; version: number }[] =
      await this.db.query(
        `WITH answered AS (
           SELECT position, metadata->>'commandId' AS command_id
             FROM event_store.events WHERE position = $1)
         SELECT stream_id, stream_type, max(version) AS version
           FROM event_store.events
          WHERE position = (SELECT position FROM answered)
             OR metadata->>'commandId' = (SELECT command_id FROM answered)
          GROUP BY stream_id, stream_type`,
        [minPosition],
      );
    if (written.length === 0) {
      throw new RequestValidationError([
        { field: 'minPosition', messages: ['no event is stored at this position'] },
      ]);
    }
    // A projection that does not read a kind of stream reflects it already: nothing of it goes
    // into that read model.
    const streams = written.filter((s) => s.stream_type === PROJECTION_STREAM_TYPES[projection]);
    if (streams.length === 0) return;
    const deadline = Date.now() + this.config.http.readWaitMaxMs;
    for (;;) {
      const [{ behind }]: { behind: number }[] = await this.db.query(
        `SELECT count(*)::int AS behind
           FROM unnest($2::uuid[], $3::int[]) AS s(stream_id, version)
           LEFT JOIN read_model.projection_checkpoints c
             ON c.projection = $1 AND c.stream_id = s.stream_id
          WHERE c.version IS NULL OR c.version < s.version`,
        [projection, streams.map((s) => s.stream_id), streams.map((s) => s.version)],
      );
      if (behind === 0) return;
      if (Date.now() >= deadline) throw new ReadModelBehindError(projection, minPosition);
      await sleep(POLL_MS);
    }
  }
}
