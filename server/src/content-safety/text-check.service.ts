import type { Logger } from '../common/logger';
import { requireUser } from '../auth/require-user';
import type { ServiceContext } from '../service-context';
import type { WeChatAccessTokenService } from '../wechat/wechat-access-token.service';
import type { WeChatSecurityApi } from '../wechat/wechat-security.client';
import { withAccessToken } from '../wechat/with-access-token';
import { CheckScene, TextVerdict } from './content-safety.enums';

export interface TextCheckRequest {
  openid: string;
  text: string;
  scene: CheckScene;
}

const VERDICTS: Record<string, TextVerdict> = { pass: TextVerdict.PASS, review: TextVerdict.REVIEW, risky: TextVerdict.RISKY };

/**
 * WeChat's msgSecCheck v2 on a text other members will read, before it is stored. Runs whenever WeChat
 * credentials are configured; without them (the demo) every text passes. A check that gets no usable
 * answer (timeout, WeChat unreachable, an error code) is REVIEW: the text is kept for its author and
 * queued for an admin — neither published unchecked nor lost.
 */
export class TextCheckService {
  constructor(
    /** False without WeChat credentials: nothing is checked. */
    readonly enabled: boolean,
    private readonly api: WeChatSecurityApi,
    private readonly tokens: WeChatAccessTokenService,
    private readonly log: Logger,
  ) {}

  /** The caller's own text (its openid from the session's user row); empty text passes without a call. */
  checkCallerText(ctx: ServiceContext, text: string | null | undefined, scene: CheckScene): Promise<TextVerdict> {
    if (!this.enabled || !text?.trim()) return Promise.resolve(TextVerdict.PASS);
    return this.checkText({ openid: requireUser(ctx).openid, text, scene });
  }

  async checkText(request: TextCheckRequest): Promise<TextVerdict> {
    if (!this.enabled || request.text.trim() === '') return TextVerdict.PASS;
    const answer = await withAccessToken(this.tokens, (token) => this.api.msgSecCheck(token, { content: request.text, scene: request.scene, openid: request.openid }));
    const verdict = answer.errcode === 0 && 'suggest' in answer ? VERDICTS[answer.suggest ?? ''] : undefined;
    if (verdict) return verdict;
    this.log.warn({ errcode: answer.errcode, errmsg: answer.errmsg }, 'msg_sec_check gave no verdict: the text waits for review');
    return TextVerdict.REVIEW;
  }
}
