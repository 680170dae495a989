import type { Activity } from 'botbuilder';
import type { Database, Queryable } from '../storage/database';
import { systemClock, type Clock } from '../activities/clock';
import { notificationActivity, ticketReplyActivity } from './copy';

export const PUSH_STATUSES = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

/** One claimed row, ready to send. */
export interface ClaimedPush {
  id: number;
  refKey: string;
  channelId: string;
  /** attempts including this one */
  attempts: number;
  notificationId?: number;
  ticketMessageId?: number;
  message: Partial<Activity>;
}

/** Delivery counts of one notification on one channel ('sending' counts as queued). */
export interface ChannelCounts {
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
}

export interface PushFailure {
  refKey: string;
  channelId: string;
  attempts: number;
  error: string;
  at: string;
}

interface ClaimRow {
  id: number;
  ref_key: string;
  channel_id: string;
  attempts: number;
  notification_id: number | null;
  ticket_message_id: number | null;
  n_message: string | null;
  n_actions: string | null;
  m_text: string | null;
  m_ticket_id: number | null;
}

const INSERT_CHUNK = 200;

/**
 * The persisted outbox of console pushes (table push_outbox). Rows move queued → sending → sent,
 * or back to queued for a retry after an error, or to failed / skipped. Claiming marks a row
 * 'sending' before anything is sent, so nothing is sent twice even if the process dies.
 */
