import { createCipheriv, randomBytes } from 'node:crypto';

/** Encrypts a payload the way WeChat does for wx.getGroupEnterInfo (AES-128-CBC, PKCS#7). */
export function encryptGroupData(payload: unknown, sessionKey: string, iv: Buffer = randomBytes(16)) {
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv);
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return { encryptedData: encrypted.toString('base64'), iv: iv.toString('base64') };
}

export function groupPayload(openGid: string, appid: string) {
  return { opengid: openGid, watermark: { timestamp: Math.floor(Date.now() / 1000), appid } };
}
