import { Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import type { ErrorResult } from '../common/error-result';
import { RequireCommunityRole } from '../common/community-role.guard';
import { parseId } from '../common/ids';
import { ADMIN_ROLES } from '../member/member.enums';
import { JoinCommunityResult } from '../member/member.types';
import type { JoinOutcome } from '../member/membership.service';
import { BindWeChatGroupArgs, BindWeChatGroupResult, GroupDataArgs, WeChatGroupBound } from './wechat-group.types';

@Resolver()
export class WeChatGroupResolver {
  @Authorized()
  @Mutation(() => JoinCommunityResult, { description: 'Lands the caller in the community bound to the group card they opened' })
  enterFromGroup(@Args() { encryptedData, iv }: GroupDataArgs, @Ctx() ctx: RequestContext): Promise<JoinOutcome> {
    return ctx.services.wechatGroups.enterFromGroup(ctx, encryptedData, iv);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => BindWeChatGroupResult, { description: 'Admin: binds the WeChat group the mini-program was opened from' })
  bindWeChatGroup(@Args() { communityId, encryptedData, iv }: BindWeChatGroupArgs, @Ctx() ctx: RequestContext): Promise<WeChatGroupBound | ErrorResult> {
    return ctx.services.wechatGroups.bind(ctx, parseId(communityId), encryptedData, iv);
  }
}
