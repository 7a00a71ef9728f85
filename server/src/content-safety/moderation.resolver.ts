import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import type { ErrorResult } from '../graphql/error-result';
import { parseId } from '../graphql/ids';
import { memberProfile, MemberProfile } from '../member/member-profile';
import { ADMIN_ROLES } from '../member/member.enums';
import { ContentStatus } from './content-safety.enums';
import {
  ContentModerated,
  ContentReported,
  ModerateContentArgs,
  ModerateContentResult,
  ModerationItemView,
  ModerationQueueArgs,
  ModerationQueueConnection,
  ReportContentArgs,
  ReportContentResult,
} from './content-safety.types';

@Resolver(() => ModerationItemView)
export class ModerationResolver {
  @Authorized()
  @Mutation(() => ReportContentResult, { description: '举报: one open report per member and content; not your own, not another community’s' })
  reportContent(@Args() { targetType, targetId, reason, detail }: ReportContentArgs, @Ctx() ctx: RequestContext): Promise<ContentReported | ErrorResult> {
    return ctx.services.moderation.report(ctx, targetType, parseId(targetId, 'targetId'), reason, detail);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => ModerationQueueConnection, { description: 'Admin (内容审核): reported content and content in review, newest first, by cursor' })
  moderationQueue(@Args() { communityId, status, first, after }: ModerationQueueArgs, @Ctx() ctx: RequestContext): Promise<ModerationQueueConnection> {
    return ctx.services.moderation.queue(ctx, parseId(communityId), status, first, after);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => ModerateContentResult, { description: 'Admin: hides the content from everyone but its author and the admins; resolves its reports' })
  hideContent(@Args() { communityId, targetType, targetId }: ModerateContentArgs, @Ctx() ctx: RequestContext): Promise<ContentModerated | ErrorResult> {
    return ctx.services.moderation.decide(ctx, parseId(communityId), targetType, parseId(targetId, 'targetId'), ContentStatus.HIDDEN);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => ModerateContentResult, { description: 'Admin: shows the content to everyone again (or keeps it after review); resolves its reports' })
  restoreContent(@Args() { communityId, targetType, targetId }: ModerateContentArgs, @Ctx() ctx: RequestContext): Promise<ContentModerated | ErrorResult> {
    return ctx.services.moderation.decide(ctx, parseId(communityId), targetType, parseId(targetId, 'targetId'), ContentStatus.VISIBLE);
  }

  @FieldResolver(() => MemberProfile, { nullable: true, description: "The author's public profile (null: the content is gone)" })
  author(@Root() item: ModerationItemView, @Ctx() ctx: RequestContext): Promise<MemberProfile> | null {
    return item.authorMemberId === null ? null : memberProfile(ctx, ctx.services.tiers, item.authorMemberId);
  }
}
