import type { Logger } from 'pino';
import type { Database } from '../../storage/database';
import { systemClock, type Clock } from './clock';
import type { MenuOption } from './render';

/** One WeChat message to send later. */
export interface OutboxMessage {
  text: string;
  /** The numbered menu this message shows; it becomes the conversation's menu once delivered. */
  menu?: MenuOption[];
}

/** In a room, the member to @-mention. */
export interface Mention {
  id: string;
  name?: string;
}

export interface OutboxItem {
  id: number;
  conversationId: string;
  text: string;
  menu?: MenuOption[];
  mention?: Mention;
  /** Attempts before this one. */
  attempts: number;
}

export interface OutboxStats {
  pending: number;
  failed: number;
  sentToday: number;
  dailyCap: number;
}

export interface OutboxFailure {
  id: number;
  conversationId: string;
  text: string;
  attempts: number;
  lastError: string;
  createdAt: string;
}

export interface SendQueueOptions {
  db: Database;
  /** The WeChat account (WECHATY_NAME) this queue sends for. */
  account: string;
  logger: Logger;
  /** Sends one message; throws when it could not. */
  deliver(item: OutboxItem): Promise<void>;
  /** Runs after a successful delivery (e.g. to remember the menu it showed). */
  afterDelivery?(item: OutboxItem): Promise<void>;
  gapMinMs: number;
  gapMaxMs: number;
  dailyCap: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  clock?: Clock;
}

// Longest idle wait before the queue looks at the table again (clock changes, missed wake-ups).
const MAX_IDLE_MS = 60_000;
const ERROR_PAUSE_MS = 5_000;

/**
 * The serial, persistent send queue of one WeChat account (wechat_outbox).
 *
 * Personal-WeChat accounts that send fast or in bulk get restricted, so proactive messages go
 * out one at a time with a random gap, at most `dailyCap` a day, in order within a conversation.
 * Failed sends are retried with exponential back-off and finally marked failed with the error.
 * Everything is in SQLite, so a restart resumes with what was pending. A message that was being
 * sent when the process died is marked failed rather than sent again: a duplicate notification
 * is worse than one an official can resend from the console.
 */
export class WechatSendQueue {
  private readonly clock: Clock;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private running?: Promise<void>;
  private stopper?: AbortController;
  private paused = true;
  private dirty = false;
  private wake?: () => void;
  private capReported = false;

  constructor(private readonly options: SendQueueOptions) {
    this.clock = options.clock ?? systemClock;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.retryMaxMs = options.retryMaxMs ?? 30 * 60_000;
  }

