import { EventEnvelope } from '@app/event-store';
import { PoisonPolicy } from '@app/platform';
import { Logger } from '@nestjs/common';
import { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { describeError, poisonLikelihood } from '../dead-letters';
import { Projection } from '../projection';
import { ChunkApplier } from './chunk-applier';
import { DeadLetterPublisher } from './dead-letter-publisher';

/** Where a projection stopped at a message it cannot apply. */
export interface StoppedAt {
  readonly partition: number;
  readonly offset: string;
}

export interface PoisonIsolationOptions {
  readonly projection: Projection;
  readonly chunks: ChunkApplier;
  readonly deadLetters: DeadLetterPublisher;
  /** Asked whether it answers, to tell a message's fault from the database's. */
  readonly db: DataSource;
  readonly policy: PoisonPolicy;
  readonly logger: Logger;
  /** After messages were applied (or skipped): moves the group's offset past them. */
  readonly commit: (
    payload: EachBatchPayload,
    messages: readonly KafkaMessage[],
    events: readonly EventEnvelope[],
  ) => Promise<void>;
  /** Policy `stop`: nothing more is applied until a restart. */
  readonly stop: (at: StoppedAt) => void;
}

/**
 * The live runner's answer to a chunk that failed: finds the message that fails alone,
 * dead-letters it, and follows the poison policy (`PROJECTION_POISON_POLICY`).
 */
export class PoisonIsolation {
  constructor(private readonly options: PoisonIsolationOptions) {}

  /**
   * Applies the chunk's messages one by one, each in its own transaction, up to the first that
   * fails alone. That one, if it is the message's fault, is dead-lettered; then the policy says
   * whether to go on past it (the number of messages consumed is returned) or to stop there
   * (null). A failure that is not the message's (the database, the broker) is thrown: the
   * consumer restarts and reads the message again, as before.
   */
  async isolate(payload: EachBatchPayload, chunk: readonly KafkaMessage[]): Promise<number | null> {
    const { projection, chunks, deadLetters, policy, logger, commit, stop } = this.options;
    const { partition } = payload.batch;
    for (let k = 0; k < chunk.length; k++) {
      if (!payload.isRunning() || payload.isStale()) return null;
      const message = chunk[k];
      let failure: unknown;
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          await commit(payload, [message], await chunks.apply(partition, [message]));
          failure = undefined;
          break;
        } catch (error) {
          failure = error;
          const likelihood = poisonLikelihood(error);
          if (likelihood === 'no') throw error;
          if (likelihood === 'certain') break;
          // A second failure alone, while the database answers, is the message's.
          if (attempt === 2 && !(await this.databaseAnswers())) throw error;
        }
      }
      if (failure === undefined) continue;
      const error = describeError(failure);
      const reason = error.replace(/\.$/, '');
      const where = { projection: projection.name, partition, offset: message.offset };
      const published = await deadLetters.publish(partition, message, error);
      if (policy === 'stop') {
        stop({ partition, offset: message.offset });
        logger.error({
          ...where,
          msg:
            `STOPPED at offset ${message.offset} of partition ${partition}, which it cannot ` +
            `apply (${published ? 'dead-lettered' : 'dead-lettered before'}): ${reason}. ` +
            'Its lag grows until a release that can apply it is started (then redrive it).',
          alert: 'projection-stopped',
          error,
        });
        return null;
      }
      await this.skip(payload, message);
      logger.error({
        ...where,
        msg:
          `SKIPPED offset ${message.offset} of partition ${partition}, which it cannot apply ` +
          `(${published ? 'dead-lettered' : 'dead-lettered before'}): ${reason}. ` +
          'Later events of its stream are dead-lettered too, until it is redriven.',
        alert: 'dead-letter-skipped',
        error,
      });
      return k + 1;
    }
    // Every message applied alone: what failed the chunk did not happen again.
    return chunk.length;
  }

  /**
   * Records the message as handled: the partition's progress moves past it, the stream's
   * checkpoint does not. The stream's later events then meet a gap and are dead-lettered in
   * turn, so no read row is built on a history with a hole; a redrive applies them in order.
   */
  private async skip(payload: EachBatchPayload, message: KafkaMessage): Promise<void> {
    const { projection, chunks, commit } = this.options;
    await chunks.skip(projection, payload.batch.partition, message);
    await commit(payload, [message], []);
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.options.db.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
