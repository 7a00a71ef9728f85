import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import type { ErrorResult } from '../graphql/error-result';
import { RequireCommunityRole } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { ADMIN_ROLES } from '../member/member.enums';
import { JoinCommunityResult } from '../member/member.types';
import type { JoinOutcome } from '../member/membership.service';
import { CommunityListArgs } from '../community/community.types';
import {
  BindWeChatGroupArgs,
  BindWeChatGroupResult,
  BoundWeChatGroup,
  ChooseGroupCommunity,
  EnterFromGroupArgs,
  UnbindWeChatGroupArgs,
  UnbindWeChatGroupResult,
  WeChatGroupBound,
  WeChatGroupUnbound,
} from './wechat-group.types';

@Resolver()
export class WeChatGroupResolver {
  @Authorized()
  @Mutation(() => JoinCommunityResult, { description: 'Lands the caller in the community bound to the group card they opened' })
  enterFromGroup(@Args() { encryptedData, iv, communityId }: EnterFromGroupArgs, @Ctx() ctx: RequestContext): Promise<JoinOutcome | ChooseGroupCommunity> {
    return ctx.services.wechatGroups.enterFromGroup(ctx, encryptedData, iv, communityId ? parseId(communityId) : undefined);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => BindWeChatGroupResult, { description: 'Admin: binds the WeChat group the mini-program was opened from' })
  bindWeChatGroup(@Args() { communityId, encryptedData, iv }: BindWeChatGroupArgs, @Ctx() ctx: RequestContext): Promise<WeChatGroupBound | ErrorResult> {
    return ctx.services.wechatGroups.bind(ctx, parseId(communityId), encryptedData, iv);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => UnbindWeChatGroupResult, { description: "Admin: removes this community's binding of a chat; other communities' bindings stay" })
  unbindWeChatGroup(@Args() { communityId, groupId }: UnbindWeChatGroupArgs, @Ctx() ctx: RequestContext): Promise<WeChatGroupUnbound | ErrorResult> {
    return ctx.services.wechatGroups.unbind(ctx, parseId(communityId), parseId(groupId, 'groupId'));
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => [BoundWeChatGroup], { description: 'Admin: the WeChat chats bound to the community' })
  boundWeChatGroups(@Args() { communityId, first }: CommunityListArgs, @Ctx() ctx: RequestContext): Promise<BoundWeChatGroup[]> {
    return ctx.services.wechatGroups.boundGroups(ctx, parseId(communityId), first);
  }
}
