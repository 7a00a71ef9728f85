import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** A moment as the community reads it, e.g. 2026-11-21 20:05. */
export function localDateTime(at: Date | null | undefined, tz: string): string | null {
  return at ? dayjs(at).tz(tz).format('YYYY-MM-DD HH:mm') : null;
}

/** Fen as yuan for a numeric cell (formatted 0.00). */
export function yuan(fen: number): number {
  return Math.round(fen) / 100;
}

export const YUAN_FORMAT = '0.00';
