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
      'reflects that event and everything before it in its case. A position at which no ' +
      'event is stored is refused (400).',
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
 * Read-your-writes across the asynchronous projections. A position names one stored event;
 * a projection applies each stream (of the kind it reads) in version order, so once its
 * checkpoint of that stream holds the event's version, the event and every earlier one of the
 * case or procedure are in the model.
 */
@Injectable()
export class ReadModelFreshness {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async waitFor(projection: ProjectionName, { minPosition }: ReadAfterDto): Promise<void> {
    if (minPosition === undefined) return;
    const [event]: { stream_id: string; stream_type: string; version: number }[] =
      await this.db.query(
        `SELECT stream_id, stream_type, version FROM event_store.events WHERE position = $1`,
        [minPosition],
      );
    if (!event) {
      throw new RequestValidationError([
        { field: 'minPosition', messages: ['no event is stored at this position'] },
      ]);
    }
    // A projection that does not read this kind of stream reflects it already: nothing of it
    // goes into that read model.
    if (PROJECTION_STREAM_TYPES[projection] !== event.stream_type) return;
    const deadline = Date.now() + this.config.http.readWaitMaxMs;
    for (;;) {
      const [checkpoint]: { version: number }[] = await this.db.query(
        `SELECT version FROM read_model.projection_checkpoints
          WHERE projection = $1 AND stream_id = $2`,
        [projection, event.stream_id],
      );
      if (checkpoint && checkpoint.version >= event.version) return;
      if (Date.now() >= deadline) throw new ReadModelBehindError(projection, minPosition);
      await sleep(POLL_MS);
    }
  }
}
