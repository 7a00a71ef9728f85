import type { AppConfig } from '../config';
import { ignoreFailure, NO_ANSWER, OutboundCallFailed, UNREACHABLE } from './wechat-api.client';

/** WeChat's answer to a content-security call; errcode NO_ANSWER stands for no answer (network, timeout, HTTP error). */
export interface SecurityAnswer {
  errcode: number;
  errmsg: string;
  /** msg_sec_check v2: `pass` | `review` | `risky`. */
  suggest?: string;
  /** media_check_async: the id WeChat's push will carry. */
  traceId?: string;
}

export interface MsgSecCheckRequest {
  content: string;
  /** 1 profile, 2 comment, 3 forum post, 4 social log */
  scene: number;
  openid: string;
}

export interface MediaCheckRequest {
  mediaUrl: string;
  scene: number;
  openid: string;
}

/** The content-security calls (msg_sec_check v2, media_check_async v2) on the configured base URL. */
export class WeChatSecurityApi {
  constructor(
    private readonly settings: AppConfig['wechat'],
    private readonly callFailed: OutboundCallFailed = ignoreFailure,
  ) {}

  /** POST /wxa/msg_sec_check. Never throws; a member waits for it, so it has a timeout of its own. */
  msgSecCheck(accessToken: string, request: MsgSecCheckRequest): Promise<SecurityAnswer> {
    return this.call('msg_sec_check', accessToken, { content: request.content, version: 2, scene: request.scene, openid: request.openid }, this.settings.textCheckTimeoutMs);
  }

  /** POST /wxa/media_check_async: WeChat answers a trace id now and the verdict later, by push. Never throws. */
  mediaCheckAsync(accessToken: string, request: MediaCheckRequest): Promise<SecurityAnswer> {
    return this.call('media_check_async', accessToken, { media_url: request.mediaUrl, media_type: 2, version: 2, scene: request.scene, openid: request.openid }, this.settings.timeoutMs);
  }

  private async call(name: string, accessToken: string, body: Record<string, unknown>, timeoutMs: number): Promise<SecurityAnswer> {
    const answer = await this.post(name, accessToken, body, timeoutMs);
    if (answer.errcode !== 0) this.callFailed(name, answer.errcode === NO_ANSWER ? UNREACHABLE : String(answer.errcode));
    return answer;
  }

  private async post(name: string, accessToken: string, body: Record<string, unknown>, timeoutMs: number): Promise<SecurityAnswer> {
    try {
      const response = await fetch(`${this.settings.apiBase}/wxa/${name}?access_token=${encodeURIComponent(accessToken)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) return { errcode: NO_ANSWER, errmsg: `HTTP ${response.status}` };
      const answer = (await response.json()) as { errcode?: number; errmsg?: string; result?: { suggest?: string }; trace_id?: string };
      return { errcode: Number(answer.errcode ?? 0), errmsg: String(answer.errmsg ?? ''), suggest: answer.result?.suggest, traceId: answer.trace_id };
    } catch (error) {
      return { errcode: NO_ANSWER, errmsg: `network: ${(error as Error).message}`.slice(0, 200) };
    }
  }
}
