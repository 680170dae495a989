import { systemClock, type Clock } from '../clock';
import type { Logger } from 'pino';
import type { Database, Queryable } from '../storage/database';
import type { Scheduler } from '../scheduler';
import { DeliveryOutbox } from './outbox';
import { DeliveryWorker, startOfDay, type WorkerOptions } from './worker';
import { type Lane, type LaneState, type NewDelivery } from './types';

export * from './types';
export { DeliveryOutbox, channelOfRef, type DeliveryFilter } from './outbox';
export { DeliveryWorker, leaseMsOf, startOfDay } from './worker';

/** How often the scheduler looks for due messages (retries, capped ones on a new day, missed kicks). */
export const DELIVERY_CHECK_SECONDS = 2;

/**
 * The delivery pipeline as one service (`services.delivery`): queue a message in the transaction
 * that causes it (`enqueue`), then `kick()`; channels register their lane (`registerLane`).
 */
export class DeliveryService {
  readonly outbox: DeliveryOutbox;
  readonly worker: DeliveryWorker;
  private readonly clock: Clock;

  constructor(
    readonly db: Database,
    logger: Logger,
    options: WorkerOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.outbox = new DeliveryOutbox(db, this.clock, options.instanceId);
    this.worker = new DeliveryWorker(db, this.outbox, logger.child({ module: 'delivery' }), options);
  }

  registerLane(lane: Lane): void {
    this.worker.registerLane(lane);
  }

  /** Queues messages inside the caller's transaction; call `kick()` after it committed. */
  enqueue(q: Queryable, entries: NewDelivery | NewDelivery[]): Promise<number> {
    return this.outbox.enqueue(q, Array.isArray(entries) ? entries : [entries]);
  }

  kick(): void {
    this.worker.kick();
  }

  /** Sends everything sendable that is due (tests and benchmarks). */
  drain(): Promise<void> {
    return this.worker.drain();
  }

  /** Adds the periodic check to the one scheduler. */
  schedule(scheduler: Scheduler): void {
    // Every instance's worker checks: each drains its share of the outbox.
    scheduler.every('delivery.check', DELIVERY_CHECK_SECONDS, async () => this.worker.kick(), { everyInstance: true });
  }

  start(): Promise<void> {
    return this.worker.start();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Each lane as the console shows it: ready, queue length, failures, daily cap used. */
  async laneStates(): Promise<LaneState[]> {
    const channels = new Set<string>(this.worker.registeredLanes().map((l) => l.channel).filter((c) => c !== '*'));
    const rows = await this.db.all<{ channel_id: string; status: string; n: number }>(
      `SELECT channel_id, status, COUNT(*) AS n FROM deliveries WHERE status IN ('queued', 'sending', 'failed', 'unknown') GROUP BY channel_id, status`,
    );
    for (const r of rows) channels.add(r.channel_id);
    const since = startOfDay(this.clock()).toISOString();
    const states: LaneState[] = [];
    for (const channel of [...channels].sort()) {
      const lane = this.worker.laneFor(channel);
      const policy = this.worker.policyFor(channel);
      const count = (status: string) => rows.find((r) => r.channel_id === channel && r.status === status)?.n ?? 0;
      states.push({
        channel,
        delivery: policy.delivery,
        ready: Boolean(lane) && (lane!.ready?.() ?? true),
        queued: count('queued'),
        sending: count('sending'),
        failed: count('failed'),
        unknown: count('unknown'),
        sentToday: await this.outbox.sentSince(channel, since),
        dailyCap: policy.dailyCap,
        extra: lane?.channel === channel ? lane.state?.() : undefined,
      });
    }
    return states;
  }
}
