import { systemClock, type Clock } from '../clock';
import type { Logger } from 'pino';
import type { Database, Queryable } from '../storage/database';
import type { ClaimedDelivery, DeliveryOutbox } from './outbox';
import { DELIVERY_TEXT } from './copy';
import { DEFAULT_POLICY, type Lane, type LaneMessage, type LaneOutcome, type LanePolicy } from './types';

export interface WorkerOptions {
  clock?: Clock;
  /** waits between sends (the WeChat gap); tests pass one that does not wait */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** overrides per lane policy field, e.g. shorter back-off in tests */
  policyOverrides?: Partial<LanePolicy>;
  /** this instance's id, recorded with each claim (INSTANCE_ID or the id /healthz shows) */
  instanceId?: string;
}

/** How long a claim holds when the lane does not say: twice the send timeout and a minute. */
export function leaseMsOf(policy: LanePolicy): number {
  return policy.leaseMs ?? policy.sendTimeoutMs * 2 + 60_000;
}

type Settled = 'sent' | 'retry' | 'failed' | 'unknown' | 'released';

/** Local midnight of the day `now` falls in: a daily cap follows the server's calendar day. */
export function startOfDay(now: Date): Date {
  const day = new Date(now.getTime());
  day.setHours(0, 0, 0, 0);
  return day;
}


/**
 * The one delivery worker: for each channel with due messages it runs one drain at a time through
 * the channel's lane (or the '*' lane), applying the lane's policy — batch, concurrency, random gap,
 * daily cap, back-off, timeout — and records each outcome in the outbox. A slow channel holds up
 * only its own drain. Started by `kick()` (after something was queued) and by the scheduler's tick.
 *
 * Several instances on one PostgreSQL database each run a worker: they claim disjoint batches, and
 * each check also settles the claims whose lease ended (an instance died mid-send), as a restart
 * does on SQLite.
 */
export class DeliveryWorker {
  private readonly lanes = new Map<string, Lane>();
  private readonly draining = new Map<string, Promise<void>>();
  private readonly clock: Clock;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private running = false;
  private stopping = false;
  private ticking?: Promise<void>;
  private tickAgain = false;
  /** the day a lane's reached cap was last logged (once a day, not every check) */
  private readonly capLogged = new Map<string, string>();
  /** messages claimed so far: drain() stops once a pass claims nothing */
  private claimed = 0;
  /** pending gap pauses, cut short by stop() */
  private readonly pauses = new Set<() => void>();

  constructor(
    private readonly db: Database,
    private readonly outbox: DeliveryOutbox,
    private readonly logger: Logger,
    private readonly options: WorkerOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? ((ms) => this.pause(ms));
    this.random = options.random ?? Math.random;
  }

  registerLane(lane: Lane): void {
    this.lanes.set(lane.channel, lane);
  }

  /** The lane that carries a channel's messages. */
  laneFor(channelId: string): Lane | undefined {
    return this.lanes.get(channelId) ?? this.lanes.get('*');
  }

  registeredLanes(): Lane[] {
    return [...this.lanes.values()];
  }

  policyFor(channelId: string): LanePolicy {
    return { ...DEFAULT_POLICY, ...this.laneFor(channelId)?.policy, ...this.options.policyOverrides };
  }

  /** Settles what a crash left 'sending', then starts taking work. */
  async start(): Promise<void> {
    if (this.running) return;
    // One process per SQLite file: whatever is 'sending' was interrupted. On PostgreSQL other
    // instances may be sending right now: only lapsed claims and this instance's own.
    const scope = this.sharedDatabase ? { leaseEndedBefore: this.clock().toISOString(), orClaimedBy: this.outbox.instanceId } : undefined;
    const recovered = await this.outbox.recoverInterrupted((channel) => this.policyFor(channel), scope);
    if (recovered.requeued || recovered.unknown) this.logger.warn(recovered, 'deliveries interrupted by the last stop were settled');
    this.running = true;
    this.stopping = false;
    this.kick();
  }

