import type { ActivityService } from '../../src/activities/activityService';
import type { Activity, ActivityType } from '../../src/activities/types';
import type { DateRange, Recognition } from '../../src/nlu/types';
import { matchChoice, parseButton } from './buttons';
import { looseText } from '../../src/text/choices';

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
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) return undefined;
  // A distinctive part of one title ("产业对接专场" of "【示例】产业对接专场：供需对接与产学研合作").
  const partly = upcoming.filter((a) => titleParts(a.title).some((part) => wanted.includes(part)));
  return partly.length === 1 ? partly[0] : undefined;
}

/**
 * The parts of a title between brackets and colons, 5 characters or longer, and the four-character or longer
 * halves of a part joined by 与/和/及 ("供需对接" of "供需对接与产学研合作"), in loose form.
 */
function titleParts(title: string): string[] {
  const parts = title
    .replace(/【[^】]*】/g, ' ')
    .split(/[：:（）()，,、\s]+/)
    .map(looseText);
  const halves = parts.flatMap((part) => (/[与和及暨]/u.test(part) ? part.split(/[与和及暨]/u) : [])).filter((half) => [...half].length >= 4);
  return [...parts.filter((part) => [...part].length >= 5), ...halves];
}

export function hasFilter(query: ActivityQuery): boolean {
  return Boolean(query.type || query.dateRange);
}
