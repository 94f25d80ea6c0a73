import { Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { ProjectionName } from '../projection';

export interface ConsumerGroupTables {
  readonly kafka: Kafka;
  readonly db: DataSource;
  readonly topic: string;
  readonly groupId: string;
  /** Where the projections' tables are; checked by `schemaName`. */
  readonly schema: string;
  readonly projections: readonly ProjectionName[];
  readonly logger: Logger;
}

/**
 * The tables, not the consumer group, say where to go on: the group is set to the next offset
 * `projection_progress` records for each partition (the least of the projections'), and to the
 * partition's first offset where any records none (a new projection, one emptied by a
 * migration, a partition never read).
 * The group's offsets are never ahead of the tables in normal running (they are committed
 * after the tables), but they are after a swap put tables built by other groups in place
 * (`swapInReadModels`), or after a restore: going on from the group would skip events there.
 * Going back is harmless: the checkpoints skip what is applied already. Only offsets that
 * differ are set, since setting them joins the group once more.
 */
export async function setGroupWhereTheTablesAre(group: ConsumerGroupTables): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await setGroupToTables(group);
    } catch (error) {
      const message = (error as Error).message;
      // Another replica of the group is consuming already: it started where the tables are.
      if (message.includes('no running instances')) {
        group.logger.warn(`not set to the offsets of its tables: ${message}`);
        return;
      }
      // Going on from the group instead could skip events: retry (a coordinator that is
      // loading or moving), then refuse to start.
      if (attempt === 5) throw error;
      group.logger.warn(`setting the offsets of its tables failed, retrying: ${message}`);
      await sleep(500 * attempt);
    }
  }
}

async function setGroupToTables(group: ConsumerGroupTables): Promise<void> {
  const { kafka, db, topic, groupId, schema, projections, logger } = group;
  const progress: { partition: number; next_offset: string }[] = await db.query(
    `SELECT partition, min(next_offset) AS next_offset FROM ${schema}.projection_progress
      WHERE projection = ANY($1) GROUP BY partition HAVING count(*) = $2`,
    [projections, projections.length],
  );
  const recorded = new Map(progress.map((p) => [p.partition, String(p.next_offset)]));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    // A partition without a committed offset starts at its first one (`fromBeginning`).
    const from = new Map(committed.partitions.map((p) => [p.partition, p.offset]));
    const partitions = (await admin.fetchTopicOffsets(topic)).map((p) => ({
      partition: p.partition,
      offset: recorded.get(p.partition) ?? p.low,
      now: from.get(p.partition) === '-1' ? p.low : from.get(p.partition),
    }));
    if (partitions.every((p) => p.offset === p.now)) return;
    logger.log(
      `set to the offsets of its tables: ${partitions.map((p) => `${p.partition}@${p.offset}`).join(', ')}`,
    );
    await admin.setOffsets({
      groupId,
      topic,
      partitions: partitions.map(({ partition, offset }) => ({ partition, offset })),
    });
  } finally {
    await admin.disconnect();
  }
}
