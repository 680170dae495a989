import { Cron } from 'croner';
import type { Logger } from 'pino';

interface Job {
  name: string;
  everySeconds: number;
  task: () => Promise<unknown>;
  runAtStart: boolean;
  /** runs on every instance (work on this process's own state); otherwise once per period across instances */
  everyInstance: boolean;
  cron?: Cron;
  running?: Promise<void>;
}

export interface SchedulerOptions {
  /**
   * Several instances on one database: true for the one instance that claims period `period` of
   * job `name` (ScheduledRuns.claim). Without it every job runs on this process (one instance).
   */
  claimPeriod?: (name: string, period: number) => Promise<boolean>;
  /** epoch milliseconds (tests move it) */
  now?: () => number;
}

/**
 * The one scheduler for every periodic task (delivery checks, reminders, retention, housekeeping).
 * Built on croner (a maintained, dependency-free cron library: its timers are unref'd and never
 * drift); a task never overlaps itself, its errors are logged, and `stop()` waits for running tasks.
 * Features add their tasks with `every()` while they are created; the app starts the scheduler once
 * every feature has started.
 *
 * With several instances (`claimPeriod`), a job's timer fires on each of them, but only the one
 * that claims the current period (epoch seconds / interval, rounded down) runs it; the others
 * skip that period. Jobs marked `everyInstance` (the delivery check of this process's worker) run
 * everywhere.
 */
export class Scheduler {
  private readonly jobs = new Map<string, Job>();
  private started = false;

  private readonly now: () => number;

  constructor(
    private readonly logger: Logger,
    private readonly options: SchedulerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Runs `task` every `everySeconds` seconds (and at start unless `runAtStart: false`): once per
   * period across instances, or on each instance with `everyInstance: true`.
   */
  every(name: string, everySeconds: number, task: () => Promise<unknown>, options: { runAtStart?: boolean; everyInstance?: boolean } = {}): void {
    if (this.jobs.has(name)) throw new Error(`scheduled task "${name}" exists already`);
    const job: Job = {
      name,
      everySeconds: Math.max(1, Math.round(everySeconds)),
      task,
      runAtStart: options.runAtStart ?? true,
      everyInstance: options.everyInstance ?? false,
    };
    this.jobs.set(name, job);
    if (this.started) this.schedule(job);
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) this.schedule(job);
  }

  /** Runs one task now (unless it is running), whatever other instances did, and resolves when it is done. */
  runNow(name: string): Promise<void> {
    return this.run(this.job(name));
  }

  /** What the task's timer does: runs it unless another instance has claimed this period. Resolves whether it ran here. */
  async runScheduled(name: string): Promise<boolean> {
    return this.fire(this.job(name));
  }

  async stop(): Promise<void> {
    this.started = false;
    for (const job of this.jobs.values()) {
      job.cron?.stop();
      job.cron = undefined;
    }
    await Promise.all([...this.jobs.values()].map((job) => job.running));
  }

  private schedule(job: Job): void {
    // No croner 'name': names are process-wide, and tests run several apps in one process.
    job.cron = new Cron('* * * * * *', { interval: job.everySeconds, unref: true }, () => void this.fire(job, true));
    if (job.runAtStart) void this.fire(job, true);
  }

  private job(name: string): Job {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no scheduled task "${name}"`);
    return job;
  }

  private async fire(job: Job, byTimer = false): Promise<boolean> {
    const { claimPeriod } = this.options;
    if (byTimer && !this.started) return false;
    if (claimPeriod && !job.everyInstance) {
      if (job.running) return false;
      const period = Math.floor(this.now() / 1000 / job.everySeconds);
      try {
        if (!(await claimPeriod(job.name, period))) return false;
      } catch (err) {
        this.logger.error({ err, task: job.name }, 'could not claim the period of a scheduled task; skipped');
        return false;
      }
      // stop() came while the claim was on its way: the period is spent, the task does not start.
      if (byTimer && !this.started) return false;
    }
    await this.run(job);
    return true;
  }

  private run(job: Job): Promise<void> {
    job.running ??= job
      .task()
      .then(
        () => undefined,
        (err) => this.logger.error({ err, task: job.name }, 'scheduled task failed'),
      )
      .finally(() => {
        job.running = undefined;
      });
    return job.running;
  }
}
