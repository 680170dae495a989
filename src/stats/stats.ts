import type { Database } from '../storage/database';
import type { Recognition } from '../nlu/types';
import type { Intent } from '../domain/vocabulary';
import { systemClock, type Clock } from '../clock';
import { TIME_ZONE } from '../activities/format';

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

/** Questions per Beijing day, channel and topic (table question_stats), for the dashboard. */
export class QuestionStats {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock = systemClock,
  ) {}

  async record(channelId: string, topic: string): Promise<void> {
    await this.db.run(
      `INSERT INTO question_stats (day, channel_id, topic, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (day, channel_id, topic) DO UPDATE SET count = count + 1`,
      [beijingDay(this.clock()), channelId, topic.slice(0, 100)],
    );
  }

  /** The last `days` days (today included), oldest first, with zeros for quiet days. */
  async perDay(days: number): Promise<DayCount[]> {
    const now = this.clock();
    const list: string[] = [];
    for (let i = days - 1; i >= 0; i--) list.push(beijingDay(new Date(now.getTime() - i * 86_400_000)));
    const first = list[0];
    const questions = await this.db.all<{ day: string; n: number }>(
      'SELECT day, SUM(count) AS n FROM question_stats WHERE day >= ? GROUP BY day',
      [first],
    );
    // unanswered_questions.created_at is UTC; +8 hours gives the Beijing day.
    const unanswered = await this.db.all<{ day: string; n: number }>(
      `SELECT date(created_at, '+8 hours') AS day, COUNT(*) AS n FROM unanswered_questions
        WHERE created_at >= ? GROUP BY day`,
      [new Date(Date.parse(`${first}T00:00:00+08:00`)).toISOString()],
    );
    const q = new Map(questions.map((r) => [r.day, r.n]));
    const u = new Map(unanswered.map((r) => [r.day, r.n]));
    return list.map((day) => ({ day, questions: q.get(day) ?? 0, unanswered: u.get(day) ?? 0 }));
  }

  async topTopics(days: number, limit = 10): Promise<Array<{ topic: string; count: number }>> {
    const since = beijingDay(new Date(this.clock().getTime() - (days - 1) * 86_400_000));
    return this.db.all<{ topic: string; count: number }>(
      'SELECT topic, SUM(count) AS count FROM question_stats WHERE day >= ? GROUP BY topic ORDER BY count DESC, topic LIMIT ?',
      [since, limit],
    );
  }

  async byChannel(days: number): Promise<Record<string, number>> {
    const since = beijingDay(new Date(this.clock().getTime() - (days - 1) * 86_400_000));
    const rows = await this.db.all<{ channel_id: string; n: number }>(
      'SELECT channel_id, SUM(count) AS n FROM question_stats WHERE day >= ? GROUP BY channel_id',
      [since],
    );
    return Object.fromEntries(rows.map((r) => [r.channel_id, r.n]));
  }
}
