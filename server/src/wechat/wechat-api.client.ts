import { GraphQLError } from 'graphql';
import type { AppConfig } from '../config';

export interface WeChatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

interface Code2SessionResponse {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's documented jscode2session failures, each a code the client can switch on. */
const WECHAT_ERRORS: Record<number, { code: string; message: string }> = {
  40029: { code: 'WECHAT_CODE_INVALID', message: '登录凭证无效，请重新打开小程序' },
  40163: { code: 'WECHAT_CODE_USED', message: '登录凭证已被使用，请重新登录' },
  45011: { code: 'WECHAT_RATE_LIMITED', message: '登录太频繁了，请稍后再试' },
  40226: { code: 'WECHAT_RISKY_USER', message: '该微信账号存在风险，暂时无法登录' },
  [-1]: { code: 'WECHAT_BUSY', message: '微信服务繁忙，请稍后再试' },
};

export function weChatLoginError(code: string, message: string, errcode?: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(errcode === undefined ? {} : { wechatErrcode: errcode }) } });
}

/**
 * Hears of every failed call to WeChat or WeChat Pay: which call, and WeChat's errcode (WeChat Pay's code),
 * or `unreachable` when no answer came (the metrics count them).
 */
export type OutboundCallFailed = (call: string, errcode: string) => void;
export const ignoreFailure: OutboundCallFailed = () => undefined;
export const UNREACHABLE = 'unreachable';

/** The WeChat server API. Its base URL is configuration so tests talk to a fake on loopback. */
export class WeChatApiClient {
  constructor(
    private readonly settings: AppConfig['wechat'],
    private readonly callFailed: OutboundCallFailed = ignoreFailure,
  ) {}

  async code2Session(code: string): Promise<WeChatSession> {
    const url = new URL(`${this.settings.apiBase}/sns/jscode2session`);
    url.searchParams.set('appid', this.settings.appId);
    url.searchParams.set('secret', this.settings.secret);
    url.searchParams.set('js_code', code);
    url.searchParams.set('grant_type', 'authorization_code');

    let body: Code2SessionResponse;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.settings.timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = (await response.json()) as Code2SessionResponse;
    } catch {
      this.callFailed('jscode2session', UNREACHABLE);
      // The URL carries the app secret: it is never part of an error or a log line.
      throw weChatLoginError('WECHAT_UNAVAILABLE', '暂时连不上微信，请稍后再试');
    }
    if (body.errcode) {
      this.callFailed('jscode2session', String(body.errcode));
      const known = WECHAT_ERRORS[body.errcode];
      throw known
        ? weChatLoginError(known.code, known.message, body.errcode)
        : weChatLoginError('WECHAT_LOGIN_FAILED', '微信登录失败，请稍后再试', body.errcode);
    }
    if (!body.openid || !body.session_key) throw weChatLoginError('WECHAT_LOGIN_FAILED', '微信登录失败，请稍后再试');
    return { openid: body.openid, sessionKey: body.session_key, unionid: body.unionid };
  }
}

export interface StableToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** What WeChat answered a subscription send; errcode -2 stands for "no answer" (network, timeout, HTTP error). */
export interface SendAnswer {
  errcode: number;
  errmsg: string;
}

export const NO_ANSWER = -2;

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
}

export class WeChatTokenError extends Error {
  constructor(readonly errcode: number, message: string) {
    super(message);
  }
}

/** The server-to-server calls of subscription messages, on the same configured base URL. */
export class WeChatMessageApi {
  constructor(
    private readonly settings: AppConfig['wechat'],
    private readonly callFailed: OutboundCallFailed = ignoreFailure,
  ) {}

  /** POST /cgi-bin/stable_token. force: invalidates the current token (WeChat allows 20 a day, 30 s apart). */
  async stableToken(force: boolean): Promise<StableToken> {
    try {
      return await this.requestStableToken(force);
    } catch (error) {
      this.callFailed('stable_token', error instanceof WeChatTokenError && error.errcode !== NO_ANSWER ? String(error.errcode) : UNREACHABLE);
      throw error;
    }
  }

  private async requestStableToken(force: boolean): Promise<StableToken> {
    let body: { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    try {
      const response = await fetch(`${this.settings.apiBase}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: this.settings.appId, secret: this.settings.secret, force_refresh: force }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = (await response.json()) as typeof body;
    } catch (error) {
      // The body carries the app secret: only the reason goes into the error.
      throw new WeChatTokenError(NO_ANSWER, `stable_token unreachable: ${(error as Error).message}`);
    }
    if (body.errcode || !body.access_token) throw new WeChatTokenError(body.errcode ?? NO_ANSWER, `stable_token refused: ${body.errcode} ${body.errmsg ?? ''}`);
    return { accessToken: body.access_token, expiresInSeconds: Number(body.expires_in ?? 7200) };
  }

  /**
   * POST /wxa/getwxacodeunlimit: errcode 0 with the PNG, or WeChat's errcode (NO_ANSWER when none came).
   * `check_path: false` lets codes point at pages of versions not yet released.
   */
  async getUnlimitedCode(accessToken: string, code: { page: string; scene: string }): Promise<{ errcode: number; errmsg: string; png?: Buffer }> {
    try {
      const response = await fetch(`${this.settings.apiBase}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(accessToken)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scene: code.scene, page: code.page, check_path: false, width: 430 }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.ok && (response.headers.get('content-type') ?? '').startsWith('image/')) return { errcode: 0, errmsg: 'ok', png: body };
      const refused = response.ok ? (JSON.parse(body.toString('utf8')) as { errcode?: number; errmsg?: string }) : {};
      const errcode = Number(refused.errcode ?? NO_ANSWER);
      this.callFailed('getwxacodeunlimit', errcode === NO_ANSWER ? UNREACHABLE : String(errcode));
      return { errcode, errmsg: String(refused.errmsg ?? `HTTP ${response.status}`) };
    } catch (error) {
      this.callFailed('getwxacodeunlimit', UNREACHABLE);
      return { errcode: NO_ANSWER, errmsg: `network: ${(error as Error).message}`.slice(0, 200) };
    }
  }

  /** POST /cgi-bin/message/subscribe/send. Never throws: every outcome is an answer the sender classifies. */
  async sendSubscribeMessage(accessToken: string, message: SubscribeMessage): Promise<SendAnswer> {
    const answer = await this.send(accessToken, message);
    if (answer.errcode !== 0) this.callFailed('subscribe_send', answer.errcode === NO_ANSWER ? UNREACHABLE : String(answer.errcode));
    return answer;
  }

  private async send(accessToken: string, message: SubscribeMessage): Promise<SendAnswer> {
    try {
      const url = `${this.settings.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      if (!response.ok) return { errcode: NO_ANSWER, errmsg: `HTTP ${response.status}` };
      const body = (await response.json()) as { errcode?: number; errmsg?: string };
      return { errcode: Number(body.errcode ?? 0), errmsg: String(body.errmsg ?? '') };
    } catch (error) {
      return { errcode: NO_ANSWER, errmsg: `network: ${(error as Error).message}`.slice(0, 200) };
    }
  }
}
