import { KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import type { WeChatPaySettings } from '../config';

/** WeChat Pay refuses (and so do we) a signed message more than five minutes off the clock. */
export const MAX_CLOCK_OFFSET_SECONDS = 300;

export interface WeChatPayKeys {
  merchantKey: KeyObject;
  platformKey: KeyObject;
  /** The platform certificate's serial (hex, upper case), as WeChat Pay names it in Wechatpay-Serial. */
  platformSerial: string;
}

export function loadWeChatPayKeys(settings: WeChatPaySettings): WeChatPayKeys {
  const certificate = new X509Certificate(readFileSync(settings.platformCertPath));
  return {
    merchantKey: Rsa.from(readFileSync(settings.privateKeyPath, 'utf8'), Rsa.KEY_TYPE_PRIVATE),
    platformKey: certificate.publicKey,
    platformSerial: certificate.serialNumber.toUpperCase(),
  };
}

/** What Taro.requestPayment (wx.requestPayment) takes for a JSAPI prepay_id. */
export interface PayParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** 小程序调起支付签名: appId, timeStamp, nonceStr and package, one a line, RSA-SHA256 with the merchant key. */
export function signPayParams(appId: string, prepayId: string, merchantKey: KeyObject, nowSeconds: number): PayParams {
  const timeStamp = String(nowSeconds);
  const nonceStr = Formatter.nonce(32);
  const pkg = `prepay_id=${prepayId}`;
  const paySign = Rsa.sign(Formatter.joinedByLineFeed(appId, timeStamp, nonceStr, pkg), merchantKey);
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
}

export interface SignedMessage {
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
  serial: string | undefined;
  body: string;
}

/** Why a message signed by WeChat Pay is refused, or null when its signature holds. */
export function signatureProblem(message: SignedMessage, keys: WeChatPayKeys, nowSeconds: number): string | null {
  const { timestamp, nonce, signature, serial, body } = message;
  if (!timestamp || !nonce || !signature || !serial) return 'missing Wechatpay-* headers';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_OFFSET_SECONDS) return 'stale or malformed Wechatpay-Timestamp';
  if (serial.toUpperCase() !== keys.platformSerial) return `unknown platform certificate serial ${serial.slice(0, 40)}`;
  let valid = false;
  try {
    valid = Rsa.verify(Formatter.response(timestamp, nonce, body), signature, keys.platformKey);
  } catch {
    valid = false;
  }
  return valid ? null : 'signature does not verify';
}

/** A notification's `resource`: AEAD_AES_256_GCM with the APIv3 key. */
export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
}

/** The decrypted resource as JSON; throws when it was not encrypted with our APIv3 key (or was altered). */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): unknown {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported resource algorithm ${resource.algorithm}`);
  return JSON.parse(Aes.AesGcm.decrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data ?? ''));
}