  /** Several instances may share the database (PostgreSQL). */
  private get sharedDatabase(): boolean {
    return this.db.engine === 'postgres';
  }

  /** Stops taking work; sends in flight finish, claimed messages not yet handed over go back to the queue. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    for (const wake of this.pauses) wake();
    await this.ticking;
    await Promise.all([...this.draining.values()]);
  }

  /** Looks for due messages now. */
  kick(): void {
    if (!this.running || this.stopping) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = this.tick()
      .catch((err) => this.logger.error({ err }, 'delivery check failed'))
      .finally(() => {
        this.ticking = undefined;
        if (this.tickAgain) {
          this.tickAgain = false;
          this.kick();
        }
      });
  }

  /** Resolves once nothing sendable is due and no drain runs (tests, benchmarks, shutdown). */
  async drain(): Promise<void> {
    for (;;) {
      const before = this.claimed;
      this.kick();
      while (this.ticking) await this.ticking;
      await Promise.all([...this.draining.values()]);
      if (!this.running || this.db.isClosed) return;
      // Due but not claimable (e.g. waiting behind an older message of its conversation): done for now.
      if (this.claimed === before) return;
      const due = (await this.outbox.dueChannels()).filter((c) => this.canSend(c));
      if (!due.length || (await this.allCapped(due))) return;
    }
  }

  private canSend(channelId: string): boolean {
    const lane = this.laneFor(channelId);
    return Boolean(lane) && (lane!.ready?.() ?? true);
  }

  private async allCapped(channels: string[]): Promise<boolean> {
    for (const c of channels) if ((await this.capLeft(c)) > 0) return false;
    return true;
  }

  /** Messages the channel may still send today (Infinity without a cap). */
  private async capLeft(channelId: string): Promise<number> {
    const cap = this.policyFor(channelId).dailyCap;
    if (cap === undefined) return Number.POSITIVE_INFINITY;
    return cap - (await this.outbox.sentSince(channelId, startOfDay(this.clock()).toISOString()));
  }

  private async tick(): Promise<void> {
    if (this.db.isClosed || this.stopping) return;
    if (this.sharedDatabase) {
      const lapsed = await this.outbox.recoverInterrupted((channel) => this.policyFor(channel), { leaseEndedBefore: this.clock().toISOString() });
      if (lapsed.requeued || lapsed.unknown) this.logger.warn(lapsed, 'deliveries whose claim lapsed (its instance stopped mid-send) were settled');
    }
    for (const channelId of await this.outbox.dueChannels()) {
      if (this.draining.has(channelId) || this.stopping || !this.canSend(channelId)) continue;
      const run = this.drainChannel(channelId, this.laneFor(channelId)!)
        .catch((err) => this.logger.error({ err, channelId }, 'delivery lane failed'))
        .finally(() => this.draining.delete(channelId));
      this.draining.set(channelId, run);
    }
  }

  private async drainChannel(channelId: string, lane: Lane): Promise<void> {
    const policy = this.policyFor(channelId);
    while (!this.stopping && !this.db.isClosed && (lane.ready?.() ?? true)) {
      const left = await this.capLeft(channelId);
      if (left <= 0) {
        const day = startOfDay(this.clock()).toISOString();
        if (this.capLogged.get(channelId) !== day) {
          this.capLogged.set(channelId, day);
          this.logger.warn({ channelId, dailyCap: policy.dailyCap }, 'daily cap reached; the rest waits for the next day');
        }
        return;
      }
      const batch = await this.outbox.claim(channelId, Math.max(1, Math.min(policy.batchSize, left)), leaseMsOf(policy), policy.ordered);
      if (!batch.length) return;
      this.claimed += batch.length;
      await this.sendBatch(lane, policy, batch);
    }
  }

