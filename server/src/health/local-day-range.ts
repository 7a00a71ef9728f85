import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { badInput } from '../graphql/graphql-errors';
import { addDays, daysBetween, isDate, localMidnight } from '../common/local-date';

dayjs.extend(utc);
dayjs.extend(timezone);

export const MAX_RANGE_DAYS = 366;

/** A span of community-local dates, from..to inclusive, with the instants that bound it. */
export interface LocalDayRange {
  from: string;
  to: string;
  timezone: string;
  /** Every date of the range, in order. */
  days: string[];
  /** Local midnight of `from`, and of the day after `to`. */
  start: Date;
  end: Date;
}

/** Minutes to add to a UTC instant to read the local wall clock at `day`'s midnight. */
export function utcOffsetMinutes(day: string, tz: string): number {
  return dayjs.tz(day, tz).utcOffset();
}

export function parseLocalDayRange(from: string, to: string, tz: string): LocalDayRange {
  if (!isDate(from)) throw badInput('开始日期格式应为 YYYY-MM-DD', 'from');
  if (!isDate(to)) throw badInput('结束日期格式应为 YYYY-MM-DD', 'to');
  if (from > to) throw badInput('开始日期不能晚于结束日期', 'from');
  const count = daysBetween(from, to) + 1;
  if (count > MAX_RANGE_DAYS) throw badInput(`日期范围最多 ${MAX_RANGE_DAYS} 天`, 'to');
  const days = Array.from({ length: count }, (_, i) => addDays(from, i));
  return { from, to, timezone: tz, days, start: localMidnight(from, tz), end: localMidnight(addDays(to, 1), tz) };
}
