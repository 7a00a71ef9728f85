import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Clock } from '../common/clock';
import type { WeChatAccessTokenService } from './wechat-access-token.service';
import type { WeChatMessageApi } from './wechat-api.client';
import { withAccessToken } from './with-access-token';
import { WxaCode } from './wxa-code.entity';
import { MiniProgramCode, MiniProgramCodeUnavailable } from './wxa-code.types';

/** The characters WeChat allows in a scene. */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** WeChat's refusals as the poster tells them. */
const REASONS: Record<number, string> = {
  41030: '小程序码生成失败：页面不存在，或小程序还没有发布这个页面（41030）',
  45009: '今天生成小程序码的次数已用完，请明天再试（45009）',
  40097: '小程序码的参数不正确（40097）',
  40169: '小程序码的参数过长（40169）',
};

export type MiniProgramCodeAnswer = MiniProgramCode | MiniProgramCodeUnavailable;

/**
 * 小程序码 for posters (invites, group codes, challenge and poll shares): WeChat's getwxacodeunlimit, once per
 * page and scene for every process (the wxa_code table), with the shared stable access token. Without
 * WeChat credentials (the demo) there is none: the H5 build draws a plain QR code of its URL instead.
 */
export class WxaCodeService {
  /** This process's calls in flight, so a crowd opening the same poster costs one call. */
  private readonly pending = new Map<string, Promise<MiniProgramCodeAnswer>>();

  constructor(
    private readonly configured: boolean,
    private readonly api: WeChatMessageApi,
    private readonly accessTokens: WeChatAccessTokenService,
    private readonly clock: Clock,
  ) {}

  async codeFor(em: EntityManager, page: string, scene: string): Promise<MiniProgramCodeAnswer> {
    if (!SCENE.test(scene)) throw new Error(`not a WeChat scene: ${scene}`);
    if (!this.configured) return new MiniProgramCodeUnavailable('未配置小程序凭证，暂时无法生成小程序码');
    const cached = await em.findOne(WxaCode, { page, scene });
    if (cached) return imageOf(cached.png);
    const key = `${page}\n${scene}`;
    let call = this.pending.get(key);
    if (!call) {
      call = this.draw(em.fork(), page, scene).finally(() => this.pending.delete(key));
      this.pending.set(key, call);
    }
    return call;
  }

  private async draw(em: EntityManager, page: string, scene: string): Promise<MiniProgramCodeAnswer> {
    const answer: { errcode: number; png?: Buffer } = await withAccessToken(this.accessTokens, (token) => this.api.getUnlimitedCode(token, { page, scene }));
    if (answer.errcode !== 0 || !answer.png) return new MiniProgramCodeUnavailable(REASONS[answer.errcode] ?? '暂时无法生成小程序码，请稍后再试', answer.errcode > 0 ? answer.errcode : null);
    try {
      await em.insert(WxaCode, { page, scene, png: answer.png, createdAt: this.clock.now() });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error; // another process drew it too: either image scans the same
    }
    return imageOf(answer.png);
  }
}

function imageOf(png: Buffer): MiniProgramCode {
  return Object.assign(new MiniProgramCode(), { imageDataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}` });
}
