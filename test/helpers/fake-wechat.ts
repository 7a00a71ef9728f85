import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_APPID = 'wxtestappid0000001';
export const FAKE_SECRET = 'fake-wechat-secret';

/**
 * A stand-in for api.weixin.qq.com on loopback, for jscode2session only.
 *  - `ok:<name>`      → openid `o-<name>` and a session_key derived from the name; each code works once
 *  - `err:<errcode>`  → that WeChat error (40029, 40163, 45011, 40226, -1, …)
 *  - `slow:<ms>`      → answers after that delay
 *  - `http500`, `garbage` → a broken upstream
 */
export class FakeWeChatServer {
  private server = http.createServer((req, res) => this.handle(req, res));
  private usedCodes = new Set<string>();
  readonly requests: URL[] = [];
  url = '';

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
}