  private async sendBatch(lane: Lane, policy: LanePolicy, batch: ClaimedDelivery[]): Promise<void> {
    const released: ClaimedDelivery[] = [];
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const item = batch[next++];
        if (this.stopping || !(lane.ready?.() ?? true)) {
          released.push(item);
          continue;
        }
        await this.sendOne(lane, policy, item);
        if (policy.gapMs) await this.sleep(this.gap(policy.gapMs));
      }
    };
    await Promise.all(Array.from({ length: Math.min(policy.concurrency, batch.length) }, worker));
    await this.outbox.release(released);
  }

  private async sendOne(lane: Lane, policy: LanePolicy, item: ClaimedDelivery): Promise<Settled> {
    const bar = item.refKey.indexOf('|');
    let committed = false;
    const message: LaneMessage = {
      ...item,
      conversationId: bar >= 0 ? item.refKey.slice(bar + 1) : item.refKey,
      commit: async (tx: Queryable) => {
        if (!(await this.outbox.markSent(tx, item))) throw new Error(`delivery ${item.id} is no longer being sent`);
        committed = true;
      },
    };
    let outcome: LaneOutcome;
    try {
      const sending = lane.send(message);
      outcome = await this.withTimeout(sending, policy.sendTimeoutMs);
      if (outcome.status === 'unknown' && policy.delivery === 'external') {
        // Should the channel still answer after the timeout, its answer is the truth.
        sending.then(
          (late) => {
            if (late.status === 'accepted') void this.outbox.markLateAccepted(item.id).catch(() => undefined);
          },
          () => undefined,
        );
      }
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      outcome = { status: 'refused', reason, retry: true };
    }
    if (policy.delivery === 'atomic') {
      // The lane's own transaction decided: committed means sent, anything else means not written.
      if (committed) return 'sent';
      if (outcome.status === 'accepted') outcome = { status: 'refused', reason: 'lane accepted without committing', retry: true };
      if (outcome.status === 'unknown') outcome = { status: 'refused', reason: outcome.reason, retry: true };
    }
    switch (outcome.status) {
      case 'accepted': {
        await this.outbox.markSent(this.db, item);
        return 'sent';
      }
      case 'unknown':
        if (policy.retryUnknown && item.attempts < policy.maxAttempts) return this.retryLater(item, policy, DELIVERY_TEXT.unknownOutcome(outcome.reason));
        this.logger.warn({ deliveryId: item.id, channelId: item.channelId, reason: outcome.reason }, 'delivery outcome unknown; not resent');
        await this.outbox.markUnknown(item, DELIVERY_TEXT.unknownOutcome(outcome.reason));
        return 'unknown';
      case 'refused':
        if (outcome.retry && item.attempts < policy.maxAttempts) return this.retryLater(item, policy, outcome.reason);
        this.logger.warn({ deliveryId: item.id, channelId: item.channelId, attempts: item.attempts, reason: outcome.reason }, 'delivery failed');
        await this.outbox.markFailed(item, outcome.reason);
        return 'failed';
    }
  }

  private async retryLater(item: ClaimedDelivery, policy: LanePolicy, reason: string): Promise<Settled> {
    const delay = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** (item.attempts - 1));
    // A wake-up at the retry's time (the scheduler's periodic check would find it too, later).
    if (delay < 60_000) setTimeout(() => this.kick(), delay + 5).unref();
    this.logger.info({ deliveryId: item.id, channelId: item.channelId, attempts: item.attempts, delay }, 'delivery will be retried');
    await this.outbox.markRetry(item, reason, new Date(this.clock().getTime() + delay));
    return 'retry';
  }

  /** Waits `ms` (unref'd), or less if the worker stops. */
  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pauses.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.pauses.add(done);
    });
  }

  private gap([min, max]: [number, number]): number {
    const lo = Math.min(min, max);
    return Math.round(lo + (Math.max(min, max) - lo) * this.random());
  }

  private withTimeout(work: Promise<LaneOutcome>, ms: number): Promise<LaneOutcome> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<LaneOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'unknown', reason: DELIVERY_TEXT.noAnswerWithin(ms / 1000) }), ms);
      timer.unref();
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}
