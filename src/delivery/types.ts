import type { Activity } from 'botbuilder';
import type { Queryable } from '../storage/database';

/** The current time; injected so tests can move it (retries, daily caps, expiry). */

/**
 * The one true state of a message the bot sends on its own:
 * - queued: waiting (new, capped for today, or waiting for a retry);
 * - sending: claimed by the worker, the channel has not answered yet;
 * - sent: the channel accepted it;
 * - failed: the channel refused it (last_error says why) and no retry is left;
 * - expired: it was no longer relevant when its turn came (the activity started, the registration was cancelled…);
 * - unknown: a crash or a timeout hid whether an external channel accepted it; not sent again
 *   unless the lane says a duplicate is harmless;
 * - skipped: the recipient withdrew the consent it relied on (unsubscribed).
 */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'expired', 'unknown', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type DeliveryKind =
  | 'notification'
  | 'ticket_reply'
  | 'reminder'
  | 'promotion'
  | 'activity_changed'
  | 'activity_cancelled'
  | 'registration_cancelled'
  | 'reply';

/** A message to queue (inside the transaction of the change that causes it). */
export interface NewDelivery {
  kind: DeliveryKind;
  /** the same key is never queued twice (e.g. `notification:12:directline|abc`) */
  dedupeKey: string;
  refKey: string;
  activities: Array<Partial<Activity>>;
  dueAt?: string;
  /** still queued at this time → expired */
  expiresAt?: string;
  notificationId?: number;
  ticketMessageId?: number;
  registrationId?: number;
  consentId?: number;
  /** recorded as not to be sent (status expired), with this reason */
  skipReason?: string;
}

/**
 * How a lane sends, as data. The worker applies it; lanes only send.
 * - `delivery: 'atomic'`: the channel's write is in our own database; the lane calls
 *   `message.commit(tx)` inside the transaction that performs the write, so a message is sent
 *   exactly once (a crash before the commit leaves it queued, after it leaves it sent).
 * - `delivery: 'external'`: the outcome is recorded after the channel answered. A crash (or a
 *   send that outlives `sendTimeoutMs`) leaves the outcome unknown; such rows become `unknown`
 *   and are sent again only when `retryUnknown` (a duplicate is harmless on that channel).
 */
export interface LanePolicy {
  delivery: 'atomic' | 'external';
  retryUnknown: boolean;
  /** rows claimed at a time */
  batchSize: number;
  /** sends in flight at a time */
  concurrency: number;
  /** random pause between two sends, [min, max] ms */
  gapMs?: [number, number];
  /** messages accepted per server calendar day; the rest stay queued until the next day */
  dailyCap?: number;
  /** attempts before a refused message is failed */
  maxAttempts: number;
  /** back-off of retries: base doubling per attempt, up to max */
  retryBaseMs: number;
  retryMaxMs: number;
  /** a send taking longer counts as unknown */
  sendTimeoutMs: number;
  /** order within a conversation: a message waits while an older one of its conversation is queued */
  ordered?: boolean;
  /**
   * How long a claim holds (default: twice `sendTimeoutMs` and a minute). Past it, another instance
   * settles the claim as a crash: queued again on an atomic lane, unknown on an external one.
   */
  leaseMs?: number;
}

/** One message handed to a lane. */
export interface LaneMessage {
  id: number;
  kind: DeliveryKind;
  refKey: string;
  channelId: string;
  conversationId: string;
  activities: Array<Partial<Activity>>;
  /** attempts including this one */
  attempts: number;
  /** atomic lanes: marks the message sent; call it inside the transaction of the channel's write */
  commit(tx: Queryable): Promise<void>;
}

/** What the channel said. `retry: false` fails the message at once (e.g. the conversation is unknown). */
export type LaneOutcome =
  | { status: 'accepted' }
  | { status: 'refused'; reason: string; retry: boolean }
  | { status: 'unknown'; reason: string };

/**
 * A channel's way out, registered by the channel's feature with `delivery.registerLane(lane)`:
 * `{ channel, policy, send(message) → accepted | refused(reason) | unknown }`. `channel` is a
 * channelId, or '*' for every channel without a lane of its own (Bot Framework channels through
 * the CloudAdapter). `ready()` false (e.g. WeChat logged out) keeps messages queued; `state()`
 * adds what the console shows about the channel (e.g. the login).
 */
export interface Lane {
  readonly channel: string;
  readonly policy: LanePolicy;
  send(message: LaneMessage): Promise<LaneOutcome>;
  ready?(): boolean;
  state?(): Record<string, unknown>;
}

export const DEFAULT_POLICY: LanePolicy = {
  delivery: 'external',
  retryUnknown: false,
  batchSize: 8,
  concurrency: 8,
  maxAttempts: 5,
  retryBaseMs: 30_000,
  retryMaxMs: 30 * 60_000,
  sendTimeoutMs: 30_000,
};

/** Counts per state, as the console shows them. */
export type StatusCounts = Record<DeliveryStatus, number>;

export function emptyCounts(): StatusCounts {
  return { queued: 0, sending: 0, sent: 0, failed: 0, expired: 0, unknown: 0, skipped: 0 };
}

export interface DeliveryProblem {
  id: number;
  kind: DeliveryKind;
  refKey: string;
  channelId: string;
  status: DeliveryStatus;
  attempts: number;
  reason: string;
  at: string;
}

/** What the console shows about one lane. */
export interface LaneState {
  channel: string;
  delivery: LanePolicy['delivery'];
  ready: boolean;
  queued: number;
  sending: number;
  failed: number;
  unknown: number;
  sentToday: number;
  dailyCap?: number;
  extra?: Record<string, unknown>;
}
