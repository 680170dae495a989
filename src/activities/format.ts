import type { Activity, Tier } from './types';
import { PLACE_TEXT, TIME_TEXT, eligibleTiersText } from './copy';

/** The labels live in the catalogue (copy.ts); re-exported for the modules that read them from here. */
export { ACTIVITY_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from './copy';

/** The park's time zone: every time is shown in Beijing time, whatever the server's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
  weekday: number;
}

function localParts(iso: string): LocalParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: parts.hour,
    minute: parts.minute,
    weekday: WEEKDAY_INDEX[parts.weekday] ?? 0,
  };
}

function dateText(p: LocalParts, withYear: boolean): string {
  return TIME_TEXT.date({ year: withYear ? p.year : undefined, month: p.month, day: p.day, weekday: p.weekday });
}

/** "6月18日（周三）14:00"; the year is added when it is not `now`'s year. */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const p = localParts(iso);
  return `${dateText(p, p.year !== localParts(now.toISOString()).year)}${p.hour}:${p.minute}`;
}

/** "6月18日（周三）14:00–16:30", or both dates when it spans days. */
export function formatTimeRange(startIso: string, endIso: string, now: Date = new Date()): string {
  const s = localParts(startIso);
  const e = localParts(endIso);
  const withYear = s.year !== localParts(now.toISOString()).year;
  if (s.year === e.year && s.month === e.month && s.day === e.day) {
    return `${dateText(s, withYear)}${s.hour}:${s.minute}–${e.hour}:${e.minute}`;
  }
  return TIME_TEXT.acrossDays(`${dateText(s, withYear)}${s.hour}:${s.minute}`, `${dateText(e, withYear || e.year !== s.year)}${e.hour}:${e.minute}`);
}

/** "2026年12月3日 09:30" (Beijing time, always with the year): WeChat template messages' time fields. */
export function formatFullDateTime(iso: string): string {
  const p = localParts(iso);
  return TIME_TEXT.full(p.year, p.month, p.day, `${p.hour}:${p.minute}`);
}

/** "7月1日" (Beijing date). */
export function formatMonthDay(iso: string): string {
  const p = localParts(iso);
  return TIME_TEXT.monthDay(p.month, p.day);
}

/** "苏州工业园区…（线下）", "线上：https://…", or both. */
export function formatPlace(activity: Pick<Activity, 'place' | 'onlineUrl'>): string {
  if (activity.place && activity.onlineUrl) return PLACE_TEXT.both(activity.place, activity.onlineUrl);
  if (activity.place) return activity.place;
  return PLACE_TEXT.online(activity.onlineUrl ?? '');
}

export function formatTiers(tiers: Tier[] | undefined): string {
  return eligibleTiersText(tiers);
}

const exportTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO time as Beijing date and time to the minute, for exports and the audit log; empty when absent. */
export function beijingTime(iso: string | undefined): string {
  return iso ? exportTimeFormat.format(new Date(iso)) : '';
}
