import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';

export const FAKE_APPID = 'wxtestappid0000001';
export const FAKE_SECRET = 'fake-wechat-secret';
/** The Token of the mini-program's message push, as the test servers are configured (WECHAT_PUSH_TOKEN). */
export const FAKE_PUSH_TOKEN = 'fake-push-token';

/** Texts containing these answer msg_sec_check `risky` / `review` (anything else passes). */
export const RISKY_MARKER = '违禁词';
export const REVIEW_MARKER = '待审词';

export interface RecordedSecCheck {
  content: string;
  version: number;
  scene: number;
  openid: string;
  accessToken: string;
}

export interface RecordedMediaCheck {
  media_url: string;
  media_type: number;
  version: number;
  scene: number;
  openid: string;
  traceId: string;
}

export interface RecordedSend {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
  accessToken: string;
  /** What the fake answered. */
  errcode: number;
}

/**
 * A stand-in for api.weixin.qq.com on loopback: jscode2session, stable_token and subscribe/send.
 *  - `ok:<name>`      → openid `o-<name>` and a session_key derived from the name; each code works once
 *  - `err:<errcode>`  → that WeChat error (40029, 40163, 45011, 40226, -1, …)
 *  - `slow:<ms>`      → answers after that delay
 *  - `http500`, `garbage` → a broken upstream
 * stable_token (POST JSON): normal mode hands back the live token or issues the next one
 * (`token-1`, `token-2` …); force_refresh issues a new one. subscribe/send: 40001 for a token
 * that is not the live one; otherwise the next scripted answer for that openid (`answerSends`),
 * else ok. A scripted 40001 also revokes the live token, as a token WeChat no longer honours.
 * msg_sec_check (v2): `risky` for a text containing RISKY_MARKER, `review` for REVIEW_MARKER, else
 * `pass`; 40001 for a token that is not the live one; `secCheckDelayMs` delays every answer (a timeout).
 * media_check_async: records the call and answers a new trace id (`trace-1`, …); `pushMediaCheck` then
 * sends the verdict to the server's /wechat/events, signed as WeChat signs it (or forged, or replayed).
 * `holdSends()` keeps send requests unanswered and unprocessed until `releaseSends()`; a held
 * request whose client went away was never processed (not delivered).
 */
export class FakeWeChatServer {
  private server = http.createServer((req, res) => this.handle(req, res));
  private usedCodes = new Set<string>();
  readonly requests: URL[] = [];
  /** Every stable_token call, in order. */
  readonly tokenCalls: { force: boolean; issued: string }[] = [];
  /** Every subscribe/send call that was processed, with its answer. */
  readonly sends: RecordedSend[] = [];
  private liveToken: string | null = null;
  private tokenSerial = 0;
  private scripted = new Map<string, number[]>();
  private held: Array<() => void> | null = null;
  private holdAt: number | null = null;
  /** Every getwxacodeunlimit call, in order. */
  readonly wxaCodeCalls: { scene: string; page: string; checkPath: unknown; accessToken: string }[] = [];
  private wxaCodeAnswers: number[] = [];
  /** Every msg_sec_check and media_check_async call, in order. */
  readonly secChecks: RecordedSecCheck[] = [];
  readonly mediaChecks: RecordedMediaCheck[] = [];
  /** Delay of every msg_sec_check answer (past the server's timeout: no answer). */
  secCheckDelayMs = 0;
  /** Delay of every send answer, to measure or to widen races. */
  sendDelayMs = 0;
  url = '';

  /** The next answers to sends to `openid`, one per call (then ok again). */
  answerSends(openid: string, errcodes: number[]): void {
    this.scripted.set(openid, [...(this.scripted.get(openid) ?? []), ...errcodes]);
  }

  /** The next getwxacodeunlimit answers, one errcode per call (then a PNG again). */
  answerWxaCodes(errcodes: number[]): void {
    this.wxaCodeAnswers.push(...errcodes);
  }

  /** Sends that WeChat accepted. */
  delivered(): RecordedSend[] {
    return this.sends.filter((send) => send.errcode === 0);
  }

  holdSends(): void {
    this.held ??= [];
  }

  /** Holds every send that arrives once `count` sends in all have been delivered. */
  holdAfterDelivered(count: number): void {
    this.holdAt = count;
  }

