import { RecordRef } from '@app/audit';
import { Response } from 'express';
import { Subscription } from 'rxjs';
import { InstantDto } from '../../http/instant.dto';
import { boardOf } from '../custody-board/custody-board.query';
import { HeldPersonDto } from '../custody-board/custody-board.response.dto';
import { heldPeopleShown } from '../custody-board/held-person.mapper';
import { recordsShown } from '../custody-board/records-shown';
import { NamesScope, PersonNames } from '../custody-desk/person-names';
import { DeskMoment, DeskWatch } from './desk-watch';
import { ReminderLog } from './reminder-log';

/** The largest board a stream sends: far above any night's desk. */
const STREAM_BOARD_LIMIT = 5000;

/** A client this far behind in reading is dropped: it reconnects and resumes. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** Who reads, what they asked for, and how their reads are logged. */
export interface StreamReader {
  readonly directorate: string | null;
  readonly expiringWithinMs: number | null;
  readonly overdue: boolean | null;
  readonly names: NamesScope | null;
  /** Logs a consultation of these records (the stream's purpose and justification). */
  readonly consulted: (records: RecordRef[]) => Promise<void>;
  /** When the reader's token expires, in epoch ms; the stream ends then. */
  readonly until: number | null;
}

/**
 * One client's stream: the board it may see on every change, the reminders of its directorate
 * in the order sent, heartbeats. Messages are written one after the other from one queue, so
 * they keep their order and a reminder's id never goes back. Anything that fails ends the
 * stream (the client reconnects and resumes with Last-Event-ID); nothing is written after it.
 */
export class BoardStream {
  /** The last reminder the client has: it gets every one after it. */
  private lastSeq = '0';
  private shown = new Map<string, string>();
  private readonly logged = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private subscription: Subscription | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  /** Registered first: a client may leave while the stream is still being opened. */
  private readonly closed: Promise<void>;

  constructor(
    private readonly res: Response,
    private readonly reader: StreamReader,
    private readonly deps: {
      watch: DeskWatch;
      reminders: ReminderLog;
      names: PersonNames;
      heartbeatMs: number;
    },
  ) {
    this.closed = new Promise<void>((resolve) => res.once('close', resolve));
  }

  /**
   * The first board, logged before it leaves; then the stream runs until either side ends it.
   * What fails before the first byte is a problem answer (a 503 when Postgres is away).
   */
  async start(first: DeskMoment, lastReminder: string): Promise<void> {
    this.lastSeq = lastReminder;
    const board = await this.boardAt(first);
    await this.consulted(recordsShown(board.items), true);
    if (this.res.destroyed) return;
    this.res.status(200);
    this.res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    this.res.setHeader('Cache-Control', 'no-cache, no-transform');
    this.res.setHeader('X-Accel-Buffering', 'no');
    this.res.write('retry: 3000\n\n');
    this.sendBoard(board, board.items.map(keyOf), []);
    this.enqueue(() => this.sendReminders());
    this.timers.push(
      setInterval(
        () => this.write(`: heartbeat ${new Date().toISOString()}\n\n`),
        this.deps.heartbeatMs,
      ),
    );
    if (this.reader.until !== null) {
      this.timers.push(setTimeout(() => this.end(), Math.max(0, this.reader.until - Date.now())));
    }
    this.subscription = this.deps.watch.moments.subscribe({
      next: (moment) => {
        if (moment && moment !== first) this.enqueue(() => this.update(moment));
      },
      complete: () => this.end(),
    });
    await this.closed;
    this.stop();
  }

  private async update(moment: DeskMoment): Promise<void> {
    const board = await this.boardAt(moment);
    const next = new Map(board.items.map((i) => [keyOf(i), stable(i)]));
    const changed = [...next].filter(([k, v]) => this.shown.get(k) !== v).map(([k]) => k);
    const removed = [...this.shown.keys()].filter((k) => !next.has(k));
    if (changed.length || removed.length) {
      await this.consulted(recordsShown(board.items.filter((i) => changed.includes(keyOf(i)))));
      this.sendBoard(board, changed, removed);
    }
    await this.sendReminders();
  }

  private async sendReminders(): Promise<void> {
    for (;;) {
      const batch = await this.deps.reminders.after(this.lastSeq, this.reader.directorate);
      if (batch.length === 0 || this.res.writableEnded) return;
      await this.consulted(recordsShown(batch.map((r) => r.body)));
      for (const r of batch) {
        this.lastSeq = r.seq;
        this.send('reminder', {
          seq: r.seq,
          kind: r.kind,
          directorate: r.directorate,
          dueAt: InstantDto.of(new Date(r.dueAt)),
          sentAt: InstantDto.of(new Date(r.sentAt)),
          ...r.body,
        });
      }
    }
  }

  private async boardAt(moment: DeskMoment) {
    const { directorate, expiringWithinMs, overdue, names } = this.reader;
    const page = boardOf(
      moment.entries.filter((e) => directorate === null || e.directorate === directorate),
      {
        expiringBy:
          expiringWithinMs === null ? null : new Date(moment.now.getTime() + expiringWithinMs),
        overdue,
        after: null,
        limit: STREAM_BOARD_LIMIT,
      },
    );
    return {
      asOf: InstantDto.of(moment.now),
      items: await heldPeopleShown(page.items, moment.now, names, this.deps.names),
      staleCount: page.staleCount,
    };
  }

  private sendBoard(board: { items: HeldPersonDto[] }, changed: string[], removed: string[]): void {
    this.send('board', { ...board, changed, removed });
    this.shown = new Map(board.items.map((i) => [keyOf(i), stable(i)]));
  }

  /** Logs the records not logged yet on this stream; the opening is logged even if empty. */
  private async consulted(records: RecordRef[], opening = false): Promise<void> {
    const fresh = records.filter((r) => !this.logged.has(`${r.kind}:${r.id}`));
    if (fresh.length === 0 && !opening) return;
    await this.reader.consulted(fresh);
    for (const r of fresh) this.logged.add(`${r.kind}:${r.id}`);
  }

  private send(event: string, data: unknown): void {
    // Every message carries the last reminder's id: Last-Event-ID resumes after it.
    this.write(`id: ${this.lastSeq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(text: string): void {
    if (this.res.writableEnded || this.res.destroyed) return;
    this.res.write(text);
    if (this.res.writableLength > MAX_BUFFERED_BYTES) this.end();
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => (this.res.writableEnded ? undefined : step()))
      .catch(() => this.end());
  }

  private end(): void {
    if (!this.res.writableEnded) this.res.end();
    this.stop();
  }

  private stop(): void {
    this.subscription?.unsubscribe();
    for (const timer of this.timers) clearTimeout(timer);
  }
}

/** The board's key of an entry: the case (or procedure) and the person. */
export const keyOf = (held: HeldPersonDto) => `${held.procedureId ?? held.caseId}:${held.personId}`;

/** What a change is: anything but the minutes counting down, which a client counts itself. */
function stable(held: HeldPersonDto): string {
  return JSON.stringify({
    ...held,
    clocks: held.clocks.map(({ minutesLeft: _, ...clock }) => clock),
    safeguards: held.safeguards.map(({ openMinutes: _, ...s }) => s),
  });
}
