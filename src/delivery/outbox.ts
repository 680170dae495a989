import { systemClock, type Clock } from '../clock';
import type { Activity } from 'botbuilder';
import type { Database, Queryable } from '../storage/database';
import { DELIVERY_TEXT } from './copy';
import {
  emptyCounts,
  type DeliveryKind,
  type DeliveryProblem,
  type DeliveryStatus,
  type LanePolicy,
  type NewDelivery,
  type StatusCounts,
} from './types';

/** One claimed row, ready for its lane. */
export interface ClaimedDelivery {
  id: number;
  kind: DeliveryKind;
  refKey: string;
  channelId: string;
  attempts: number;
  activities: Array<Partial<Activity>>;
}

/** What settles a claim: the row and the attempt that claimed it (a fencing token: a later claim has a higher one). */
export type Claim = Pick<ClaimedDelivery, 'id' | 'attempts'>;

interface ClaimRow {
  id: number;
  kind: DeliveryKind;
  ref_key: string;
  channel_id: string;
  /** after this claim */
  attempts: number;
  payload: string;
  due_at: string;
}

/** Which 'sending' rows recovery settles: all (one process per database) or those whose claim lapsed. */
export interface RecoveryScope {
  /** only claims whose lease ended before this time (ISO), or that have none … */
  leaseEndedBefore: string;
  /** … or that this instance made before it restarted (a stable INSTANCE_ID) */
  orClaimedBy?: string;
}

const INSERT_CHUNK = 100;
const COLUMNS = 14;

/** Which deliveries a count or a retry is about. */
export interface DeliveryFilter {
  notificationId?: number;
  ids?: number[];
  channelId?: string;
}

/** The channel of a reference key (`channelId|conversationId`). */
export function channelOfRef(refKey: string): string {
  const bar = refKey.indexOf('|');
  return bar > 0 ? refKey.slice(0, bar) : refKey;
}

/**
 * The one outbox (table `deliveries`): queued in the transaction of the change that causes a
 * message, claimed by the worker, and closed with the channel's answer. Every state change is
 * one guarded UPDATE (`WHERE status = …`), so two flows can never both settle a row; a claim is
 * settled only by the attempt that made it (`attempts` is the fencing token), so an instance whose
 * lease ran out cannot settle a row another instance has claimed since.
 *
 * Several instances on one PostgreSQL database claim with `FOR UPDATE SKIP LOCKED` (no two claim
 * the same row, none waits for another's batch) and record their id in `claimed_by`; a claim
 * whose lease ended (its instance died mid-send) is settled by another instance as a crash is.
 */
