import { createCipheriv, createSign, createVerify, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import forge from 'node-forge';
import { FAKE_APPID } from './fake-wechat';

export const FAKE_MCHID = '1900000109';
export const FAKE_MERCHANT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
export const FAKE_APIV3_KEY = 'fakeApiV3Key0123456789abcdefABCD';
const PLATFORM_SERIAL_HEX = '3775B6A45ACD588826D15E583A95F5DD2A2A1B0C';
const ARTIFACTS = path.resolve(__dirname, '..', '.artifacts');

export interface FakeOrder {
  appid: string;
  mchid: string;
  out_trade_no: string;
  description: string;
  notify_url: string;
  time_expire: string;
  amount: { total: number; currency: string };
  payer: { openid: string };
  prepayId: string;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transactionId?: string;
}

export interface FakeRefund {
  out_trade_no: string;
  out_refund_no: string;
  refund_id: string;
  reason: string;
  amount: { refund: number; total: number };
  status: 'PROCESSING' | 'SUCCESS';
}

export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
}

/**
 * A stand-in for api.mch.weixin.qq.com on loopback, written from WeChat Pay's API v3 documents
 * with Node's crypto alone (not the library the server uses), so the two sides check each other.
 * It refuses requests whose WECHATPAY2-SHA256-RSA2048 Authorization does not verify with the
 * merchant's public key, signs its answers and notifications with a platform key of its own
 * (with a self-signed certificate for WECHATPAY_PLATFORM_CERT) and encrypts notification
 * resources with the APIv3 key. Keys are generated at start; nothing is committed.
 */
export class FakeWeChatPay {
  private server = http.createServer((req, res) => void this.handle(req, res));
  private dir = path.join(ARTIFACTS, `wechatpay-${randomBytes(4).toString('hex')}`);
  readonly merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly orders = new Map<string, FakeOrder>();
  readonly refunds = new Map<string, FakeRefund>();
  /** Every request with whether its signature verified. */
  readonly requests: { method: string; path: string; signed: boolean }[] = [];
  /** Answer every call with HTTP 500 (WeChat Pay down). */
  failing = false;
  url = '';

  async start(): Promise<this> {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(path.join(this.dir, 'apiclient_key.pem'), this.merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(path.join(this.dir, 'platform_cert.pem'), this.platformCertificate());
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The WECHATPAY_* environment that points a server at this fake. */
  env(notifyBase = 'https://qunyou.example.com'): Record<string, string> {
    return {
      WECHATPAY_MCHID: FAKE_MCHID,
      WECHATPAY_SERIAL: FAKE_MERCHANT_SERIAL,
      WECHATPAY_PRIVATE_KEY: path.join(this.dir, 'apiclient_key.pem'),
      WECHATPAY_APIV3_KEY: FAKE_APIV3_KEY,
      WECHATPAY_PLATFORM_CERT: path.join(this.dir, 'platform_cert.pem'),
      WECHATPAY_API_BASE: this.url,
      WECHATPAY_NOTIFY_URL: `${notifyBase}/wechatpay/notify`,
      WECHATPAY_TIMEOUT_MS: '2000',
    };
  }

  /** The payer pays at the cashier: the order is SUCCESS here; returns the TRANSACTION.SUCCESS notification. */
  pay(orderNo: string, overrides: Partial<Record<'amount' | 'mchid' | 'appid', unknown>> = {}): SignedNotification {
    const order = this.orders.get(orderNo);
    if (!order) throw new Error(`the fake has no order ${orderNo}`);
    order.state = 'SUCCESS';
    order.transactionId ??= `4200${Date.now()}${randomBytes(4).toString('hex')}`.slice(0, 28);
    return this.notification('TRANSACTION.SUCCESS', 'transaction', this.transaction(order, overrides));
  }

  /** WeChat Pay finished a refund: SUCCESS here; returns the REFUND.SUCCESS notification. */
  completeRefund(refundNo: string): SignedNotification {
    const refund = this.refunds.get(refundNo)!;
    refund.status = 'SUCCESS';
    return this.notification('REFUND.SUCCESS', 'refund', { mchid: FAKE_MCHID, ...refund, refund_status: 'SUCCESS', success_time: new Date().toISOString() });
  }

  /** A notification as WeChat Pay sends it; `timestamp` to send a stale one, `apiV3Key` to encrypt with a key that is not the merchant's. */
  notification(eventType: string, kind: 'transaction' | 'refund', resource: object, timestamp = Math.floor(Date.now() / 1000), apiV3Key = FAKE_APIV3_KEY): SignedNotification {
    const nonce = randomBytes(6).toString('hex');
    const associatedData = kind;
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce)).setAAD(Buffer.from(associatedData));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(resource), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
    const body = JSON.stringify({
      id: randomBytes(16).toString('hex'),
      create_time: new Date().toISOString(),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: eventType === 'TRANSACTION.SUCCESS' ? '支付成功' : '退款成功',
      resource: { original_type: kind, algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: associatedData, nonce },
    });
    return { headers: this.signatureHeaders(body, timestamp), body };
  }

