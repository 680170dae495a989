import type { Database } from '../storage/database';
import type { Recognition } from '../nlu/types';
import type { Intent } from '../domain/vocabulary';
import { systemClock, type Clock } from '../clock';
import { TIME_ZONE } from '../activities/format';
import { GroupCommit } from '../storage/groupCommit';

export const UNANSWERED_TOPIC = '未能回答的政策问题';

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

/** One counted question: the row of question_stats it adds to. */
interface Counted {
  day: string;
  channelId: string;
  topic: string;
}

/**
 * Questions per Beijing day, channel and topic (table question_stats), for the dashboard. Every
 * turn with a question counts one: counts are group-committed (summed per row, one statement per
 * batch), and the reads wait for the counts recorded before them.
 */
export class QuestionStats {
  private readonly pending = new GroupCommit<Counted>((counts) => this.add(counts));

  constructor(
    private readonly db: Database,
    private readonly clock: Clock = systemClock,
  ) {}

  record(channelId: string, topic: string): Promise<void> {
    return this.pending.add({ day: beijingDay(this.clock()), channelId, topic: topic.slice(0, 100) });
  }

  private async add(counts: Counted[]): Promise<void> {
    // One row per key: PostgreSQL refuses an upsert that touches the same row twice.
    const rows = new Map<string, [string, string, string, number]>();
    for (const c of counts) {
      const key = JSON.stringify([c.day, c.channelId, c.topic]);
      const row = rows.get(key);
      if (row) row[3]++;
      else rows.set(key, [c.day, c.channelId, c.topic, 1]);
    }
    await this.db.run(
      `INSERT INTO question_stats (day, channel_id, topic, count) VALUES ${[...rows.values()].map(() => '(?, ?, ?, ?)').join(', ')}
       ON CONFLICT (day, channel_id, topic) DO UPDATE SET count = question_stats.count + excluded.count`,
      [...rows.values()].flat(),
    );
  }

  /** The last `days` days (today included), oldest first, with zeros for quiet days. */
  async perDay(days: number): Promise<DayCount[]> {
    await this.pending.settled();
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
    await this.pending.settled();
    const since = beijingDay(new Date(this.clock().getTime() - (days - 1) * 86_400_000));
    return this.db.all<{ topic: string; count: number }>(
      'SELECT topic, SUM(count) AS count FROM question_stats WHERE day >= ? GROUP BY topic ORDER BY count DESC, topic LIMIT ?',
      [since, limit],
    );
  }

  async byChannel(days: number): Promise<Record<string, number>> {
    await this.pending.settled();
    const since = beijingDay(new Date(this.clock().getTime() - (days - 1) * 86_400_000));
    const rows = await this.db.all<{ channel_id: string; n: number }>(
      'SELECT channel_id, SUM(count) AS n FROM question_stats WHERE day >= ? GROUP BY channel_id',
      [since],
    );
    return Object.fromEntries(rows.map((r) => [r.channel_id, r.n]));
  }
}
