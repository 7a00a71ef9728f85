import { Args, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { MaxItems } from '../graphql/query-limits';
import { requireUserId } from '../auth/require-user';
import { ADMIN_ROLES } from '../member/member.enums';
import { CommunityIdArgs } from '../community/community.types';
import { NotificationKind } from './notification.enums';
import {
  InboxConnection,
  MarkMessagesReadArgs,
  MessagesMarkedRead,
  MyMessagesArgs,
  NotificationStats,
  RecordSubscriptionConsentArgs,
  SubscriptionConsentState,
  SubscriptionTemplate,
} from './notification.types';

/** One configured template per kind at most: the template and consent lists hold no more. */
const TEMPLATE_KINDS = Object.values(NotificationKind).length;

@Resolver()
export class NotificationResolver {
  @Authorized()
  @Query(() => [SubscriptionTemplate], { description: 'The configured one-time templates, for wx.requestSubscribeMessage' })
  @MaxItems(TEMPLATE_KINDS)
  subscriptionTemplates(@Ctx() ctx: RequestContext): SubscriptionTemplate[] {
    return ctx.services.notifications.templates();
  }

  @Authorized()
  @Query(() => [SubscriptionConsentState], { description: "The caller's unused accepts per configured template" })
  @MaxItems(TEMPLATE_KINDS)
  mySubscriptionConsents(@Ctx() ctx: RequestContext): Promise<SubscriptionConsentState[]> {
    return ctx.services.notifications.consents(ctx, requireUserId(ctx));
  }

  @Authorized()
  @Mutation(() => [SubscriptionConsentState], { description: "Records wx.requestSubscribeMessage's answer: each accept allows one message of that template" })
  @MaxItems(TEMPLATE_KINDS)
  recordSubscriptionConsent(@Args() { communityId, results }: RecordSubscriptionConsentArgs, @Ctx() ctx: RequestContext): Promise<SubscriptionConsentState[]> {
    return ctx.services.notifications.recordConsent(ctx, parseId(communityId, 'communityId'), results);
  }

  @Authorized()
  @Query(() => InboxConnection, { description: "The caller's inbox (消息), newest first" })
  myMessages(@Args() { communityId, first, after }: MyMessagesArgs, @Ctx() ctx: RequestContext): Promise<InboxConnection> {
    return ctx.services.notifications.inbox(ctx, parseId(communityId, 'communityId'), first, after);
  }

  @Authorized()
  @Query(() => Int, { description: 'Unread inbox messages, for the home badge' })
  unreadMessageCount(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.services.notifications.unreadCount(ctx, parseId(communityId, 'communityId'));
  }

  @Authorized()
  @Mutation(() => MessagesMarkedRead, { description: 'Marks the given messages (or all of the community) read' })
  markMessagesRead(@Args() { communityId, messageIds }: MarkMessagesReadArgs, @Ctx() ctx: RequestContext): Promise<MessagesMarkedRead> {
    return ctx.services.notifications.markRead(ctx, parseId(communityId, 'communityId'), messageIds);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => NotificationStats, { description: "Admin: the community's subscription-message deliveries" })
  notificationStats(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<NotificationStats> {
    return ctx.services.notifications.stats(ctx, parseId(communityId, 'communityId'));
  }
}
