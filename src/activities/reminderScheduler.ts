import type { Logger } from 'pino';
import type { Database } from '../storage/database';
import type { DeliveryService } from '../delivery';
import { HOUR_MS, type Clock } from '../clock';
import type { RegistrationService } from './registrationService';
import { activityFromRow, registrationFromRow, type ActivityRow, type RegistrationRow } from './rows';
import { registrantDelivery, reminderMessage } from './notifications';
import { DELIVERY_NOTE_TEXT } from './copy';
import { RETENTION_DAYS } from './notice';

export interface ReminderSchedulerOptions {
  hoursBefore: number;
}

type DueRow = RegistrationRow & { a_id: number };

/** Seconds between two looks for due reminders (a task of the one scheduler). */
export const REMINDER_CHECK_SECONDS = 30;
/** Seconds between two runs of the sign-up retention purge. */
export const RETENTION_CHECK_SECONDS = 3600;

/**
 * The activities' periodic work, run by the one scheduler: queues a reminder for each confirmed
 * registrant whose activity starts within `hoursBefore` hours (once per registration and start time,
 * through the delivery pipeline), and erases sign-up contact data past the retention period.
 */
export class ReminderScheduler {
  constructor(
    private readonly db: Database,
    private readonly registrations: RegistrationService,
    private readonly delivery: DeliveryService,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly options: ReminderSchedulerOptions,
  ) {}

  /** One look for due reminders; they are handed to the delivery worker at once. */
  async tick(): Promise<void> {
    if (this.db.isClosed) return;
    if (await this.queueDueReminders()) this.delivery.kick();
  }

  async purge(): Promise<number> {
    if (this.db.isClosed) return 0;
    return this.registrations.purgeExpired(RETENTION_DAYS);
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
          AND NOT EXISTS (SELECT 1 FROM deliveries d
                           WHERE d.dedupe_key = 'activity:' || r.id || ':reminder:' || a.starts_at)`,
      [nowIso, windowEnd],
    );
    if (!rows.length) return 0;
    let queued = 0;
    await this.db.transaction(async (tx) => {
      queued = 0; // a transaction retried on PostgreSQL counts again from the start
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
        const entry = registrantDelivery(registration, 'reminder', activity.startsAt, reminderMessage(activity, registration, now), {
          now: nowIso,
          dueAt,
          expiresAt: activity.startsAt,
          skipReason: late ? DELIVERY_NOTE_TEXT.confirmedAfterReminder : undefined,
        });
        if (entry) await this.delivery.enqueue(tx, entry);
        if (!late) queued++;
      }
    });
    if (queued) this.logger.info({ queued }, 'activity reminders queued');
    return queued;
  }
}
