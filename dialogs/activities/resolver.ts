import type { ActivityService } from '../../src/activities/activityService';
import type { Activity, ActivityType } from '../../src/activities/types';
import type { DateRange, Recognition } from '../../src/nlu/types';
import { looseText, matchChoice, parseButton } from './buttons';

/** What the user's message says about which activity they mean. */
export interface ActivityQuery {
  /** a title from a button ("报名：<title>") */
  title?: string;
  type?: ActivityType;
  dateRange?: DateRange;
  /** the whole message, to spot a title typed inside a sentence */
  text?: string;
}

export function queryFromRecognition(recognition: Recognition | undefined): ActivityQuery {
  if (!recognition) return {};
  const button = parseButton(recognition.text);
  return {
    title: button?.title,
    type: recognition.entities?.activityType,
    dateRange: recognition.entities?.dateRange,
    text: recognition.text,
  };
}

/** The upcoming activity a title names: exact, or the single one it is part of. */
export async function findByTitle(activities: ActivityService, title: string): Promise<Activity | undefined> {
  const exact = await activities.findUpcomingByTitle(title);
  if (exact) return exact;
  const upcoming = await activities.listUpcoming({ limit: 100 });
  const index = matchChoice(title, upcoming.map((a) => a.title));
  return index === undefined ? undefined : upcoming[index];
}

/** An upcoming activity whose full title appears in the message ("我要报名<title>"). */
export async function findTitleInText(activities: ActivityService, text: string | undefined): Promise<Activity | undefined> {
  const wanted = looseText(text ?? '');
  if (!wanted) return undefined;
  const upcoming = await activities.listUpcoming({ limit: 100 });
  const hits = upcoming.filter((a) => {
    const title = looseText(a.title);
    return title.length >= 4 && wanted.includes(title);
  });
  return hits.length === 1 ? hits[0] : undefined;
}

export function hasFilter(query: ActivityQuery): boolean {
  return Boolean(query.type || query.dateRange);
}
