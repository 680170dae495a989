/**
 * Date expressions → DateRange in China Standard Time (UTC+8):
 * 今天/明天/后天, 本周/下周/周末, 周三/下周二, 本月/下个月, 12月, 12月5日, 2024年12月5日, 2024-12-05.
 */
import type { DateRange } from './types';

const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** A calendar day in China time, as a UTC-midnight Date used for arithmetic only. */
type Day = Date;

function today(now: Date): Day {
  const local = new Date(now.getTime() + OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/** Today's calendar date in China time ("截至2026年12月7日"). */
export function calendarDate(now: Date): { year: number; month: number; day: number } {
  const day = today(now);
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
}

/** Whole months from a date (YYYY-MM-DD) to today, in China time. */
export function monthsSince(date: string, now: Date): number {
  const [y, m, d] = date.split('-').map(Number);
  const t = calendarDate(now);
  return (t.year - y) * 12 + (t.month - m) - (t.day < d ? 1 : 0);
}

function addDays(day: Day, n: number): Day {
  return new Date(day.getTime() + n * DAY_MS);
}

function iso(day: Day): string {
  return `${day.toISOString().slice(0, 10)}T00:00:00+08:00`;
}

function range(from: Day, to: Day): DateRange {
  return { from: iso(from), to: iso(to) };
}

/** Monday of the week of `day` (weeks start on Monday in China). */
function monday(day: Day): Day {
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

function month(year: number, m: number): DateRange {
  return range(new Date(Date.UTC(year, m - 1, 1)), new Date(Date.UTC(year, m, 1)));
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12", "十二", "二十五", "三十一" → number. */
export function parseSmallNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return undefined;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? CN_DIGITS[s] : undefined;
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
  const ones = ten === s.length - 1 ? 0 : CN_DIGITS[s.slice(ten + 1)];
  return tens === undefined || ones === undefined ? undefined : tens * 10 + ones;
}

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** "6月18日" / "六月十八号" */
const MONTH_DAY = new RegExp(`${NUM}\\s*月\\s*${NUM}\\s*[日号]`);
/** "6月" with no day after it */
const MONTH_ONLY = new RegExp(`(?<![\\d一二三四五六七八九十])${NUM}\\s*月(?!\\s*${NUM}\\s*[日号])`);

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The first date expression of the text as a range, or undefined. */
export function parseDateRange(text: string, now: Date = new Date()): DateRange | undefined {
  const t0 = today(now);
  const thisYear = t0.getUTCFullYear();
  const thisMonth = t0.getUTCMonth() + 1;

  // 2024-12-05, 2024/12/5, 2024年12月5日
  let m = /(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/.exec(text);
  if (m && validDate(+m[1], +m[2], +m[3])) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return range(d, addDays(d, 1));
  }
  // 12月5日 / 十二月五号 (next occurrence)
  m = MONTH_DAY.exec(text);
  if (m) {
    const mo = parseSmallNumber(m[1]);
    const da = parseSmallNumber(m[2]);
    if (mo && da) {
      let year = thisYear;
      if (validDate(year, mo, da) && new Date(Date.UTC(year, mo - 1, da)) < t0) year += 1;
      if (validDate(year, mo, da)) {
        const d = new Date(Date.UTC(year, mo - 1, da));
        return range(d, addDays(d, 1));
      }
    }
  }
  if (/大后天/.test(text)) return range(addDays(t0, 3), addDays(t0, 4));
  if (/后天/.test(text)) return range(addDays(t0, 2), addDays(t0, 3));
  if (/明天|明日/.test(text)) return range(addDays(t0, 1), addDays(t0, 2));
  if (/今天|今日|当天/.test(text)) return range(t0, addDays(t0, 1));
  // 下周二, 本周五, 周三, 星期六, 礼拜天
  m = /(下下|下|这|本)?\s*(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/.exec(text);
  if (m) {
    const weekStart = addDays(monday(t0), m[1] === '下下' ? 14 : m[1] === '下' ? 7 : 0);
    let d = addDays(weekStart, WEEKDAY[m[2]] - 1);
    if (!m[1] && d < t0) d = addDays(d, 7);
    return range(d, addDays(d, 1));
  }
  if (/(下|下个)(周末|星期末)/.test(text)) return range(addDays(monday(t0), 12), addDays(monday(t0), 14));
  if (/周末/.test(text)) return range(addDays(monday(t0), 5), addDays(monday(t0), 7));
  if (/下下(个)?(周|星期|礼拜)/.test(text)) return range(addDays(monday(t0), 14), addDays(monday(t0), 21));
  if (/下(个)?(周|星期|礼拜)/.test(text)) return range(addDays(monday(t0), 7), addDays(monday(t0), 14));
  if (/(本|这)(个)?(周|星期|礼拜)/.test(text)) return range(monday(t0), addDays(monday(t0), 7));
  if (/下(个)?月/.test(text)) return thisMonth === 12 ? month(thisYear + 1, 1) : month(thisYear, thisMonth + 1);
  if (/(本|这个?|当)月/.test(text)) return month(thisYear, thisMonth);
  // 12月, 十二月 (whole month, next occurrence); "2024年7月": that year's.
  m = MONTH_ONLY.exec(text);
  if (m) {
    const mo = parseSmallNumber(m[1]);
    const before = text.slice(0, m.index);
    const year = /(20\d{2})\s*年\s*$/u.exec(before)?.[1];
    const relative = /(今年|去年|前年)\s*$/u.exec(before)?.[1];
    const said = year ? Number(year) : relative ? thisYear - ['今年', '去年', '前年'].indexOf(relative) : undefined;
    if (mo && mo >= 1 && mo <= 12) return month(said ?? (mo < thisMonth ? thisYear + 1 : thisYear), mo);
  }
  return undefined;
}

/** "截至2026年12月7日", "到今天2026-12-07为止": the moment a question is asked as of, written as a full date. */
const AS_OF_DATE = /(?:截至|截止到|截止至|截止|到|至)(?:今天|今日|目前|当前)?[（(]?\s*(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?[）)]?(?:为止|止)?/gu;

/**
 * The text with an "as of" date that is today (China time, a day either side for time zones) said as 截至目前:
 * asked as of now, the date names no document date nor honour year.
 */
export function asOfTodayAsNow(text: string, now: Date = new Date()): string {
  const t0 = today(now).getTime();
  return text.replace(AS_OF_DATE, (whole, y: string, m: string, d: string) =>
    validDate(+y, +m, +d) && Math.abs(Date.UTC(+y, +m - 1, +d) - t0) <= DAY_MS ? '截至目前' : whole,
  );
}