export class PushOutbox {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Queues a notification for its recipients (inside the caller's transaction); duplicates are ignored. */
  async enqueueNotification(
    q: Queryable,
    notificationId: number,
    recipients: Array<{ refKey: string; channelId: string; consentId?: number }>,
  ): Promise<number> {
    const now = this.clock().toISOString();
    let queued = 0;
    for (let i = 0; i < recipients.length; i += INSERT_CHUNK) {
      const chunk = recipients.slice(i, i + INSERT_CHUNK);
      const { changes } = await q.run(
        `INSERT OR IGNORE INTO push_outbox (notification_id, ref_key, channel_id, consent_id, due_at, created_at)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((r) => [notificationId, r.refKey, r.channelId, r.consentId ?? null, now, now]),
      );
      queued += changes;
    }
    return queued;
  }

  async enqueueTicketReply(q: Queryable, ticketMessageId: number, refKey: string, channelId: string): Promise<void> {
    const now = this.clock().toISOString();
    await q.run(
      `INSERT OR IGNORE INTO push_outbox (ticket_message_id, ref_key, channel_id, due_at, created_at) VALUES (?, ?, ?, ?, ?)`,
      [ticketMessageId, refKey, channelId, now, now],
    );
  }

  /**
   * Rows left 'sending' by a process that stopped mid-send may or may not have been delivered:
   * they are marked failed, never sent again. Called once at start.
   */
  async recoverInterrupted(): Promise<number> {
    const { changes } = await this.db.run(
      `UPDATE push_outbox SET status = 'failed', last_error = 'interrupted: delivery unknown, not retried' WHERE status = 'sending'`,
    );
    return changes;
  }

  async dueChannels(): Promise<string[]> {
    const rows = await this.db.all<{ channel_id: string }>(
      `SELECT DISTINCT channel_id FROM push_outbox WHERE status = 'queued' AND due_at <= ?`,
      [this.clock().toISOString()],
    );
    return rows.map((r) => r.channel_id);
  }

  /** Claims up to `limit` due rows of one channel, oldest first, and builds their messages. */
  async claim(channelId: string, limit: number): Promise<ClaimedPush[]> {
    const now = this.clock().toISOString();
    const rows = await this.db.transaction(async (tx) => {
      const due = await tx.all<ClaimRow>(
        `SELECT o.id, o.ref_key, o.channel_id, o.attempts, o.notification_id, o.ticket_message_id,
                n.message AS n_message, n.actions AS n_actions, m.text AS m_text, m.ticket_id AS m_ticket_id
           FROM push_outbox o
           LEFT JOIN notifications n ON n.id = o.notification_id
           LEFT JOIN ticket_messages m ON m.id = o.ticket_message_id
          WHERE o.status = 'queued' AND o.channel_id = ? AND o.due_at <= ?
          ORDER BY o.due_at, o.id
          LIMIT ?`,
        [channelId, now, limit],
      );
      if (due.length) {
        await tx.run(
          `UPDATE push_outbox SET status = 'sending', claimed_at = ?, attempts = attempts + 1 WHERE id IN (${due.map(() => '?').join(',')})`,
          [now, ...due.map((r) => r.id)],
        );
      }
      return due;
    });
    return rows.map((r) => ({
      id: r.id,
      refKey: r.ref_key,
      channelId: r.channel_id,
      attempts: r.attempts + 1,
      notificationId: r.notification_id ?? undefined,
      ticketMessageId: r.ticket_message_id ?? undefined,
      message:
        r.notification_id !== null
          ? notificationActivity(r.n_message ?? '', parseActions(r.n_actions))
          : ticketReplyActivity(r.m_ticket_id ?? 0, r.m_text ?? ''),
    }));
  }

  async markSent(ids: number[]): Promise<void> {
    if (!ids.length) return;
    await this.db.run(`UPDATE push_outbox SET status = 'sent', sent_at = ? WHERE id IN (${ids.map(() => '?').join(',')})`, [
      this.clock().toISOString(),
      ...ids,
    ]);
  }

  /** Claimed rows that were never attempted (the worker is stopping) go back to the queue. */
  async release(ids: number[]): Promise<void> {
    if (!ids.length) return;
    await this.db.run(
      `UPDATE push_outbox SET status = 'queued', claimed_at = NULL, attempts = attempts - 1
        WHERE status = 'sending' AND id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
  }

  async markRetry(id: number, error: string, dueAt: Date): Promise<void> {
    await this.db.run(`UPDATE push_outbox SET status = 'queued', last_error = ?, due_at = ?, claimed_at = NULL WHERE id = ?`, [
      error.slice(0, 500),
      dueAt.toISOString(),
      id,
    ]);
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.db.run(`UPDATE push_outbox SET status = 'failed', last_error = ? WHERE id = ?`, [error.slice(0, 500), id]);
  }

  /** Counts per channel for one notification. */
  async notificationCounts(notificationId: number): Promise<Record<string, ChannelCounts>> {
    const rows = await this.db.all<{ channel_id: string; status: PushStatus; n: number }>(
      `SELECT channel_id, status, COUNT(*) AS n FROM push_outbox WHERE notification_id = ? GROUP BY channel_id, status`,
      [notificationId],
    );
    const counts: Record<string, ChannelCounts> = {};
    for (const row of rows) {
      const c = (counts[row.channel_id] ??= { queued: 0, sent: 0, failed: 0, skipped: 0 });
      if (row.status === 'sending') c.queued += row.n;
      else c[row.status] += row.n;
    }
    return counts;
  }

  async notificationFailures(notificationId: number, limit = 20): Promise<PushFailure[]> {
    const rows = await this.db.all<{ ref_key: string; channel_id: string; attempts: number; last_error: string | null; due_at: string; status: string }>(
      `SELECT ref_key, channel_id, attempts, last_error, due_at, status FROM push_outbox
        WHERE notification_id = ? AND (status = 'failed' OR (status = 'queued' AND last_error IS NOT NULL))
        ORDER BY id LIMIT ?`,
      [notificationId, limit],
    );
    return rows.map((r) => ({
      refKey: r.ref_key,
      channelId: r.channel_id,
      attempts: r.attempts,
      error: r.status === 'queued' ? `${r.last_error ?? ''}（将于 ${r.due_at} 重试）` : r.last_error ?? '',
      at: r.due_at,
    }));
  }

  /** Delivery state of ticket replies, by ticket message id. */
  async ticketReplyStates(ticketMessageIds: number[]): Promise<Map<number, { status: PushStatus; error?: string }>> {
    const states = new Map<number, { status: PushStatus; error?: string }>();
    if (!ticketMessageIds.length) return states;
    const rows = await this.db.all<{ ticket_message_id: number; status: PushStatus; last_error: string | null }>(
      `SELECT ticket_message_id, status, last_error FROM push_outbox WHERE ticket_message_id IN (${ticketMessageIds.map(() => '?').join(',')})`,
      ticketMessageIds,
    );
    for (const r of rows) states.set(r.ticket_message_id, { status: r.status, error: r.last_error ?? undefined });
    return states;
  }
}

function parseActions(json: string | null): string[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
