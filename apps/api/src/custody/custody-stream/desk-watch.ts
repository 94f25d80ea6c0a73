import { APP_CONFIG, AppConfig, Clock } from '@app/platform';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { BehaviorSubject } from 'rxjs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CustodyDesk, DeskEntry } from '../custody-desk/custody-desk';
import { ReminderLog } from './reminder-log';
import { nextReminderAt, remindersDue } from './reminders';

/** The whole desk at one moment, and the last reminder sent by then. */
export interface DeskMoment {
  readonly now: Date;
  readonly entries: readonly DeskEntry[];
  readonly lastReminder: string;
}

/** Even with nothing new, the desk is judged again this often: time left is told in minutes. */
const AT_LEAST_EVERY_MS = 60_000;

/**
 * Watches the desk for the streams of this API instance, and sends the reminders that fall due.
 * Each tick asks Postgres one cheap question (have the desk's projections moved, has any instance
 * sent a reminder); only then, or when a deadline or a reminder falls due, or once a minute, is
 * the desk read and judged again. Reminders are computed from the desk and the clock, so an
 * instance started late sends what fell due while none ran, and the reminder log's keys make a
 * reminder sent twice (a rebuild, another instance) a no-op.
 */
@Injectable()
export class DeskWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('custody-desk');
  readonly moments = new BehaviorSubject<DeskMoment | null>(null);
  private running = false;
  private stopped: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly desk: CustodyDesk,
    private readonly reminders: ReminderLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.stopped = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.stopped;
    this.moments.complete();
  }

  private async loop(): Promise<void> {
    let seen: DeskVersion | null = null;
    let judgedAt = 0;
    let wakeAt: number | null = null;
    while (this.running) {
      try {
        // Read before the desk: whatever the projections apply after it moves the version again.
        const version = await this.version();
        const now = this.clock.now();
        if (
          seen === null ||
          version.progress !== seen.progress ||
          version.reminder !== seen.reminder ||
          now.getTime() - judgedAt >= AT_LEAST_EVERY_MS ||
          (wakeAt !== null && now.getTime() >= wakeAt)
        ) {
          const entries = await this.desk.entries(null, now);
          const { custodyDesk } = this.config;
          await this.reminders.send(remindersDue(entries, now, custodyDesk), now);
          wakeAt = nextReminderAt(entries, now, custodyDesk)?.getTime() ?? null;
          // The reminders read after sending: the moment carries every one due by then.
          const { reminder } = await this.version();
          seen = { progress: version.progress, reminder };
          judgedAt = now.getTime();
          this.moments.next({ now, entries, lastReminder: reminder });
        }
      } catch (error) {
        // Postgres away: the streams keep their last board and heartbeats; try again next tick.
        this.logger.warn(`the desk could not be read: ${(error as Error).message}`);
      }
      await sleep(this.config.custodyDesk.tickMs);
    }
  }

  /** Moves when the desk's read models apply anything or any instance sends a reminder. */
  private async version(): Promise<DeskVersion> {
    const [row]: DeskVersion[] = await this.db.query(
      `SELECT (SELECT coalesce(sum(next_offset), 0) FROM read_model.projection_progress
                WHERE projection IN ('custody-board', 'procedures'))::text AS progress,
              (SELECT coalesce(max(seq), 0) FROM custody_desk.reminders)::text AS reminder`,
    );
    return row;
  }
}

interface DeskVersion {
  readonly progress: string;
  readonly reminder: string;
}
