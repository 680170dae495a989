import type { Database } from '../storage/database';
import { systemClock, type Clock } from '../clock';
import type { QuestionStats, DayCount } from '../stats/stats';
import type { SubscriptionService } from '../notifications/subscriptions';
import type { TicketService } from '../handoff/tickets';
import type { UnansweredReview } from '../stats/unanswered';

export interface ActivitySignups {
  id: number;
  title: string;
  startsAt: string;
  status: string;
  capacity: number;
  confirmed: number;
  checkedIn: number;
  waitlisted: number;
}

export interface DashboardFigures {
  signupsPerActivity: ActivitySignups[];
  questionsPerDay: DayCount[];
  topTopics: Array<{ topic: string; count: number }>;
  questionsByChannel: Record<string, number>;
  subscribers: { total: number; byChannel: Record<string, number> };
  openTickets: number;
  openUnanswered: number;
}

/** Activities shown on the chart: not cancelled, starting from 30 days ago on. */
const SIGNUP_WINDOW_DAYS = 30;
const MAX_ACTIVITIES = 12;

/** The dashboard's figures, read in one place. */
export class Dashboard {
  constructor(
    private readonly db: Database,
    private readonly stats: QuestionStats,
    private readonly subscriptions: SubscriptionService,
    private readonly tickets: TicketService,
    private readonly unanswered: UnansweredReview,
    private readonly clock: Clock = systemClock,
  ) {}

  async figures(days: number): Promise<DashboardFigures> {
    return {
      signupsPerActivity: await this.signups(),
      questionsPerDay: await this.stats.perDay(days),
      topTopics: await this.stats.topTopics(days),
      questionsByChannel: await this.stats.byChannel(days),
      subscribers: await this.subscriptions.summary(),
      openTickets: await this.tickets.countOpen(),
      openUnanswered: await this.unanswered.countOpen(),
    };
  }

  /** Registrations (enterprises) per activity, by status. */
  private async signups(): Promise<ActivitySignups[]> {
    const since = new Date(this.clock().getTime() - SIGNUP_WINDOW_DAYS * 86_400_000).toISOString();
    return this.db.all<ActivitySignups>(
      `SELECT a.id, a.title, a.starts_at AS "startsAt", a.status, a.capacity,
              COUNT(CASE WHEN r.status = 'confirmed' THEN 1 END) AS confirmed,
              COUNT(CASE WHEN r.status = 'checked_in' THEN 1 END) AS "checkedIn",
              COUNT(CASE WHEN r.status = 'waitlisted' THEN 1 END) AS waitlisted
         FROM activities a LEFT JOIN registrations r ON r.activity_id = a.id
        WHERE a.status != 'cancelled' AND a.starts_at >= ?
        GROUP BY a.id ORDER BY a.starts_at LIMIT ?`,
      [since, MAX_ACTIVITIES],
    );
  }
}