  /** POSTs a notification to a server's callback; the HTTP status it answered. */
  static async deliver(serverUrl: string, notification: SignedNotification): Promise<number> {
    const response = await fetch(`${serverUrl}/wechatpay/notify`, { method: 'POST', headers: { 'content-type': 'application/json', ...notification.headers }, body: notification.body });
    await response.arrayBuffer();
    return response.status;
  }

  private transaction(order: FakeOrder, overrides: Partial<Record<'amount' | 'mchid' | 'appid', unknown>>) {
    return {
      appid: overrides.appid ?? order.appid,
      mchid: overrides.mchid ?? order.mchid,
      out_trade_no: order.out_trade_no,
      transaction_id: order.transactionId,
      trade_type: 'JSAPI',
      trade_state: order.state,
      trade_state_desc: order.state === 'SUCCESS' ? '支付成功' : '未支付',
      bank_type: 'OTHERS',
      success_time: order.state === 'SUCCESS' ? new Date().toISOString() : undefined,
      payer: { openid: order.payer.openid },
      amount: { total: overrides.amount ?? order.amount.total, payer_total: overrides.amount ?? order.amount.total, currency: 'CNY', payer_currency: 'CNY' },
    };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => resolve(text));
    });
    const url = new URL(req.url ?? '/', this.url);
    const signed = this.verifyAuthorization(req.method ?? '', `${url.pathname}${url.search}`, body, req.headers.authorization ?? '');
    this.requests.push({ method: req.method ?? '', path: url.pathname, signed });
    if (!signed) return this.answer(res, 401, { code: 'SIGN_ERROR', message: '签名错误' });
    if (this.failing) return this.answer(res, 500, { code: 'SYSTEM_ERROR', message: '系统错误' });
    const input = body ? JSON.parse(body) : {};
    const tradeNo = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(url.pathname);
    const refundNo = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') return this.createOrder(res, input);
    if (tradeNo && req.method === 'GET') {
      const order = this.orders.get(decodeURIComponent(tradeNo[1]));
      if (!order || url.searchParams.get('mchid') !== order.mchid) return this.answer(res, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
      return this.answer(res, 200, this.transaction(order, {}));
    }
    if (tradeNo && tradeNo[2] && req.method === 'POST') {
      const order = this.orders.get(decodeURIComponent(tradeNo[1]));
      if (!order) return this.answer(res, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
      if (order.state === 'SUCCESS') return this.answer(res, 400, { code: 'ORDERPAID', message: '订单已支付' });
      order.state = 'CLOSED';
      return this.answer(res, 204, null);
    }
    if (req.method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') return this.createRefund(res, input);
    if (refundNo && req.method === 'GET') {
      const refund = this.refunds.get(decodeURIComponent(refundNo[1]));
      return refund ? this.answer(res, 200, refund) : this.answer(res, 404, { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' });
    }
    this.answer(res, 404, { code: 'NOT_FOUND', message: url.pathname });
  }

  private createOrder(res: http.ServerResponse, input: Omit<FakeOrder, 'prepayId' | 'state'>): void {
    if (input.mchid !== FAKE_MCHID || input.appid !== FAKE_APPID) return this.answer(res, 400, { code: 'PARAM_ERROR', message: 'appid 和 mch_id 不匹配' });
    if (!Number.isInteger(input.amount?.total) || input.amount.total < 1 || !input.payer?.openid) return this.answer(res, 400, { code: 'PARAM_ERROR', message: '参数错误' });
    const existing = this.orders.get(input.out_trade_no);
    if (existing) {
      // WeChat Pay: the same out_trade_no with the same parameters is the same order (the same prepay_id).
      const same = existing.amount.total === input.amount.total && existing.payer.openid === input.payer.openid && existing.description === input.description;
      return same ? this.answer(res, 200, { prepay_id: existing.prepayId }) : this.answer(res, 400, { code: 'INVALID_REQUEST', message: '201 商户订单号重复' });
    }
    const order: FakeOrder = { ...input, prepayId: `wx${randomBytes(14).toString('hex')}`, state: 'NOTPAY' };
    this.orders.set(order.out_trade_no, order);
    this.answer(res, 200, { prepay_id: order.prepayId });
  }

  private createRefund(res: http.ServerResponse, input: { out_trade_no: string; out_refund_no: string; reason: string; amount: { refund: number; total: number } }): void {
    const order = this.orders.get(input.out_trade_no);
    if (!order || order.state !== 'SUCCESS' && order.state !== 'REFUND') return this.answer(res, 400, { code: 'INVALID_REQUEST', message: '订单未支付' });
    if (input.amount.refund > order.amount.total || input.amount.total !== order.amount.total) return this.answer(res, 400, { code: 'PARAM_ERROR', message: '退款金额错误' });
    let refund = this.refunds.get(input.out_refund_no);
    if (!refund) {
      refund = { out_trade_no: input.out_trade_no, out_refund_no: input.out_refund_no, refund_id: `5030${randomBytes(10).toString('hex')}`, reason: input.reason, amount: input.amount, status: 'PROCESSING' };
      this.refunds.set(refund.out_refund_no, refund);
      order.state = 'REFUND';
    }
    this.answer(res, 200, refund);
  }

  /** WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…" over METHOD\nURL\nts\nnonce\nbody\n */
  private verifyAuthorization(method: string, pathAndQuery: string, body: string, authorization: string): boolean {
    const match = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(authorization);
    if (!match) return false;
    const fields = Object.fromEntries([...match[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (fields.mchid !== FAKE_MCHID || fields.serial_no !== FAKE_MERCHANT_SERIAL) return false;
    if (Math.abs(Date.now() / 1000 - Number(fields.timestamp)) > 300) return false;
    const message = `${method}\n${pathAndQuery}\n${fields.timestamp}\n${fields.nonce_str}\n${body}\n`;
    return createVerify('RSA-SHA256').update(message).verify(this.merchant.publicKey, fields.signature ?? '', 'base64');
  }

  private answer(res: http.ServerResponse, status: number, payload: object | null): void {
    const body = payload === null ? '' : JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json', ...this.signatureHeaders(body, Math.floor(Date.now() / 1000)) });
    res.end(body);
  }

  private signatureHeaders(body: string, timestamp: number): Record<string, string> {
    const nonce = randomBytes(16).toString('hex');
    const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(this.platform.privateKey, 'base64');
    return { 'Wechatpay-Timestamp': String(timestamp), 'Wechatpay-Nonce': nonce, 'Wechatpay-Signature': signature, 'Wechatpay-Serial': PLATFORM_SERIAL_HEX };
  }

  /** A self-signed X.509 certificate of the platform key, with the serial WeChat Pay names in Wechatpay-Serial. */
  private platformCertificate(): string {
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.publicKeyFromPem(this.platform.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    cert.serialNumber = PLATFORM_SERIAL_HEX;
    cert.validity.notBefore = new Date(Date.now() - 86_400_000);
    cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
    const attrs = [{ name: 'commonName', value: 'Tenpay.com Root CA (fake)' }];
    cert.setSubject(attrs);
    cert.setIssuer(attrs);
    cert.sign(forge.pki.privateKeyFromPem(this.platform.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()), forge.md.sha256.create());
    return forge.pki.certificateToPem(cert);
  }

  /** The merchant public key, to check the pay params the server signed. */
  get merchantPublicKey(): KeyObject {
    return this.merchant.publicKey;
  }
}
