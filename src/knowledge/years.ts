/** Calendar years in Suzhou: honour years and "近三年内" are counted in local years. */
const YEAR_FORMAT = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' });

export function yearIn(now: Date): number {
  return Number(YEAR_FORMAT.format(now));
}

/** 2024—2026年: the calendar years "近N年内" covers on a given day. */
export function recentYearsText(years: number, now: Date): string {
  const to = yearIn(now);
  return `${to - years + 1}—${to}年`;
}
