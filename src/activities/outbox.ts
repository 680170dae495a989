import type { Logger } from 'pino';
import type { Database, Queryable } from '../storage/database';
import type { ProactiveService } from '../bot/proactive';
import type { Clock } from './clock';

export type OutboxKind = 'reminder' | 'promotion' | 'activity_cancelled' | 'activity_changed';

export interface OutboxEntry {
  registrationId: number;
  kind: OutboxKind;
  /** with registration and kind, identifies the message: the same key is never queued twice */
  dedupeKey: string;
  refKey: string;
  message: string;
  dueAt: string;
  /** recorded as not to be sent, with this reason (so it is not considered again) */
  skipReason?: string;
}

export const MAX_ATTEMPTS = 5;
const BATCH = 50;
const RETRY_BASE_MS = 60_000;

interface PendingRow {
  id: number;
  kind: OutboxKind;
  ref_key: string;
  message: string;
  attempts: number;
  reg_status: string;
  activity_status: string;
  starts_at: string;
}

/**
 * Proactive messages to registrants. Entries are queued inside the transaction that causes them
 * (a promotion with its cancellation), and delivered here in order. `sent_at` is written right after
 * each send, so after a restart nothing sent is sent again and nothing queued is lost.
 * Delivery is serialised: one run at a time, further requests coalesce into the next run.
 */
export class ActivityOutbox {
  private current: Promise<unknown> = Promise.resolve();
  private queued: Promise<number> | undefined;

  constructor(
    private readonly db: Database,
    private readonly proactive: ProactiveService,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  /** Queues a message; a duplicate (same registration, kind, key) is ignored. */
  async enqueue(q: Queryable, entry: OutboxEntry): Promise<void> {
    const now = this.clock().toISOString();
    await q.run(
      `INSERT OR IGNORE INTO activity_outbox (registration_id, kind, dedupe_key, ref_key, message, due_at, created_at, gave_up_at, last_error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        entry.registrationId,
        entry.kind,
        entry.dedupeKey,
        entry.refKey,
        entry.message,
        entry.dueAt,
        now,
        entry.skipReason ? now : null,
        entry.skipReason ?? null,
      ],
    );
  }

  /** Drops queued messages of a registration that no longer apply (it was cancelled). */
  async discardPending(q: Queryable, registrationId: number, kinds: OutboxKind[]): Promise<void> {
    await q.run(
      `UPDATE activity_outbox SET gave_up_at = ?, last_error = 'no longer relevant'
       WHERE registration_id = ? AND sent_at IS NULL AND gave_up_at IS NULL AND kind IN (${kinds.map(() => '?').join(',')})`,
      [this.clock().toISOString(), registrationId, ...kinds],
    );
  }

  /** Delivers every due message; resolves with the number sent. */
  flush(): Promise<number> {
    if (this.queued) return this.queued;
    const run = this.current.then(() => {
      this.queued = undefined;
      return this.deliverDue();
    });
    this.queued = run;
    this.current = run.catch(() => undefined);
    return run;
  }

  /** Starts a delivery in the background (after a change that queued messages). */
  kick(): void {
    this.flush().catch((err) => this.logger.error({ err }, 'activity outbox delivery failed'));
  }

  /** Resolves when no delivery is running or queued. */
  async idle(): Promise<void> {
    while (this.queued) await this.queued.catch(() => undefined);
    await this.current;
  }

  private async deliverDue(): Promise<number> {
    let sent = 0;
    // Each entry is tried at most once per run, whatever happens to its row.
    const tried = new Set<number>();
    for (;;) {
      if (this.db.isClosed) return sent;
      const now = this.clock().toISOString();
      const rows = await this.db.all<PendingRow>(
        `SELECT o.id, o.kind, o.ref_key, o.message, o.attempts,
                r.status AS reg_status, a.status AS activity_status, a.starts_at
           FROM activity_outbox o
           JOIN registrations r ON r.id = o.registration_id
           JOIN activities a ON a.id = r.activity_id
          WHERE o.sent_at IS NULL AND o.gave_up_at IS NULL AND o.due_at <= ?
          ORDER BY o.due_at, o.id
          LIMIT ?`,
        [now, BATCH],
      );
      const fresh = rows.filter((row) => !tried.has(row.id));
      if (!fresh.length) return sent;
      for (const row of fresh) {
        tried.add(row.id);
        if (!stillRelevant(row, now)) {
          await this.db.run(`UPDATE activity_outbox SET gave_up_at = ?, last_error = 'no longer relevant' WHERE id = ?`, [now, row.id]);
          continue;
        }
        if (await this.deliver(row)) sent++;
      }
    }
  }

  private async deliver(row: PendingRow): Promise<boolean> {
    let delivered: boolean;
    try {
      delivered = await this.proactive.send(row.ref_key, row.message);
    } catch (err) {
      const attempts = row.attempts + 1;
      const now = this.clock();
      const giveUp = attempts >= MAX_ATTEMPTS;
      this.logger.warn({ err, outboxId: row.id, kind: row.kind, attempts }, giveUp ? 'activity message failed, giving up' : 'activity message failed, will retry');
      await this.db.run(
        `UPDATE activity_outbox SET attempts = ?, last_error = ?, due_at = ?, gave_up_at = ? WHERE id = ?`,
        [
          attempts,
          String(err instanceof Error ? err.message : err).slice(0, 500),
          new Date(now.getTime() + RETRY_BASE_MS * 2 ** (attempts - 1)).toISOString(),
          giveUp ? now.toISOString() : null,
          row.id,
        ],
      );
      return false;
    }
    const now = this.clock().toISOString();
    if (delivered) {
      await this.db.run('UPDATE activity_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?', [now, row.id]);
    } else {
      // The conversation was never stored (or was removed): nowhere to deliver.
      await this.db.run(`UPDATE activity_outbox SET gave_up_at = ?, last_error = 'unknown conversation' WHERE id = ?`, [now, row.id]);
    }
    return delivered;
  }
}

function stillRelevant(row: PendingRow, now: string): boolean {
  switch (row.kind) {
    case 'activity_cancelled':
      return true;
    case 'promotion':
      return row.reg_status === 'confirmed' && row.activity_status === 'published';
    case 'reminder':
      return row.reg_status === 'confirmed' && row.activity_status === 'published' && row.starts_at > now;
    case 'activity_changed':
      return row.reg_status !== 'cancelled' && row.activity_status === 'published' && row.starts_at > now;
  }
}
