/**
 * The next activity an enterprise can sign up for (企业沙龙, 培训, 专场招聘), when the activities
 * feature runs: its module is looked up in `services.registry` at answer time and used only if present.
 */
import type { Logger } from 'pino';
import { getActivitiesModule } from '../activities';
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

export class RegistryActivitySource implements UpcomingActivitySource {
  constructor(
    private readonly registry: Map<string, unknown>,
    private readonly logger?: Logger,
  ) {}

  async next(type: ActivityType, tier?: TierId): Promise<UpcomingActivity | undefined> {
    const module = getActivitiesModule(this.registry);
    if (!module?.activities || typeof module.activities.listUpcoming !== 'function') return undefined;
    try {
      const list = await module.activities.listUpcoming({ type, limit: LOOK_AHEAD });
      const open = list.find(
        (a) => module.activities.signupState(a).open && (!a.eligibleTiers?.length || tier === undefined || a.eligibleTiers.includes(tier)),
      );
      return open && { id: open.id, title: open.title, date: formatMonthDay(open.startsAt) };
    } catch (err) {
      // The answer still stands without the suggestion.
      this.logger?.warn({ err }, 'could not look up upcoming activities');
      return undefined;
    }
  }
}
