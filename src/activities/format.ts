import type { Activity, ActivityType, RegistrationStatus, Tier } from './types';
import { TIER_SHORT } from './validation/tier';

/** The park's time zone: every time is shown in Beijing time, whatever the server's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  salon: '企业沙龙',
  training: '培训辅导',
  jobfair: '专场招聘',
  other: '其他活动',
};

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: '报名成功',
  waitlisted: '候补中',
  cancelled: '已取消',
  checked_in: '已签到',
};

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
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
  return `${withYear ? `${p.year}年` : ''}${p.month}月${p.day}日（周${WEEKDAYS[p.weekday]}）`;
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
  return `${dateText(s, withYear)}${s.hour}:${s.minute} 至 ${dateText(e, withYear || e.year !== s.year)}${e.hour}:${e.minute}`;
}

/** "2026年12月3日 09:30" (Beijing time, always with the year): WeChat template messages' time fields. */
export function formatFullDateTime(iso: string): string {
  const p = localParts(iso);
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/** "7月1日" (Beijing date). */
export function formatMonthDay(iso: string): string {
  const p = localParts(iso);
  return `${p.month}月${p.day}日`;
}

/** "苏州工业园区…（线下）", "线上：https://…", or both. */
export function formatPlace(activity: Pick<Activity, 'place' | 'onlineUrl'>): string {
  if (activity.place && activity.onlineUrl) return `${activity.place}（线下）；线上参与：${activity.onlineUrl}`;
  if (activity.place) return activity.place;
  return `线上：${activity.onlineUrl ?? ''}`;
}

export function formatTiers(tiers: Tier[] | undefined): string {
  return tiers?.length ? tiers.map((t) => TIER_SHORT[t]).join('、') + '培育对象' : '不限';
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
