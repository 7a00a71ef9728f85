import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const DATE_TIME_FORMATS = { minute: 'YYYY-MM-DD HH:mm', second: 'YYYY-MM-DD HH:mm:ss' } as const;

/** A moment as the community reads it, e.g. 2026-11-21 20:05 (to the second where a bill is matched against it). */
export function localDateTime(at: Date | string | null | undefined, tz: string, precision: keyof typeof DATE_TIME_FORMATS = 'minute'): string | null {
  return at ? dayjs(at).tz(tz).format(DATE_TIME_FORMATS[precision]) : null;
}

/** Fen as yuan for a numeric cell (formatted 0.00). */
export function yuan(fen: number): number {
  return Math.round(fen) / 100;
}

export const YUAN_FORMAT = '0.00';
