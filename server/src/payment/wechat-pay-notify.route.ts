import express, { RequestHandler } from 'express';
import type { AppServices } from '../app-services';
import type { WeChatPayRefund, WeChatPayTransaction } from './wechat-pay.client';
import { decryptResource, EncryptedResource, signatureProblem } from './wechat-pay.crypto';
import type { WeChatPayGateway } from './wechat-pay.gateway';

interface Notification {
  id?: string;
  event_type?: string;
  resource?: EncryptedResource;
}

/**
 * POST /wechatpay/notify: WeChat Pay's notifications of payments and refunds. The raw body's
 * signature is checked against the platform certificate (and its timestamp against the clock)
 * before anything is parsed; the resource is decrypted with the APIv3 key. WeChat Pay repeats a
 * notification until it gets a 2xx; settling is idempotent, so every repeat answers 204 too.
 */
export function wechatPayNotifyRoute(services: AppServices, gateway: WeChatPayGateway | null): RequestHandler[] {
  const handle: RequestHandler = async (req, res) => {
    const fail = (status: number, message: string) => res.status(status).json({ code: 'FAIL', message });
    if (!gateway) return void fail(404, 'WeChat Pay is not configured');
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const problem = signatureProblem(
      { timestamp: req.get('Wechatpay-Timestamp'), nonce: req.get('Wechatpay-Nonce'), signature: req.get('Wechatpay-Signature'), serial: req.get('Wechatpay-Serial'), body },
      gateway.keys,
      Math.floor(Date.now() / 1000),
    );
    if (problem) {
      services.log.warn({ problem, address: req.ip }, 'WeChat Pay notification refused');
      return void fail(401, '签名验证失败');
    }
    let notification: Notification;
    let resource: unknown;
    try {
      notification = JSON.parse(body) as Notification;
      resource = decryptResource(notification.resource!, gateway.apiV3Key);
    } catch {
      services.log.warn({ address: req.ip }, 'WeChat Pay notification could not be decrypted');
      return void fail(400, '通知内容无法解密');
    }
    const eventType = notification.event_type ?? '';
    let outcome: string = 'ignored';
    if (eventType === 'TRANSACTION.SUCCESS') {
      outcome = await services.entryPayments.settle(resource as WeChatPayTransaction, 'notification');
    } else if (eventType.startsWith('REFUND.')) {
      const refund = resource as WeChatPayRefund & { mchid?: string };
      outcome = await services.entryRefunds.settle(refund, refund.mchid ?? '');
    }
    services.log.info({ id: notification.id, eventType, outcome }, 'WeChat Pay notification');
    if (outcome === 'unknown') return void fail(404, '订单不存在');
    if (outcome === 'refused') return void fail(400, '通知与订单不符');
    res.status(204).end();
  };
  return [express.raw({ type: '*/*', limit: '64kb' }), handle];
}
