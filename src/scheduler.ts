import { Cron } from 'croner';
import type { Logger } from 'pino';

interface Job {
  name: string;
  everySeconds: number;
  task: () => Promise<unknown>;
  runAtStart: boolean;
  cron?: Cron;
  running?: Promise<void>;
}

/**
 * The one scheduler for every periodic task (delivery checks, reminders, retention, housekeeping).
 * Built on croner (a maintained, dependency-free cron library: its timers are unref'd and never
 * drift); a task never overlaps itself, its errors are logged, and `stop()` waits for running tasks.
 * Features add their tasks with `every()` while they are created; the app starts the scheduler once
 * every feature has started.
 */
export class Scheduler {
  private readonly jobs = new Map<string, Job>();
  private started = false;

  constructor(private readonly logger: Logger) {}

  /** Runs `task` every `everySeconds` seconds (and at start unless `runAtStart: false`). */
  every(name: string, everySeconds: number, task: () => Promise<unknown>, options: { runAtStart?: boolean } = {}): void {
    if (this.jobs.has(name)) throw new Error(`scheduled task "${name}" exists already`);
    const job: Job = { name, everySeconds: Math.max(1, Math.round(everySeconds)), task, runAtStart: options.runAtStart ?? true };
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

  /** Runs one task now (unless it is running) and resolves when it is done. */
  runNow(name: string): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no scheduled task "${name}"`);
    return this.run(job);
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
    job.cron = new Cron('* * * * * *', { interval: job.everySeconds, unref: true }, () => void this.run(job));
    if (job.runAtStart) void this.run(job);
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
