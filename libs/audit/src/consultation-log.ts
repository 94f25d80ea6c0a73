import { chainHashSql, instantMicros } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** What a log entry is about: a case, a person, or one of the audit facilities. */
export interface RecordRef {
  readonly kind: 'case' | 'person' | 'consultation-log' | 'integrity';
  readonly id: string;
}

/**
 * A consultation (a read), a disclosure (a read for a named recipient outside the police) or
 * an erasure. Entries hold ids and the stated reasons only, never the data that was read or
 * erased.
 */
export type LoggedAction = 'consultation' | 'disclosure' | 'erasure';

export interface ConsultationEntry {
  readonly actorId: string;
  readonly role: string;
  readonly directorate: string | null;
  readonly action: LoggedAction;
  /** The route or task that read, e.g. `GET /custody-board`. */
  readonly purpose: string;
  readonly records: readonly RecordRef[];
  readonly justification: string | null;
  readonly recipient: string | null;
  readonly correlationId: string;
}

export interface LoggedConsultation extends ConsultationEntry {
  readonly seq: string;
  readonly recordedAt: string;
  /** Hex SHA-256 chaining this entry to the one before it. */
  readonly hash: string;
}

export interface ConsultationFilter {
  readonly actorId?: string;
  /** Entries that name this case or person. */
  readonly recordId?: string;
  readonly action?: LoggedAction;
  /** recordedAt >= from, < to. */
  readonly from?: Date;
  readonly to?: Date;
  /** Entries after this sequence number. */
  readonly afterSeq?: string;
  readonly limit: number;
}

/** `sha256(previous || entry)`, over the columns as Postgres renders them (see hash-chain.ts). */
export function consultationHashSql(
  previous: string,
  c: Record<keyof typeof STORED_CONSULTATION_COLUMNS, string>,
): string {
  return chainHashSql(previous, [
    `${c.seq}::bigint`,
    instantMicros(c.recordedAt),
    `${c.actorId}::text`,
    `${c.role}::text`,
    `${c.directorate}::text`,
    `${c.action}::text`,
    `${c.purpose}::text`,
    `${c.records}::jsonb`,
    `${c.justification}::text`,
    `${c.recipient}::text`,
    `${c.correlationId}::text`,
  ]);
}

export const STORED_CONSULTATION_COLUMNS = {
  seq: 'c.seq',
  recordedAt: 'c.recorded_at',
  actorId: 'c.actor_id',
  role: 'c.role',
  directorate: 'c.directorate',
  action: 'c.action',
  purpose: 'c.purpose',
  records: 'c.records',
  justification: 'c.justification',
  recipient: 'c.recipient',
  correlationId: 'c.correlation_id',
};

/*
 * One statement: the head row's UPDATE queues concurrent writers (each one, once it has the
 * row, sees the head as the previous writer committed it), and the entry is inserted with the
 * sequence number and hash the update computed. A failed insert rolls the head back with it.
 */
const RECORD_SQL = `
WITH head AS (
  UPDATE audit.consultation_log_head h
     SET seq = h.seq + 1,
         hash = ${consultationHashSql('h.hash', {
           seq: 'h.seq + 1',
           recordedAt: 'now()',
           actorId: '$1',
           role: '$2',
           directorate: '$3',
           action: '$4',
           purpose: '$5',
           records: '$6',
           justification: '$7',
           recipient: '$8',
           correlationId: '$9',
         })}
  RETURNING seq, hash
)
INSERT INTO audit.consultation_log
  (seq, recorded_at, actor_id, role, directorate, action, purpose, records, justification,
   recipient, correlation_id, hash)
SELECT head.seq, now(), $1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, head.hash FROM head
RETURNING seq::text AS seq`;

interface LogRow {
  seq: string;
  recorded_at: Date;
  actor_id: string;
  role: string;
  directorate: string | null;
  action: LoggedAction;
  purpose: string;
  records: RecordRef[];
  justification: string | null;
  recipient: string | null;
  correlation_id: string;
  hash: string;
}

/**
 * The consultation log of the Law Enforcement Directive (Art. 25): append-only, hash-chained,
 * written before the data it describes leaves the service.
 */
@Injectable()
export class ConsultationLog {
  constructor(private readonly db: DataSource) {}

  async record(entry: ConsultationEntry, tx?: EntityManager): Promise<string> {
    const [{ seq }]: { seq: string }[] = await (tx ?? this.db).query(RECORD_SQL, [
      entry.actorId,
      entry.role,
      entry.directorate,
      entry.action,
      entry.purpose,
      JSON.stringify(entry.records),
      entry.justification,
      entry.recipient,
      entry.correlationId,
    ]);
    return seq;
  }

  /** Entries in the order they were logged, from the filter's cursor on. */
  async list(filter: ConsultationFilter): Promise<LoggedConsultation[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.actorId !== undefined) add((p) => `c.actor_id = ${p}`, filter.actorId);
    if (filter.recordId !== undefined)
      add(
        (p) => `c.records @> jsonb_build_array(jsonb_build_object('id', ${p}::text))`,
        filter.recordId,
      );
    if (filter.action !== undefined) add((p) => `c.action = ${p}`, filter.action);
    if (filter.from !== undefined) add((p) => `c.recorded_at >= ${p}`, filter.from);
    if (filter.to !== undefined) add((p) => `c.recorded_at < ${p}`, filter.to);
    if (filter.afterSeq !== undefined) add((p) => `c.seq > ${p}::bigint`, filter.afterSeq);
    params.push(filter.limit);
    const rows: LogRow[] = await this.db.query(
      `SELECT c.seq::text AS seq, c.recorded_at, c.actor_id, c.role, c.directorate, c.action,
              c.purpose, c.records, c.justification, c.recipient, c.correlation_id,
              encode(c.hash, 'hex') AS hash
         FROM audit.consultation_log c
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.seq LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({
      seq: row.seq,
      recordedAt: row.recorded_at.toISOString(),
      actorId: row.actor_id,
      role: row.role,
      directorate: row.directorate,
      action: row.action,
      purpose: row.purpose,
      records: row.records,
      justification: row.justification,
      recipient: row.recipient,
      correlationId: row.correlation_id,
      hash: row.hash,
    }));
  }
}
