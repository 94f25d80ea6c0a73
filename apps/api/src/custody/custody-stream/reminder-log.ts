import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Reminder } from './reminders';

/** A reminder as sent, with its place in the stream. */
export interface SentReminder {
  readonly seq: string;
  readonly key: string;
  readonly kind: string;
  readonly directorate: string;
  readonly dueAt: Date;
  readonly sentAt: Date;
  readonly body: Omit<Reminder, 'dueAt' | 'key' | 'kind' | 'directorate'>;
}

/** Held while sending, so a later `seq` never commits before an earlier one. */
const SENDING_LOCK = 7_308_021;

/**
 * The reminders sent, each once: keyed by what it is about, numbered as sent. Any number of API
 * instances send; the key makes a second sending of the same reminder a no-op.
 */
@Injectable()
export class ReminderLog {
  constructor(private readonly db: DataSource) {}

  /** Sends those not sent yet; how many were new. */
  async send(reminders: readonly Reminder[], now: Date): Promise<number> {
    if (reminders.length === 0) return 0;
    // Most are sent already: looked for without the lock, so that instances rarely wait on it.
    const sent: { key: string }[] = await this.db.query(
      `SELECT key FROM custody_desk.reminders WHERE key = ANY($1::text[])`,
      [reminders.map((r) => r.key)],
    );
    const known = new Set(sent.map((r) => r.key));
    const fresh = reminders.filter((r) => !known.has(r.key));
    if (fresh.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [SENDING_LOCK]);
      const inserted: unknown[] = await tx.query(
        `INSERT INTO custody_desk.reminders (key, kind, directorate, due_at, sent_at, body)
         SELECT r.key, r.kind, r.directorate, r.due_at, $2, r.body
           FROM jsonb_to_recordset($1::jsonb)
                AS r(key text, kind text, directorate text, due_at timestamptz, body jsonb)
          ORDER BY r.due_at, r.key
         ON CONFLICT (key) DO NOTHING
         RETURNING seq`,
        [
          JSON.stringify(
            fresh.map(({ key, kind, directorate, dueAt, ...body }) => ({
              key,
              kind,
              directorate,
              due_at: dueAt,
              body,
            })),
          ),
          now,
        ],
      );
      return inserted.length;
    });
  }

  /** The reminders sent after `seq`, in the order sent, within a directorate or all. */
  async after(seq: string, directorate: string | null, limit = 500): Promise<SentReminder[]> {
    const rows: {
      seq: string;
      key: string;
      kind: string;
      directorate: string;
      due_at: Date;
      sent_at: Date;
      body: SentReminder['body'];
    }[] = await this.db.query(
      `SELECT seq, key, kind, directorate, due_at, sent_at, body FROM custody_desk.reminders
        WHERE seq > $1 AND ($2::text IS NULL OR directorate = $2)
        ORDER BY seq LIMIT $3`,
      [seq, directorate, limit],
    );
    return rows.map((r) => ({
      seq: String(r.seq),
      key: r.key,
      kind: r.kind,
      directorate: r.directorate,
      dueAt: r.due_at,
      sentAt: r.sent_at,
      body: r.body,
    }));
  }
}
