import type { Logger } from 'pino';
import type { Database } from '../storage/database';
import { HOUR_MS, type Clock } from './clock';
import type { ActivityOutbox } from './outbox';
import type { RegistrationService } from './registrationService';
import { activityFromRow, registrationFromRow, type ActivityRow, type RegistrationRow } from './rows';
import { reminderMessage } from './notifications';
import { RETENTION_DAYS } from './notice';

export interface ReminderSchedulerOptions {
  hoursBefore: number;
  /** how often to look for due reminders */
  intervalMs?: number;
  /** how often the retention purge runs */
  purgeEveryMs?: number;
}

type DueRow = RegistrationRow & { a_id: number };

/**
 * Every ~30 s: queues a reminder for each confirmed registrant whose activity starts within
 * `hoursBefore` hours (once per registration and start time, kept in activity_outbox), delivers
 * due outbox messages, and now and then erases contact data past the retention period.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastPurge = 0;
  private readonly intervalMs: number;
  private readonly purgeEveryMs: number;

  constructor(
    private readonly db: Database,
    private readonly registrations: RegistrationService,
    private readonly outbox: ActivityOutbox,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly options: ReminderSchedulerOptions,
  ) {
    this.intervalMs = options.intervalMs ?? 30_000;
    this.purgeEveryMs = options.purgeEveryMs ?? HOUR_MS;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  /** Stops the timer and waits for a tick and any delivery in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    await this.outbox.idle();
  }

  /** One pass; never throws (errors are logged, the next tick tries again). Overlapping calls share a pass. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    if (this.db.isClosed) return;
    try {
      await this.queueDueReminders();
      await this.outbox.flush();
      if (this.clock().getTime() - this.lastPurge >= this.purgeEveryMs) {
        this.lastPurge = this.clock().getTime();
        await this.registrations.purgeExpired(RETENTION_DAYS);
      }
    } catch (err) {
      this.logger.error({ err }, 'activity reminder pass failed');
    }
  }

  /** Queues reminders that are due and not queued yet; returns how many were queued. */
  async queueDueReminders(): Promise<number> {
    const now = this.clock();
    const nowIso = now.toISOString();
    const windowEnd = new Date(now.getTime() + this.options.hoursBefore * HOUR_MS).toISOString();
    const rows = await this.db.all<DueRow>(
      `SELECT r.*, a.id AS a_id FROM registrations r JOIN activities a ON a.id = r.activity_id
        WHERE r.status = 'confirmed' AND r.ref_key IS NOT NULL AND a.status = 'published'
          AND a.starts_at > ? AND a.starts_at <= ?
          AND NOT EXISTS (SELECT 1 FROM activity_outbox o
                           WHERE o.registration_id = r.id AND o.kind = 'reminder' AND o.dedupe_key = a.starts_at)`,
      [nowIso, windowEnd],
    );
    if (!rows.length) return 0;
    let queued = 0;
    await this.db.transaction(async (tx) => {
      const activities = new Map<number, ActivityRow>();
      for (const row of rows) {
        let activityRow = activities.get(row.a_id);
        if (!activityRow) {
          activityRow = (await tx.get<ActivityRow>('SELECT * FROM activities WHERE id = ?', [row.a_id]))!;
          activities.set(row.a_id, activityRow);
        }
        const activity = activityFromRow(activityRow);
        const registration = registrationFromRow(row);
        const dueAt = new Date(Date.parse(activity.startsAt) - this.options.hoursBefore * HOUR_MS).toISOString();
        // Confirmed inside the window: the confirmation itself carried the time and place.
        const late = Boolean(registration.confirmedAt && registration.confirmedAt >= dueAt);
        await this.outbox.enqueue(tx, {
          registrationId: registration.id,
          kind: 'reminder',
          dedupeKey: activity.startsAt,
          refKey: registration.refKey!,
          message: reminderMessage(activity, registration, now),
          dueAt,
          skipReason: late ? 'confirmed after the reminder time' : undefined,
        });
        if (!late) queued++;
      }
    });
    if (queued) this.logger.info({ queued }, 'activity reminders queued');
    return queued;
  }
}
