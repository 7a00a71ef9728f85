import { isMySql, SqlTarget } from '../common/sql';
import { LocalDayRange, localMidnight, utcOffsetMinutes } from './local-day-range';

/**
 * SQL for "the community-local date of this DATETIME column", the same answer on MySQL/MariaDB
 * and SQLite (where MikroORM stores DATETIME as epoch milliseconds). Neither needs the
 * database's timezone tables: the offset is computed here, per stretch of the range over which
 * it is constant (one stretch outside daylight-saving changes, so usually one plain expression).
 * `plusDays` shifts the date (a join day + 7 for retention).
 */
export function localDayOf(target: SqlTarget, column: string, range: LocalDayRange, plusDays = 0): string {
  const stretches: Array<{ since: Date; offset: number }> = [];
  for (const day of range.days) {
    const offset = utcOffsetMinutes(day, range.timezone);
    if (stretches.length === 0 || stretches[stretches.length - 1].offset !== offset) stretches.push({ since: localMidnight(day, range.timezone), offset });
  }
  const mysql = isMySql(target);
  const shifted = (offset: number) => {
    const minutes = offset + plusDays * 1440;
    return mysql ? `date_format(${column} + interval ${minutes} minute, '%Y-%m-%d')` : `date(${column} / 1000, 'unixepoch', '${minutes >= 0 ? '+' : ''}${minutes} minutes')`;
  };
  if (stretches.length === 1) return shifted(stretches[0].offset);
  const instant = (at: Date) => (mysql ? `'${at.toISOString().replace('T', ' ').replace('Z', '')}'` : String(at.getTime()));
  const branches = stretches.slice(1).map((stretch, i) => `when ${column} < ${instant(stretch.since)} then ${shifted(stretches[i].offset)}`);
  return `case ${branches.join(' ')} else ${shifted(stretches[stretches.length - 1].offset)} end`;
}
