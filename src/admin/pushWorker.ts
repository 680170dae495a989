import type { Logger } from 'pino';
import type { ProactiveService } from '../bot/proactive';
import type { Database } from '../storage/database';
import { systemClock, type Clock } from '../activities/clock';
import type { ClaimedPush, PushOutbox } from './outbox';

export interface PushWorkerOptions {
  /** how often the outbox is checked for due rows (retries); new pushes are started at once */
  intervalMs?: number;
  /** rows claimed at a time per channel */
  batchSize?: number;
  /** sends in flight at a time per channel */
  concurrency?: number;
  /** attempts before a row is given up */
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** a send taking longer is counted failed (its outcome is unknown, so it is not retried) */
  sendTimeoutMs?: number;
  clock?: Clock;
}

type Outcome = 'sent' | 'retry' | 'failed' | 'released';

const DEFAULTS = {
  intervalMs: 2000,
  batchSize: 100,
  concurrency: 8,
  maxAttempts: 5,
  retryBaseMs: 30_000,
  retryMaxMs: 30 * 60_000,
  sendTimeoutMs: 30_000,
};

class SendTimeout extends Error {}

/**
 * Delivers the push outbox through `services.proactive.send`: one lane per channel (a slow or
 * failing channel does not hold up the others), a few sends in flight per lane, retries with
 * exponential back-off for errors, and nothing sent twice.
 */
export class PushWorker {
  private readonly options: typeof DEFAULTS;
  private readonly clock: Clock;
  private timer?: NodeJS.Timeout;
  private readonly lanes = new Map<string, Promise<void>>();
  private ticking?: Promise<void>;
  private tickAgain = false;
  private running = false;
  private stopping = false;

  constructor(
    private readonly db: Database,
    private readonly outbox: PushOutbox,
    private readonly proactive: ProactiveService,
    private readonly logger: Logger,
    options: PushWorkerOptions = {},
  ) {
    const { clock, ...rest } = options;
    this.options = { ...DEFAULTS, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
    this.clock = clock ?? systemClock;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const interrupted = await this.outbox.recoverInterrupted();
    if (interrupted) this.logger.warn({ interrupted }, 'pushes interrupted by the last stop were marked failed (not resent)');
    this.running = true;
    this.stopping = false;
    this.timer = setInterval(() => this.kick(), this.options.intervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Stops taking new rows; sends in flight finish, claimed rows not yet sent go back to the queue. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
    await Promise.all([...this.lanes.values()]);
  }

  /** Looks for due rows now (after something was queued). */
  kick(): void {
    if (!this.running || this.stopping) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = this.tick()
      .catch((err) => this.logger.error({ err }, 'push outbox check failed'))
      .finally(() => {
        this.ticking = undefined;
        if (this.tickAgain) {
          this.tickAgain = false;
          this.kick();
        }
      });
  }

  /** Resolves once nothing is due and no lane is sending (tests and the benchmark). */
  async drain(): Promise<void> {
    for (;;) {
      this.kick();
      await this.ticking;
      await Promise.all([...this.lanes.values()]);
      if (!this.running || this.db.isClosed || !(await this.outbox.dueChannels()).length) return;
    }
  }

  private async tick(): Promise<void> {
    if (this.db.isClosed || this.stopping) return;
    for (const channelId of await this.outbox.dueChannels()) {
      if (this.lanes.has(channelId) || this.stopping) continue;
      const lane = this.drainChannel(channelId)
        .catch((err) => this.logger.error({ err, channelId }, 'push lane failed'))
        .finally(() => this.lanes.delete(channelId));
      this.lanes.set(channelId, lane);
    }
  }

  private async drainChannel(channelId: string): Promise<void> {
    while (!this.stopping && !this.db.isClosed) {
      const batch = await this.outbox.claim(channelId, this.options.batchSize);
      if (!batch.length) return;
      await this.sendBatch(batch);
    }
  }

  private async sendBatch(batch: ClaimedPush[]): Promise<void> {
    const sent: number[] = [];
    const released: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const item = batch[next++];
        const outcome = await this.sendOne(item);
        if (outcome === 'sent') sent.push(item.id);
        else if (outcome === 'released') released.push(item.id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, batch.length) }, worker));
    await this.outbox.markSent(sent);
    await this.outbox.release(released);
  }

  private async sendOne(item: ClaimedPush): Promise<Outcome> {
    if (this.stopping) return 'released';
    let delivered: boolean;
    try {
      delivered = await this.withTimeout(this.proactive.send(item.refKey, item.message));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof SendTimeout) {
        await this.outbox.markFailed(item.id, message);
        return 'failed';
      }
      if (item.attempts >= this.options.maxAttempts) {
        this.logger.warn({ err, pushId: item.id, channelId: item.channelId, attempts: item.attempts }, 'push failed, giving up');
        await this.outbox.markFailed(item.id, message);
        return 'failed';
      }
      const delay = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** (item.attempts - 1));
      this.logger.info({ pushId: item.id, channelId: item.channelId, attempts: item.attempts, delay }, 'push failed, will retry');
      await this.outbox.markRetry(item.id, message, new Date(this.clock().getTime() + delay));
      return 'retry';
    }
    if (!delivered) {
      await this.outbox.markFailed(item.id, 'unknown conversation');
      return 'failed';
    }
    return 'sent';
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SendTimeout(`timeout after ${this.options.sendTimeoutMs} ms: delivery unknown, not retried`)), this.options.sendTimeoutMs);
      timer.unref();
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}
