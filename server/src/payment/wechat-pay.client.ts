import { Wechatpay } from 'wechatpay-axios-plugin';
import type { WeChatPaySettings } from '../config';
import type { WeChatPayKeys } from './wechat-pay.crypto';
import { ignoreFailure, OutboundCallFailed, UNREACHABLE } from '../wechat/wechat-api.client';

/** A transaction as WeChat Pay reports it (query answer, or the decrypted TRANSACTION.SUCCESS resource). */
export interface WeChatPayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
  success_time?: string;
  payer?: { openid?: string };
  amount?: { total?: number; payer_total?: number; currency?: string };
}

/** A refund as WeChat Pay reports it (answer, query, or the decrypted REFUND.* resource). */
export interface WeChatPayRefund {
  out_refund_no: string;
  out_trade_no?: string;
  refund_id?: string;
  /** `status` in answers and queries, `refund_status` in notifications. */
  status?: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  refund_status?: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  amount?: { refund?: number; total?: number };
}

export interface JsapiOrder {
  appId: string;
  orderNo: string;
  description: string;
  amountFen: number;
  openid: string;
  expiresAt: Date;
}

export interface RefundRequest {
  orderNo: string;
  refundNo: string;
  reason: string;
  amountFen: number;
}

/** An error answer of WeChat Pay (HTTP 4xx/5xx with `{ code, message }`) or a transport failure. */
export class WeChatPayError extends Error {
  constructor(readonly status: number | null, readonly code: string, message: string) {
    super(`WeChat Pay ${status ?? 'unreachable'} ${code}: ${message}`);
  }
}

/**
 * The merchant's calls to WeChat Pay API v3. wechatpay-axios-plugin signs every request with the
 * merchant key (the WECHATPAY2-SHA256-RSA2048 Authorization header) and verifies every answer
 * against the platform certificate before we see it.
 */
export class WeChatPayClient {
  private readonly api: any;

  constructor(
    private readonly settings: WeChatPaySettings,
    keys: WeChatPayKeys,
    private readonly callFailed: OutboundCallFailed = ignoreFailure,
  ) {
    this.api = new Wechatpay({
      mchid: settings.mchid,
      serial: settings.serial,
      privateKey: keys.merchantKey,
      certs: { [keys.platformSerial]: keys.platformKey },
      baseURL: `${settings.apiBase}/`,
      timeout: settings.timeoutMs,
    } as never);
  }

  get mchid(): string {
    return this.settings.mchid;
  }

  /** POST /v3/pay/transactions/jsapi → prepay_id. */
  async createJsapiOrder(order: JsapiOrder): Promise<string> {
    const data = await this.call(() =>
      this.api.v3.pay.transactions.jsapi.post({
        appid: order.appId,
        mchid: this.settings.mchid,
        description: order.description,
        out_trade_no: order.orderNo,
        time_expire: rfc3339(order.expiresAt),
        notify_url: this.settings.notifyUrl,
        amount: { total: order.amountFen, currency: 'CNY' },
        payer: { openid: order.openid },
      }),
    );
    if (typeof data?.prepay_id !== 'string') throw new WeChatPayError(200, 'NO_PREPAY_ID', 'answer without prepay_id');
    return data.prepay_id;
  }

  /** GET /v3/pay/transactions/out-trade-no/{no}?mchid= ; null when WeChat Pay has no such order. */
  async queryOrder(orderNo: string): Promise<WeChatPayTransaction | null> {
    try {
      return await this.call(() => this.api.v3.pay.transactions['out-trade-no']['{out_trade_no}'].get({ params: { mchid: this.settings.mchid }, out_trade_no: orderNo }));
    } catch (error) {
      if (error instanceof WeChatPayError && error.code === 'ORDER_NOT_EXIST') return null;
      throw error;
    }
  }

  /** POST /v3/pay/transactions/out-trade-no/{no}/close (answers 204). */
  async closeOrder(orderNo: string): Promise<void> {
    await this.call(() => this.api.v3.pay.transactions['out-trade-no']['{out_trade_no}'].close.post({ mchid: this.settings.mchid }, { out_trade_no: orderNo }));
  }

  /** POST /v3/refund/domestic/refunds: a full refund (out_refund_no makes a repeat of it harmless). */
  async refund(request: RefundRequest): Promise<WeChatPayRefund> {
    return this.call(() =>
      this.api.v3.refund.domestic.refunds.post({
        out_trade_no: request.orderNo,
        out_refund_no: request.refundNo,
        reason: request.reason,
        notify_url: this.settings.notifyUrl,
        amount: { refund: request.amountFen, total: request.amountFen, currency: 'CNY' },
      }),
    );
  }

  /** GET /v3/refund/domestic/refunds/{out_refund_no} */
  async queryRefund(refundNo: string): Promise<WeChatPayRefund> {
    return this.call(() => this.api.v3.refund.domestic.refunds['{out_refund_no}'].get({ out_refund_no: refundNo }));
  }

  private async call<T = any>(request: () => Promise<{ data: T }>): Promise<T> {
    try {
      return (await request()).data;
    } catch (error) {
      const response = (error as { response?: { status?: number; data?: { code?: string; message?: string } } }).response;
      const failure = response?.status
        ? new WeChatPayError(response.status, response.data?.code ?? 'HTTP_ERROR', response.data?.message ?? '')
        : new WeChatPayError(null, (error as { code?: string }).code ?? 'NETWORK', (error as Error).message);
      this.callFailed('wechatpay', failure.status === null ? UNREACHABLE : failure.code);
      throw failure;
    }
  }
}

/** time_expire wants RFC 3339 with an offset: 2026-12-02T12:30:00+08:00 (Beijing time, as WeChat Pay shows it). */
function rfc3339(at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3600_000);
  return `${beijing.toISOString().slice(0, 19)}+08:00`;
}
