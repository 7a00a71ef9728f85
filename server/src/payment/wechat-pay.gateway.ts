import type { WeChatPaySettings } from '../config';
import { WeChatPayClient } from './wechat-pay.client';
import type { OutboundCallFailed } from '../wechat/wechat-api.client';
import { loadWeChatPayKeys, WeChatPayKeys } from './wechat-pay.crypto';

/** WeChat Pay as this server reaches it: the signed API client and the keys; null when WECHATPAY_* is not set. */
export interface WeChatPayGateway {
  client: WeChatPayClient;
  keys: WeChatPayKeys;
  mchid: string;
  apiV3Key: string;
}

export function createWeChatPayGateway(settings: WeChatPaySettings | null, callFailed?: OutboundCallFailed): WeChatPayGateway | null {
  if (!settings) return null;
  const keys = loadWeChatPayKeys(settings);
  return { client: new WeChatPayClient(settings, keys, callFailed), keys, mchid: settings.mchid, apiV3Key: settings.apiV3Key };
}