  releaseSends(): void {
    this.holdAt = null;
    const waiting = this.held ?? [];
    this.held = null;
    waiting.forEach((resume) => resume());
  }

  heldCount(): number {
    return this.held?.length ?? 0;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The session_key WeChat "issued" for a user, so tests can encrypt group data with it. */
  static sessionKeyFor(name: string): string {
    return createHash('sha256').update(`session:${name}`).digest().subarray(0, 16).toString('base64');
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(url);
    const reply = (body: unknown) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') return void this.readJson(req).then((body) => reply(this.stableToken(body)));
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      return void this.readJson(req).then((body) => this.subscribeSend(req, res, url.searchParams.get('access_token') ?? '', body, reply));
    }
    if (req.method === 'POST' && url.pathname === '/wxa/getwxacodeunlimit') {
      return void this.readJson(req).then((body) => this.wxaCode(res, url.searchParams.get('access_token') ?? '', body, reply));
    }
    if (req.method === 'POST' && url.pathname === '/wxa/msg_sec_check') {
      return void this.readJson(req).then((body) => setTimeout(() => reply(this.msgSecCheck(url.searchParams.get('access_token') ?? '', body)), this.secCheckDelayMs));
    }
    if (req.method === 'POST' && url.pathname === '/wxa/media_check_async') {
      return void this.readJson(req).then((body) => reply(this.mediaCheckAsync(url.searchParams.get('access_token') ?? '', body)));
    }
    if (url.pathname !== '/sns/jscode2session') return void res.writeHead(404).end();
    if (url.searchParams.get('appid') !== FAKE_APPID || url.searchParams.get('secret') !== FAKE_SECRET) {
      return reply({ errcode: 40013, errmsg: 'invalid appid' });
    }
    if (url.searchParams.get('grant_type') !== 'authorization_code') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
    const code = url.searchParams.get('js_code') ?? '';
    if (code === 'http500') return void res.writeHead(500).end('oops');
    if (code === 'garbage') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
    const slow = /^slow:(\d+)$/.exec(code);
    if (slow) return void setTimeout(() => reply({ openid: 'o-slow', session_key: FakeWeChatServer.sessionKeyFor('slow') }), Number(slow[1]));
    const failure = /^err:(-?\d+)$/.exec(code);
    if (failure) return reply({ errcode: Number(failure[1]), errmsg: 'fake failure' });
    const ok = /^ok:(.+?)(?:#.*)?$/.exec(code);
    if (!ok) return reply({ errcode: 40029, errmsg: 'invalid code' });
    if (this.usedCodes.has(code)) return reply({ errcode: 40163, errmsg: 'code been used' });
    this.usedCodes.add(code);
    reply({ openid: `o-${ok[1]}`, session_key: FakeWeChatServer.sessionKeyFor(ok[1]) });
  }

  private readJson(req: http.IncomingMessage): Promise<Record<string, any>> {
    return new Promise((resolve) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        try {
          resolve(JSON.parse(text));
        } catch {
          resolve({});
        }
      });
    });
  }

  /** A PNG (a QR of the scene, as WeChat's code carries it), or the scripted errcode as JSON. */
  private async wxaCode(res: http.ServerResponse, accessToken: string, body: Record<string, any>, reply: (body: unknown) => void): Promise<void> {
    this.wxaCodeCalls.push({ scene: body.scene, page: body.page, checkPath: body.check_path, accessToken });
    if (accessToken !== this.liveToken) return reply({ errcode: 40001, errmsg: 'invalid credential' });
    const scripted = this.wxaCodeAnswers.shift();
    if (scripted !== undefined) return reply({ errcode: scripted, errmsg: 'fake failure' });
    if (typeof body.scene !== 'string' || body.scene.length > 32) return reply({ errcode: 40169, errmsg: 'invalid length for scene' });
    const png = await QRCode.toBuffer(`wxacode:${body.page}?${body.scene}`, { width: 430, margin: 1 });
    res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  }

  private msgSecCheck(accessToken: string, body: Record<string, any>): unknown {
    if (!accessToken || accessToken !== this.liveToken) return { errcode: 40001, errmsg: 'invalid credential' };
    if (body.version !== 2 || typeof body.content !== 'string' || !body.openid || ![1, 2, 3, 4].includes(body.scene)) return { errcode: 47001, errmsg: 'data format error' };
    this.secChecks.push({ content: body.content, version: body.version, scene: body.scene, openid: body.openid, accessToken });
    const suggest = body.content.includes(RISKY_MARKER) ? 'risky' : body.content.includes(REVIEW_MARKER) ? 'review' : 'pass';
    return { errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20002 }, trace_id: `sec-${this.secChecks.length}` };
  }

  private mediaCheckAsync(accessToken: string, body: Record<string, any>): unknown {
    if (!accessToken || accessToken !== this.liveToken) return { errcode: 40001, errmsg: 'invalid credential' };
    if (body.version !== 2 || body.media_type !== 2 || !body.media_url || !body.openid) return { errcode: 47001, errmsg: 'data format error' };
    const traceId = `trace-${this.mediaChecks.length + 1}`;
    this.mediaChecks.push({ ...(body as Omit<RecordedMediaCheck, 'traceId'>), traceId });
    return { errcode: 0, errmsg: 'ok', trace_id: traceId };
  }

  /**
   * WeChat's push of a media_check_async verdict to `serverUrl`/wechat/events, signed with FAKE_PUSH_TOKEN.
   * `forge`: signed with another token; `ageSeconds`: a timestamp that long ago (a replay).
   */
  async pushMediaCheck(serverUrl: string, traceId: string, suggest: 'pass' | 'review' | 'risky', options: { forge?: boolean; ageSeconds?: number } = {}): Promise<{ status: number; text: string }> {
    const query = signedPushQuery(options.forge ? 'not-the-token' : FAKE_PUSH_TOKEN, options.ageSeconds ?? 0);
    const body = { ToUserName: 'gh_fake', FromUserName: 'o-system', CreateTime: Number(query.timestamp), MsgType: 'event', Event: 'wxa_media_check', appid: FAKE_APPID, trace_id: traceId, version: 2, detail: [], errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20002 } };
    const response = await fetch(`${serverUrl}/wechat/events?${new URLSearchParams(query)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, text: await response.text() };
  }

  private stableToken(body: Record<string, any>): unknown {
    if (body.appid !== FAKE_APPID || body.secret !== FAKE_SECRET) return { errcode: 40013, errmsg: 'invalid appid' };
    if (body.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const force = body.force_refresh === true;
    if (force || !this.liveToken) {
      this.tokenSerial += 1;
      this.liveToken = `token-${this.tokenSerial}`;
    }
    this.tokenCalls.push({ force, issued: this.liveToken });
    return { access_token: this.liveToken, expires_in: 7200 };
  }

  private subscribeSend(req: http.IncomingMessage, res: http.ServerResponse, accessToken: string, body: Record<string, any>, reply: (body: unknown) => void): void {
    let callerGone = false;
    res.on('close', () => (callerGone = !res.writableFinished));
    const process = () => {
      if (callerGone || res.destroyed) return; // the caller went away before WeChat processed it
      let errcode = 0;
      if (!accessToken || accessToken !== this.liveToken) errcode = 40001;
      else if (!body.touser || !body.template_id || !body.data) errcode = 47003;
      else {
        const script = this.scripted.get(body.touser);
        if (script?.length) errcode = script.shift()!;
        if (errcode === 40001) this.liveToken = null;
      }
      this.sends.push({ ...(body as RecordedSend), accessToken, errcode });
      const answer = () => reply({ errcode, errmsg: errcode === 0 ? 'ok' : 'fake failure' });
      if (this.sendDelayMs > 0) setTimeout(answer, this.sendDelayMs);
      else answer();
    };
    if (this.holdAt !== null && this.delivered().length >= this.holdAt) this.holdSends();
    if (this.held) this.held.push(process);
    else process();
  }
}

/** The query WeChat puts on a push: signature = sha1 of the sorted [token, timestamp, nonce]. */
export function signedPushQuery(token: string, ageSeconds = 0): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000) - ageSeconds);
  const nonce = String(Math.floor(Math.random() * 1e9));
  const signature = createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
  return { signature, timestamp, nonce };
}
