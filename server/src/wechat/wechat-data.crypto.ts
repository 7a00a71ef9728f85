import { createDecipheriv } from 'node:crypto';

export type WeChatDataFailure = 'MALFORMED' | 'UNDECRYPTABLE' | 'FOREIGN_APP' | 'STALE' | 'NO_SESSION';

/**
 * How old group data may be: wx.getGroupEnterInfo seals it when the card is opened, and the client
 * sends it at once (a member who must choose among communities sends it again within minutes).
 * Older data is a replay. A little clock skew into the future is tolerated.
 */
export const GROUP_DATA_MAX_AGE_SECONDS = 15 * 60;
const FUTURE_SKEW_SECONDS = 5 * 60;

export class WeChatDataError extends Error {
  constructor(readonly reason: WeChatDataFailure) {
    super(`WeChat encrypted data refused: ${reason}`);
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function strictBase64(text: string, expectedBytes?: number): Buffer {
  if (!text || !BASE64.test(text)) throw new WeChatDataError('MALFORMED');
  const bytes = Buffer.from(text, 'base64');
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) throw new WeChatDataError('MALFORMED');
  return bytes;
}

/**
 * WeChat's open-data decryption: AES-128-CBC, key = base64 session_key, PKCS#7 padding,
 * the payload's watermark.appid must be this mini-program's own appid and its watermark.timestamp recent.
 */
export function decryptWeChatData(encryptedData: string, iv: string, sessionKey: string, appId: string, now: Date): Record<string, unknown> {
  const key = strictBase64(sessionKey, 16);
  const ivBytes = strictBase64(iv, 16);
  const cipherText = strictBase64(encryptedData);
  if (cipherText.length === 0 || cipherText.length % 16 !== 0) throw new WeChatDataError('MALFORMED');

  let payload: unknown;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, ivBytes);
    const plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
    payload = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new WeChatDataError('UNDECRYPTABLE');
  }
  if (typeof payload !== 'object' || payload === null) throw new WeChatDataError('UNDECRYPTABLE');
  const watermark = (payload as { watermark?: { appid?: unknown; timestamp?: unknown } }).watermark;
  if (!watermark || watermark.appid !== appId) throw new WeChatDataError('FOREIGN_APP');
  const age = Math.floor(now.getTime() / 1000) - Number(watermark.timestamp);
  if (!Number.isFinite(age) || age > GROUP_DATA_MAX_AGE_SECONDS || age < -FUTURE_SKEW_SECONDS) throw new WeChatDataError('STALE');
  return payload as Record<string, unknown>;
}

/** The chat's id: `opengid` from wx.getGroupEnterInfo, `openGId` from the older getShareInfo. */
export function openGidOf(payload: Record<string, unknown>): string | null {
  const value = payload.opengid ?? payload.openGId;
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null;
}
