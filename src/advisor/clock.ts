/** Calendar year in Suzhou (honour years and "近三年" are counted in local years). */
const YEAR_FORMAT = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' });

export function yearIn(now: Date): number {
  return Number(YEAR_FORMAT.format(now));
}

export type Now = () => Date;
