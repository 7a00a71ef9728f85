import { randomBytes } from 'node:crypto';

/** out_trade_no / out_refund_no: a prefix, the UTC time to the second and 10 random characters (≤ 32, WeChat Pay's limit). */
export function newOrderNumber(prefix: 'QY' | 'RF', at: Date): string {
  const stamp = at.toISOString().replace(/\D/g, '').slice(0, 14);
  const random = [...randomBytes(10)].map((byte) => '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'[byte % 34]).join('');
  return `${prefix}${stamp}${random}`;
}
