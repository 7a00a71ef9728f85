import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AppConfig } from '../config';
import type { RequestContext } from '../context';
import { ErrorResult } from '../common/error-result';
import { requireUser } from '../common/require-user';
import { Community } from '../community/community.entity';
import type { JoinOutcome } from '../member/membership.service';
import { decryptWeChatData, openGidOf, WeChatDataError, WeChatDataFailure } from './wechat-data.crypto';
import { WeChatGroup } from './wechat-group.entity';
import { GroupBoundElsewhere, GroupNotBound, InvalidGroupData, WeChatGroupBound } from './wechat-group.types';

const REFUSAL_MESSAGES: Record<WeChatDataFailure | 'NO_GROUP', string> = {
  MALFORMED: '群信息格式不正确，请从群聊中的小程序卡片重新进入',
  UNDECRYPTABLE: '群信息无法解密，可能登录已过期，请重新进入小程序',
  FOREIGN_APP: '群信息不属于本小程序',
  NO_SESSION: '登录状态已失效，请重新进入小程序',
  NO_GROUP: '没有读到群聊信息，请从群聊中的小程序卡片进入',
};

/** 群聊 ↔ 社群: members land in the community bound to the chat they came from. */
export class WeChatGroupService {
  constructor(private readonly settings: AppConfig['wechat']) {}

  async enterFromGroup(ctx: RequestContext, encryptedData: string, iv: string): Promise<JoinOutcome> {
    const openGid = await this.readOpenGid(ctx, encryptedData, iv);
    if (openGid instanceof ErrorResult) return openGid;
    const group = await ctx.em.findOne(WeChatGroup, { openGid }, { populate: ['community'] });
    if (!group) return new GroupNotBound();
    return ctx.services.memberships.join(ctx, group.community);
  }

  /** Admin: binds the chat the admin opened the mini-program from. One community per chat. */
  async bind(ctx: RequestContext, communityId: number, encryptedData: string, iv: string): Promise<WeChatGroupBound | ErrorResult> {
    const openGid = await this.readOpenGid(ctx, encryptedData, iv);
    if (openGid instanceof ErrorResult) return openGid;
    const community = await ctx.em.findOneOrFail(Community, communityId);
    let alreadyBound = true;
    let group = await ctx.em.findOne(WeChatGroup, { openGid });
    if (!group) {
      try {
        await ctx.em.insert(WeChatGroup, { openGid, community, boundBy: requireUser(ctx), createdAt: ctx.services.clock.now() });
        alreadyBound = false;
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
      group = await ctx.em.findOneOrFail(WeChatGroup, { openGid }, { refresh: true });
    }
    if (group.community.id !== community.id) return new GroupBoundElsewhere();
    ctx.loaders.communityCounts.clear(community.id);
    return Object.assign(new WeChatGroupBound(), { community, alreadyBound });
  }

  /** Decrypts with the caller's own session_key; any refusal is a typed InvalidGroupData. */
  private async readOpenGid(ctx: RequestContext, encryptedData: string, iv: string): Promise<string | ErrorResult> {
    const sessionKey = await ctx.services.auth.sessionKeyOf(ctx, requireUser(ctx));
    if (!sessionKey) return new InvalidGroupData(REFUSAL_MESSAGES.NO_SESSION);
    try {
      const openGid = openGidOf(decryptWeChatData(encryptedData, iv, sessionKey, this.settings.appId));
      return openGid ?? new InvalidGroupData(REFUSAL_MESSAGES.NO_GROUP);
    } catch (error) {
      if (error instanceof WeChatDataError) return new InvalidGroupData(REFUSAL_MESSAGES[error.reason]);
      throw error;
    }
  }
}