export class DeliveryOutbox {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock = systemClock,
    /** recorded in claimed_by: INSTANCE_ID or the id /healthz shows */
    readonly instanceId = 'local',
  ) {}

  /** Queues messages (inside the caller's transaction); a key queued before is ignored. Resolves with how many were new. */
  async enqueue(q: Queryable, entries: NewDelivery[]): Promise<number> {
    const now = this.clock().toISOString();
    let added = 0;
    for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
      const chunk = entries.slice(i, i + INSERT_CHUNK);
      const { changes } = await q.run(
        `INSERT INTO deliveries (dedupe_key, kind, channel_id, ref_key, payload, notification_id, ticket_message_id,
                registration_id, consent_id, status, due_at, expires_at, last_error, created_at, updated_at)
         VALUES ${chunk.map(() => `(${Array(COLUMNS + 1).fill('?').join(', ')})`).join(', ')}
         ON CONFLICT DO NOTHING`,
        chunk.flatMap((e) => [
          e.dedupeKey,
          e.kind,
          channelOfRef(e.refKey),
          e.refKey,
          JSON.stringify(e.activities),
          e.notificationId ?? null,
          e.ticketMessageId ?? null,
          e.registrationId ?? null,
          e.consentId ?? null,
          e.skipReason ? 'expired' : 'queued',
          e.dueAt ?? now,
          e.expiresAt ?? null,
          e.skipReason ?? null,
          now,
          now,
        ]),
      );
      added += changes;
    }
    return added;
  }

  /** Queued messages of these registrations (and kinds) that no longer apply become expired. */
  async expireForRegistrations(q: Queryable, registrationIds: number[], kinds: DeliveryKind[], reason: string): Promise<number> {
    if (!registrationIds.length || !kinds.length) return 0;
    const { changes } = await q.run(
      `UPDATE deliveries SET status = 'expired', last_error = ?, updated_at = ?
        WHERE status = 'queued' AND registration_id IN (${registrationIds.map(() => '?').join(',')})
          AND kind IN (${kinds.map(() => '?').join(',')})`,
      [reason, this.clock().toISOString(), ...registrationIds, ...kinds],
    );
    return changes;
  }

  /** Queued messages relying on a withdrawn consent are skipped. */
  async skipForConsent(q: Queryable, consentId: number, reason: string): Promise<number> {
    const { changes } = await q.run(
      `UPDATE deliveries SET status = 'skipped', last_error = ?, updated_at = ? WHERE consent_id = ? AND status = 'queued'`,
      [reason, this.clock().toISOString(), consentId],
    );
    return changes;
  }

  /** Channels with messages due now. */
  async dueChannels(): Promise<string[]> {
    const rows = await this.db.all<{ channel_id: string }>(
      `SELECT DISTINCT channel_id FROM deliveries WHERE status = 'queued' AND due_at <= ?`,
      [this.clock().toISOString()],
    );
    return rows.map((r) => r.channel_id);
  }

  /**
   * Claims up to `limit` due messages of a channel, oldest first, as 'sending' with a lease;
   * messages past their expiry become 'expired' on the way. With `ordered`, a message waits while
   * an older one of its conversation is still queued or sending.
   */
  async claim(channelId: string, limit: number, leaseMs: number, ordered = false): Promise<ClaimedDelivery[]> {
    const now = this.clock();
    const nowIso = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const order = ordered
      ? `AND NOT EXISTS (SELECT 1 FROM deliveries p WHERE p.ref_key = d.ref_key AND p.id < d.id AND p.status IN ('queued', 'sending'))`
      : '';
    const expire = `UPDATE deliveries SET status = 'expired', last_error = ?, updated_at = ?
          WHERE status = 'queued' AND channel_id = ? AND expires_at IS NOT NULL AND expires_at <= ?`;
    let rows: ClaimRow[];
    if (this.db.engine === 'postgres') {
      // One statement in autocommit: rows another instance is claiming right now are skipped, not
      // waited for (and a serializable transaction would make concurrent claimers abort each other).
      await this.db.run(expire, [DELIVERY_TEXT.expired, nowIso, channelId, nowIso]);
      rows = await this.db.all<ClaimRow>(
        // The locking CTE runs once (an IN (subquery … LIMIT) may be re-run per row and claim more than the limit).
        `WITH picked AS (
           SELECT d.id FROM deliveries d
            WHERE d.status = 'queued' AND d.channel_id = ? AND d.due_at <= ? ${order}
            ORDER BY d.due_at, d.id LIMIT ?
            FOR UPDATE SKIP LOCKED)
         UPDATE deliveries SET status = 'sending', attempts = attempts + 1, lease_until = ?, claimed_by = ?, updated_at = ?
           FROM picked WHERE deliveries.id = picked.id AND deliveries.status = 'queued'
         RETURNING deliveries.id, deliveries.kind, deliveries.ref_key, deliveries.channel_id, deliveries.attempts, deliveries.payload, deliveries.due_at`,
        [channelId, nowIso, limit, leaseUntil, this.instanceId, nowIso],
      );
      rows.sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id - b.id));
    } else {
      // SQLite: one process per file, its transactions run one at a time.
      rows = await this.db.transaction(async (tx) => {
        await tx.run(expire, [DELIVERY_TEXT.expired, nowIso, channelId, nowIso]);
        const due = await tx.all<ClaimRow>(
          `SELECT d.id, d.kind, d.ref_key, d.channel_id, d.attempts + 1 AS attempts, d.payload, d.due_at FROM deliveries d
            WHERE d.status = 'queued' AND d.channel_id = ? AND d.due_at <= ? ${order}
            ORDER BY d.due_at, d.id LIMIT ?`,
          [channelId, nowIso, limit],
        );
        if (due.length) {
          await tx.run(
            `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, lease_until = ?, claimed_by = ?, updated_at = ?
              WHERE status = 'queued' AND id IN (${due.map(() => '?').join(',')})`,
            [leaseUntil, this.instanceId, nowIso, ...due.map((r) => r.id)],
          );
        }
        return due;
      });
    }
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      refKey: r.ref_key,
      channelId: r.channel_id,
      attempts: r.attempts,
      activities: parseActivities(r.payload),
    }));
  }

  /** Marks a claimed message sent; false when this claim no longer holds it (then nothing changed). */
  async markSent(q: Queryable, claim: Claim): Promise<boolean> {
    const now = this.clock().toISOString();
    const { changes } = await q.run(
      `UPDATE deliveries SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL, claimed_by = ?, updated_at = ?
        WHERE id = ? AND status = 'sending' AND attempts = ?`,
      [now, this.instanceId, now, claim.id, claim.attempts],
    );
    return changes === 1;
  }

  /** A channel accepted a message after it had been recorded as unknown (its answer came late). */
  async markLateAccepted(id: number): Promise<void> {
    const now = this.clock().toISOString();
    await this.db.run(`UPDATE deliveries SET status = 'sent', sent_at = ?, last_error = NULL, updated_at = ? WHERE id = ? AND status = 'unknown'`, [now, now, id]);
  }

  async markRetry(claim: Claim, reason: string, dueAt: Date): Promise<void> {
    await this.settle(claim, 'queued', reason, { due_at: dueAt.toISOString() });
  }

  async markFailed(claim: Claim, reason: string): Promise<void> {
    await this.settle(claim, 'failed', reason);
  }

  async markUnknown(claim: Claim, reason: string): Promise<void> {
    await this.settle(claim, 'unknown', reason);
  }

  /** Claimed messages never handed to the channel (the worker is stopping, the lane paused) go back to the queue. */
  async release(claims: Claim[]): Promise<void> {
    if (!claims.length) return;
    await this.db.run(
      `UPDATE deliveries SET status = 'queued', attempts = attempts - 1, lease_until = NULL, claimed_by = NULL, updated_at = ?
        WHERE status = 'sending' AND (${claims.map(() => '(id = ? AND attempts = ?)').join(' OR ')})`,
      [this.clock().toISOString(), ...claims.flatMap((c) => [c.id, c.attempts])],
    );
  }

  /**
   * After a crash, messages left 'sending': on an atomic lane nothing was written (the write and
   * the mark are one transaction), so they are queued again; on an external lane the channel may
   * or may not have accepted them, so they become 'unknown' — or queued again where a duplicate
   * is harmless. On SQLite (one process per file) called once at start for every 'sending' row;
   * with several instances (PostgreSQL) for the claims whose lease ended — their instance stopped
   * mid-send — at start and on every check, so another instance settles them.
   */
  async recoverInterrupted(policyOf: (channelId: string) => LanePolicy, scope?: RecoveryScope): Promise<{ requeued: number; unknown: number }> {
    // Every claim sets a lease: a 'sending' row without one belongs to no live claim.
    const lapsed = scope ? `AND (lease_until IS NULL OR lease_until < ?${scope.orClaimedBy !== undefined ? ' OR claimed_by = ?' : ''})` : '';
    const lapsedParams = scope ? [scope.leaseEndedBefore, ...(scope.orClaimedBy !== undefined ? [scope.orClaimedBy] : [])] : [];
    const rows = await this.db.all<{ channel_id: string }>(`SELECT DISTINCT channel_id FROM deliveries WHERE status = 'sending' ${lapsed}`, lapsedParams);
    let requeued = 0;
    let unknown = 0;
    const now = this.clock().toISOString();
    for (const { channel_id: channelId } of rows) {
      const policy = policyOf(channelId);
      if (policy.delivery === 'atomic' || policy.retryUnknown) {
        const { changes } = await this.db.run(
          `UPDATE deliveries SET status = 'queued', lease_until = NULL, updated_at = ?,
                  last_error = CASE WHEN ? = 1 THEN last_error ELSE ? END
            WHERE status = 'sending' AND channel_id = ? ${lapsed}`,
          [now, policy.delivery === 'atomic' ? 1 : 0, DELIVERY_TEXT.interruptedRequeued, channelId, ...lapsedParams],
        );
        requeued += changes;
      } else {
        const { changes } = await this.db.run(
          `UPDATE deliveries SET status = 'unknown', lease_until = NULL, updated_at = ?,
                  last_error = ?
            WHERE status = 'sending' AND channel_id = ? ${lapsed}`,
          [now, DELIVERY_TEXT.interruptedUnknown, channelId, ...lapsedParams],
        );
        unknown += changes;
      }
    }
    return { requeued, unknown };
  }

  /** Messages of a channel accepted since `sinceIso` (the daily cap). */
  async sentSince(channelId: string, sinceIso: string): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM deliveries WHERE channel_id = ? AND status = 'sent' AND sent_at >= ?`,
      [channelId, sinceIso],
    );
    return row?.n ?? 0;
  }

  /** Counts per channel and state. */
  async countsByChannel(filter: DeliveryFilter = {}): Promise<Record<string, StatusCounts>> {
    const { where, params } = filterClause(filter);
    const rows = await this.db.all<{ channel_id: string; status: DeliveryStatus; n: number }>(
      `SELECT channel_id, status, COUNT(*) AS n FROM deliveries ${where} GROUP BY channel_id, status`,
      params,
    );
    const counts: Record<string, StatusCounts> = {};
    for (const row of rows) (counts[row.channel_id] ??= emptyCounts())[row.status] += row.n;
    return counts;
  }

  /** Failed, unknown and retrying messages, with their reasons, newest first. */
  async problems(filter: DeliveryFilter = {}, limit = 50): Promise<DeliveryProblem[]> {
    const { where, params } = filterClause(filter);
    const rows = await this.db.all<{ id: number; kind: DeliveryKind; ref_key: string; channel_id: string; status: DeliveryStatus; attempts: number; last_error: string | null; due_at: string; updated_at: string }>(
      `SELECT id, kind, ref_key, channel_id, status, attempts, last_error, due_at, updated_at FROM deliveries
        ${where ? `${where} AND` : 'WHERE'} (status IN ('failed', 'unknown') OR (status = 'queued' AND last_error IS NOT NULL))
        ORDER BY id DESC LIMIT ?`,
      [...params, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      refKey: r.ref_key,
      channelId: r.channel_id,
      status: r.status,
      attempts: r.attempts,
      reason: r.status === 'queued' ? DELIVERY_TEXT.retryAt(r.last_error ?? '', r.due_at) : r.last_error ?? '',
      at: r.updated_at,
    }));
  }

  /** Queues failed messages (and, when asked, unknown ones) again, now. Resolves with how many. */
  async retry(filter: DeliveryFilter, includeUnknown = false): Promise<number> {
    const { where, params } = filterClause(filter);
    const now = this.clock().toISOString();
    const { changes } = await this.db.run(
      `UPDATE deliveries SET status = 'queued', attempts = 0, due_at = ?, updated_at = ?, last_error = NULL
        ${where ? `${where} AND` : 'WHERE'} status IN (${includeUnknown ? `'failed', 'unknown'` : `'failed'`})`,
      [now, now, ...params],
    );
    return changes;
  }

  /** The state of each ticket reply, by ticket message id. */
  async ticketReplyStates(ticketMessageIds: number[]): Promise<Map<number, { status: DeliveryStatus; error?: string }>> {
    const states = new Map<number, { status: DeliveryStatus; error?: string }>();
    if (!ticketMessageIds.length) return states;
    const rows = await this.db.all<{ ticket_message_id: number; status: DeliveryStatus; last_error: string | null }>(
      `SELECT ticket_message_id, status, last_error FROM deliveries WHERE ticket_message_id IN (${ticketMessageIds.map(() => '?').join(',')})`,
      ticketMessageIds,
    );
    for (const r of rows) states.set(r.ticket_message_id, { status: r.status, error: r.last_error ?? undefined });
    return states;
  }

  private async settle(claim: Claim, status: DeliveryStatus, reason: string, extra: Record<string, string> = {}): Promise<void> {
    const sets = Object.keys(extra).map((k) => `, ${k} = ?`).join('');
    await this.db.run(
      `UPDATE deliveries SET status = ?, last_error = ?, lease_until = NULL, claimed_by = ?, updated_at = ?${sets}
        WHERE id = ? AND status = 'sending' AND attempts = ?`,
      [status, reason.slice(0, 500), this.instanceId, this.clock().toISOString(), ...Object.values(extra), claim.id, claim.attempts],
    );
  }
}

function filterClause(filter: DeliveryFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.notificationId !== undefined) {
    clauses.push('notification_id = ?');
    params.push(filter.notificationId);
  }
  if (filter.channelId !== undefined) {
    clauses.push('channel_id = ?');
    params.push(filter.channelId);
  }
  if (filter.ids) {
    clauses.push(filter.ids.length ? `id IN (${filter.ids.map(() => '?').join(',')})` : '0');
    params.push(...filter.ids);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function parseActivities(json: string): Array<Partial<Activity>> {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as Array<Partial<Activity>>) : [];
  } catch {
    return [];
  }
}
