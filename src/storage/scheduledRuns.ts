import type { Database } from './sql';

/**
 * Claims of periodic-job periods (table `scheduled_runs`), so a job runs once per period however
 * many instances share the database: one guarded upsert, no lock held while the job runs.
 */
export class ScheduledRuns {
  constructor(
    private readonly db: Database,
    private readonly instance: string,
  ) {}

  /** True for the one caller that moves the job `name` forward to `period`; false for everyone else. */
  async claim(name: string, period: number): Promise<boolean> {
    const { changes } = await this.db.run(
      `INSERT INTO scheduled_runs (name, period, instance, started_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET period = excluded.period, instance = excluded.instance, started_at = excluded.started_at
        WHERE scheduled_runs.period < excluded.period`,
      [name, period, this.instance, new Date().toISOString()],
    );
    return changes === 1;
  }
}
