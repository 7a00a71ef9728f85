/**
 * WeChat's limits on subscription-message values (订阅消息参数值内容限制): a value over its
 * limit makes the whole send fail with 47003, so every value is cut to fit here, by code point
 * (never half a surrogate pair) and without control characters.
 *   thing ≤ 20 characters · phrase ≤ 5 Chinese characters only · character_string ≤ 32 of
 *   digits/letters/symbols · number ≤ 32 digits · time "2019年10月1日 15:01"
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function clip(value: string, max: number): string {
  const chars = Array.from(value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  return `${chars.slice(0, max - 1).join('')}…`;
}

export const thing = (value: string) => clip(value, 20) || '—';

/** Only Han characters are allowed; anything else is dropped. */
export const phrase = (value: string) => Array.from(value.replace(/[^\u4e00-\u9fff]/g, '')).slice(0, 5).join('');

export const characterString = (value: string) => Array.from(value.replace(/[^\x21-\x7e]/g, '')).slice(0, 32).join('');

/** `2026年12月1日 15:01` in the community's timezone. */
export function time(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

/** `12月1日` for inbox copy. */
export function shortDate(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, month: 'numeric', day: 'numeric' }).formatToParts(at).map((part) => [part.type, part.value]),
  );
  return `${parts.month}月${parts.day}日`;
}
