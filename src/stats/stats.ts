import type { Database } from '../storage/database';
import type { Recognition } from '../nlu/types';
import type { Intent } from '../domain/vocabulary';
import { systemClock, type Clock } from '../clock';
import { TIME_ZONE } from '../activities/format';
import { UNANSWERED_TOPIC } from './copy';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD in Beijing time. */
export function beijingDay(date: Date): string {
  return dayFormat.format(date);
}

/** The chart label of an intent: its `topic` in knowledge/nlu/intents.yaml (greetings and thanks have none). */
export type IntentTopics = (intent: Intent) => string | undefined;

/** The topic a recognised message counts under, or undefined when it is not a question. */
export function topicOf(recognition: Recognition, topics: IntentTopics): string | undefined {
  if (recognition.inputProblem) return undefined;
  if (recognition.intent === 'policy_question') {
    const best = recognition.candidates[0];
    return best && recognition.confidence !== 'low' ? best.title : UNANSWERED_TOPIC;
  }
  return topics(recognition.intent);
}

export interface DayCount {
  day: string;
  questions: number;
  unanswered: number;
}

/** Milliseconds question counts wait in memory before they are written (one statement for all). */
export const STATS_FLUSH_MS = 1000;
/** Rows per upsert: far below either engine's limit on parameters. */
const MAX_ROWS = 250;

/** A row of question_stats and what this process has counted for it since the last write. */
interface Counted {
  day: string;
  channelId: string;
  topic: string;
  count: number;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Questions per Beijing day, channel and topic (table question_stats), for the dashboard. Every
 * turn with a question counts one. Counts add up in memory and are written together, one upsert
 * per STATS_FLUSH_MS (and at shutdown, TurnRecorder.idle()): an idle turn writes no statement of
 * its own. Every read writes the pending counts first, so reads are exact; a process killed
 * without shutdown loses at most the last STATS_FLUSH_MS of counts (statistics, never user data).
 */
export class QuestionStats {
  private pending = new Map<string, Counted>();
  private waiting: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The writes in order; never rejects (a failed write rejects its counts' record() promises). */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock = systemClock,
    private readonly flushMs = STATS_FLUSH_MS,
  ) {}

  /** Counts one question; resolves once the count is stored, rejects if its write failed. */
  record(channelId: string, topic: string): Promise<void> {
    const day = beijingDay(this.clock());
    const label = topic.slice(0, 100);
    const key = `${day}\u0000${channelId}\u0000${label}`;
    const row = this.pending.get(key);
    if (row) row.count++;
    else this.pending.set(key, { day, channelId, topic: label, count: 1 });
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      // Shutdown writes the counts (TurnRecorder.idle()); the timer alone keeps no process alive.
      this.timer.unref();
    }
    return new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Writes the pending counts now; resolves when every count recorded before it is written (or failed). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending.size === 0) return this.writing;
    const rows = [...this.pending.values()];
    const waiters = this.waiting;
    this.pending = new Map();
    this.waiting = [];
    this.writing = this.writing.then(() =>
      this.add(rows).then(
        () => waiters.forEach((w) => w.resolve()),
        (err: unknown) => waiters.forEach((w) => w.reject(err)),
      ),
    );
    return this.writing;
  }

  private async add(rows: Counted[]): Promise<void> {
    // One row per key (PostgreSQL refuses an upsert that touches the same row twice): the map's.
    for (let i = 0; i < rows.length; i += MAX_ROWS) {
      const chunk = rows.slice(i, i + MAX_ROWS);
      await this.db.run(
        `INSERT INTO question_stats (day, channel_id, topic, count) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}
         ON CONFLICT (day, channel_id, topic) DO UPDATE SET count = question_stats.count + excluded.count`,
        chunk.flatMap((r) => [r.day, r.channelId, r.topic, r.count]),
      );
    }
  }

  /** The last `days` days (today included), oldest first, with zeros for quiet days. */
  async perDay(days: number): Promise<DayCount[]> {
    await this.flush();
    const now = this.clock();
    const list: string[] = [];
    for (let i = days - 1; i >= 0; i--) list.push(beijingDay(new Date(now.getTime() - i * 86_400_000)));
    const first = list[0];
    const questions = await this.db.all<{ day: string; n: number }>(
      'SELECT day, SUM(count) AS n FROM question_stats WHERE day >= ? GROUP BY day',
      [first],
    );
    // unanswered_questions.created_at is UTC: counted per UTC hour ('YYYY-MM-DDTHH'), each hour then
    // added to its Beijing day (portable SQL, no date arithmetic in the database).
    const unanswered = await this.db.all<{ hour: string; n: number }>(
      `SELECT substr(created_at, 1, 13) AS hour, COUNT(*) AS n FROM unanswered_questions
        WHERE created_at >= ? GROUP BY substr(created_at, 1, 13)`,
      [new Date(Date.parse(`${first}T00:00:00+08:00`)).toISOString()],
    );
    const q = new Map(questions.map((r) => [r.day, r.n]));
    const u = new Map<string, number>();
    for (const r of unanswered) {
      const day = beijingDay(new Date(`${r.hour}:00:00Z`));
      u.set(day, (u.get(day) ?? 0) + r.n);
    }
    return list.map((day) => ({ day, questions: q.get(day) ?? 0, unanswered: u.get(day) ?? 0 }));
  }

  async topTopics(days: number, limit = 10): Promise<Array<{ topic: string; count: number }>> {
    await this.flush();
    const since = beijingDay(new Date(this.clock().getTime() - (days - 1) * 86_400_000));
    return this.db.all<{ topic: string; count: number }>(
      'SELECT topic, SUM(count) AS count FROM question_stats WHERE day >= ? GROUP BY topic ORDER BY count DESC, topic LIMIT ?',
      [since, limit],
    );
  }

  async byChannel(days: number): Promise<Record<string, number>> {
    await this.flush();
    const since = beijingDay(new Date(this.clock().getTime() - (days - 1) * 86_400_000));
    const rows = await this.db.all<{ channel_id: string; n: number }>(
      'SELECT channel_id, SUM(count) AS n FROM question_stats WHERE day >= ? GROUP BY channel_id',
      [since],
    );
    return Object.fromEntries(rows.map((r) => [r.channel_id, r.n]));
  }
}