  /** Adds messages for one conversation, in order, in one transaction. Returns their ids. */
  async enqueue(conversationId: string, messages: OutboxMessage[], mention?: Mention): Promise<number[]> {
    const texts = messages.filter((m) => m.text.trim() !== '');
    if (!texts.length) return [];
    const now = this.clock.now();
    const ids = await this.options.db.transaction(async (tx) => {
      const inserted: number[] = [];
      for (const message of texts) {
        const result = await tx.run(
          `INSERT INTO wechat_outbox (account, conversation_id, mention_id, mention_name, text, menu, next_attempt_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            this.options.account,
            conversationId,
            mention?.id ?? null,
            mention?.name ?? null,
            message.text,
            message.menu?.length ? JSON.stringify(message.menu) : null,
            now,
            now,
          ],
        );
        inserted.push(result.lastID);
      }
      return inserted;
    });
    this.signal();
    return ids;
  }

  /** Starts the worker (paused until `resume()`, i.e. until the account is logged in). */
  start(): void {
    if (this.running) return;
    this.stopper = new AbortController();
    const stop = this.stopper.signal;
    this.running = this.loop(stop).catch((err) => this.options.logger.error({ err }, 'wechat send queue stopped unexpectedly'));
  }

  resume(): void {
    this.paused = false;
    this.signal();
  }

  pause(): void {
    this.paused = true;
  }

  /** Stops the worker; a send in progress finishes first. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopper?.abort();
    this.signal();
    await this.running;
    this.running = undefined;
  }

  async stats(): Promise<OutboxStats> {
    const account = this.options.account;
    const row = await this.options.db.get<{ pending: number; failed: number; sent_today: number }>(
      `SELECT
         SUM(CASE WHEN status IN ('pending', 'sending') THEN 1 ELSE 0 END) AS pending,
         SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed,
         SUM(CASE WHEN status = 'sent' AND sent_at >= ? THEN 1 ELSE 0 END) AS sent_today
       FROM wechat_outbox WHERE account = ?`,
      [startOfDay(this.clock.now()), account],
    );
    return { pending: row?.pending ?? 0, failed: row?.failed ?? 0, sentToday: row?.sent_today ?? 0, dailyCap: this.options.dailyCap };
  }

  /** The most recent messages that could not be sent, newest first. */
  async failures(limit = 20): Promise<OutboxFailure[]> {
    const rows = await this.options.db.all<FailureRow>(
      `SELECT id, conversation_id, text, attempts, last_error, created_at FROM wechat_outbox
       WHERE account = ? AND status = 'failed' ORDER BY id DESC LIMIT ?`,
      [this.options.account, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      conversationId: r.conversation_id,
      text: r.text,
      attempts: r.attempts,
      lastError: r.last_error ?? '',
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  private signal(): void {
    this.dirty = true;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async loop(stop: AbortSignal): Promise<void> {
    await this.markInterrupted();
    while (!stop.aborted) {
      this.dirty = false;
      try {
        await this.step(stop);
      } catch (err) {
        this.options.logger.error({ err }, 'wechat send queue step failed');
        await this.idle(stop, ERROR_PAUSE_MS);
      }
    }
  }

  private async step(stop: AbortSignal): Promise<void> {
    if (this.paused) return this.idle(stop, MAX_IDLE_MS);
    const now = this.clock.now();
    if ((await this.countSentSince(startOfDay(now))) >= this.options.dailyCap) {
      if (!this.capReported) {
        this.options.logger.warn({ dailyCap: this.options.dailyCap }, 'wechat daily send cap reached; the rest waits for tomorrow');
        this.capReported = true;
      }
      return this.idle(stop, Math.min(startOfDay(now) + DAY_MS - now, MAX_IDLE_MS));
    }
    this.capReported = false;
    const item = await this.nextDue(now);
    if (!item) {
      const next = await this.nextAttemptAt();
      return this.idle(stop, next === undefined ? MAX_IDLE_MS : Math.min(Math.max(0, next - now), MAX_IDLE_MS));
    }
    await this.attempt(item);
    if (!stop.aborted) await this.clock.sleep(this.gap(), stop);
  }

  private async attempt(item: OutboxItem): Promise<void> {
    const db = this.options.db;
    await db.run(`UPDATE wechat_outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ?`, [item.id]);
    let failure: unknown;
    try {
      await this.options.deliver(item);
    } catch (err) {
      failure = err ?? new Error('unknown send failure');
    }
    const now = this.clock.now();
    if (failure === undefined) {
      await db.run(`UPDATE wechat_outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?`, [now, item.id]);
      try {
        await this.options.afterDelivery?.(item);
      } catch (err) {
        this.options.logger.warn({ err, outboxId: item.id }, 'wechat after-delivery step failed');
      }
      return;
    }
    const attempts = item.attempts + 1;
    const error = errorText(failure);
    if (attempts >= this.maxAttempts) {
      await db.run(`UPDATE wechat_outbox SET status = 'failed', last_error = ? WHERE id = ?`, [error, item.id]);
      this.options.logger.error({ outboxId: item.id, conversationId: item.conversationId, attempts, error }, 'wechat message could not be sent');
      return;
    }
    const delay = Math.min(this.retryBaseMs * 2 ** (attempts - 1), this.retryMaxMs);
    await db.run(`UPDATE wechat_outbox SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?`, [now + delay, error, item.id]);
    this.options.logger.warn({ outboxId: item.id, attempts, retryInMs: delay, error }, 'wechat send failed; will retry');
  }

  /** The oldest due message whose conversation has nothing older still waiting. */
  private async nextDue(now: number): Promise<OutboxItem | undefined> {
    const row = await this.options.db.get<OutboxRow>(
      `SELECT * FROM wechat_outbox o WHERE ${HEAD_OF_CONVERSATION} AND o.next_attempt_at <= ? ORDER BY o.id LIMIT 1`,
      [this.options.account, now],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      conversationId: row.conversation_id,
      text: row.text,
      menu: parseMenu(row.menu),
      mention: row.mention_id ? { id: row.mention_id, name: row.mention_name ?? undefined } : undefined,
      attempts: row.attempts,
    };
  }

  private async nextAttemptAt(): Promise<number | undefined> {
    const row = await this.options.db.get<{ next: number | null }>(
      `SELECT MIN(o.next_attempt_at) AS next FROM wechat_outbox o WHERE ${HEAD_OF_CONVERSATION}`,
      [this.options.account],
    );
    return row?.next ?? undefined;
  }

  private async countSentSince(since: number): Promise<number> {
    const row = await this.options.db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM wechat_outbox WHERE account = ? AND status = 'sent' AND sent_at >= ?`,
      [this.options.account, since],
    );
    return row?.n ?? 0;
  }

  private async markInterrupted(): Promise<void> {
    const result = await this.options.db.run(
      `UPDATE wechat_outbox SET status = 'failed', last_error = 'interrupted while sending; not resent to avoid a duplicate'
       WHERE account = ? AND status = 'sending'`,
      [this.options.account],
    );
    if (result.changes) this.options.logger.warn({ count: result.changes }, 'wechat messages interrupted by a restart were marked failed');
  }

  /** Waits up to `ms`, or until new work is signalled or the queue stops. */
  private idle(stop: AbortSignal, ms: number): Promise<void> {
    if (stop.aborted || this.dirty) return Promise.resolve();
    const local = new AbortController();
    const onStop = () => local.abort();
    stop.addEventListener('abort', onStop, { once: true });
    this.wake = () => local.abort();
    return this.clock.sleep(ms, local.signal).finally(() => stop.removeEventListener('abort', onStop));
  }

  private gap(): number {
    const min = Math.min(this.options.gapMinMs, this.options.gapMaxMs);
    const max = Math.max(this.options.gapMinMs, this.options.gapMaxMs);
    return Math.round(min + (max - min) * this.clock.random());
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Pending messages of the account (parameter 1) with nothing older waiting in their conversation:
// only these may go next, so a retry keeps the order within its conversation.
const HEAD_OF_CONVERSATION = `o.account = ? AND o.status = 'pending'
  AND NOT EXISTS (SELECT 1 FROM wechat_outbox p WHERE p.account = o.account
    AND p.conversation_id = o.conversation_id AND p.status IN ('pending', 'sending') AND p.id < o.id)`;

/** Local midnight of the day `now` falls in: the daily cap follows the server's calendar day. */
function startOfDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

function parseMenu(json: string | null): MenuOption[] | undefined {
  if (!json) return undefined;
  try {
    const menu = JSON.parse(json) as MenuOption[];
    return Array.isArray(menu) && menu.length ? menu : undefined;
  } catch {
    return undefined;
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : JSON.stringify(err);
  return (text || 'unknown error').slice(0, 500);
}

interface OutboxRow {
  id: number;
  conversation_id: string;
  mention_id: string | null;
  mention_name: string | null;
  text: string;
  menu: string | null;
  attempts: number;
}

interface FailureRow {
  id: number;
  conversation_id: string;
  text: string;
  attempts: number;
  last_error: string | null;
  created_at: number;
}
