/**
 * The next activity an enterprise can sign up for (企业沙龙, 培训, 专场招聘), from the activities
 * feature's service when that feature runs (the advisor is given it; without it, no suggestion).
 */
import type { Logger } from 'pino';
import type { ActivityService } from '../activities';
import { formatMonthDay } from '../activities/format';
import type { ActivityType } from '../domain/vocabulary';
import type { TierId } from './profile';

export interface UpcomingActivity {
  /** the activity's id (its 报名 button carries it), when known */
  id?: number;
  title: string;
  /** "12月5日" */
  date: string;
}

export interface UpcomingActivitySource {
  next(type: ActivityType, tier?: TierId): Promise<UpcomingActivity | undefined>;
}

/** How many upcoming activities of a type are looked at for one that is open to the tier. */
const LOOK_AHEAD = 10;

/** What the suggestion reads of the activities feature's ActivityService. */
export type UpcomingActivityLookup = Pick<ActivityService, 'listUpcoming' | 'signupState'>;

export class ActivityServiceSource implements UpcomingActivitySource {
  constructor(
    private readonly activities: UpcomingActivityLookup,
    private readonly logger?: Logger,
  ) {}

  async next(type: ActivityType, tier?: TierId): Promise<UpcomingActivity | undefined> {
    try {
      const list = await this.activities.listUpcoming({ type, limit: LOOK_AHEAD });
      const open = list.find(
        (a) => this.activities.signupState(a).open && (!a.eligibleTiers?.length || tier === undefined || a.eligibleTiers.includes(tier)),
      );
      return open && { id: open.id, title: open.title, date: formatMonthDay(open.startsAt) };
    } catch (err) {
      // The answer still stands without the suggestion.
      this.logger?.warn({ err }, 'could not look up upcoming activities');
      return undefined;
    }
  }
}
