import { createHash, timingSafeEqual } from 'node:crypto';

/** How far a push's timestamp may be from our clock: older ones are replays. */
export const PUSH_FRESH_SECONDS = 300;

export interface PushQuery {
  signature?: unknown;
  timestamp?: unknown;
  nonce?: unknown;
}

/** WeChat's message-push signature: sha1 of the sorted, concatenated [Token, timestamp, nonce], hex. */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/** Why a push (or the URL handshake) is refused, or null when its signature is WeChat's and fresh. */
export function pushSignatureProblem(token: string, query: PushQuery, nowSeconds: number): string | null {
  if (!token) return 'no WECHAT_PUSH_TOKEN configured';
  const { signature, timestamp, nonce } = query;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string') return 'signature, timestamp or nonce missing';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > PUSH_FRESH_SECONDS) return 'stale timestamp';
  const expected = Buffer.from(pushSignature(token, timestamp, nonce));
  const given = Buffer.from(signature.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
  return null;
}
