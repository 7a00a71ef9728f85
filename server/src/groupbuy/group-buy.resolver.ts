import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import type { ErrorResult } from '../graphql/error-result';
import { parseId } from '../graphql/ids';
import { ExportFormat } from '../export/export.enums';
import { ExportFile } from '../export/export.types';
import { ADMIN_ROLES, MemberStatus } from '../member/member.enums';
import { GroupBuyEntry } from './group-buy-entry.entity';
import { GroupBuy } from './group-buy.entity';
import { GroupBuyOutcome, GroupBuyStatus } from './group-buy.enums';
import { groupBuyExport } from './group-buy.export';
import { groupBuyCommunity } from './group-buy.locators';
import { closedAtAt, outcomeAt, statusAt } from './group-buy-status';
import { CreateGroupBuyArgs, GroupBuyEntriesArgs, GroupBuyIdArgs, GroupBuysArgs, GroupBuySaved, SaveGroupBuyResult, UpdateGroupBuyArgs } from './group-buy.types';

@Resolver(() => GroupBuy)
export class GroupBuyResolver {
  @Authorized()
  @Query(() => [GroupBuy], { description: 'Members: published ones; admins: drafts too. Newest start first' })
  groupBuys(@Args() { communityId, status, first }: GroupBuysArgs, @Ctx() ctx: RequestContext): Promise<GroupBuy[]> {
    return ctx.services.groupBuys.list(ctx, parseId(communityId, 'communityId'), status, first);
  }

  @Authorized()
  @Query(() => GroupBuy, { nullable: true, description: 'Null unless the caller is an active member of its community' })
  groupBuy(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<GroupBuy | null> {
    return ctx.services.groupBuys.findVisible(ctx, parseId(id));
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => GroupBuy, { description: 'Admin: open from startsAt, or a hidden DRAFT with input.draft' })
  createGroupBuy(@Args() { communityId, input }: CreateGroupBuyArgs, @Ctx() ctx: RequestContext): Promise<GroupBuy> {
    return ctx.services.groupBuys.create(ctx, parseId(communityId), input);
  }

  @RequireCommunityRole(ADMIN_ROLES, groupBuyCommunity)
  @Mutation(() => SaveGroupBuyResult, { description: 'Admin: edit a draft or an open group-buy (input.draft is ignored; see publishGroupBuy)' })
  updateGroupBuy(@Args() { groupBuyId, input }: UpdateGroupBuyArgs, @Ctx() ctx: RequestContext): Promise<GroupBuySaved | ErrorResult> {
    return ctx.services.groupBuys.update(ctx, parseId(groupBuyId), input);
  }

  @RequireCommunityRole(ADMIN_ROLES, groupBuyCommunity)
  @Mutation(() => SaveGroupBuyResult, { description: 'Admin: DRAFT → OPEN' })
  publishGroupBuy(@Args() { groupBuyId }: GroupBuyIdArgs, @Ctx() ctx: RequestContext): Promise<GroupBuySaved | ErrorResult> {
    return ctx.services.groupBuys.publish(ctx, parseId(groupBuyId));
  }

  @RequireCommunityRole(ADMIN_ROLES, groupBuyCommunity)
  @Mutation(() => GroupBuy, { description: 'Admin: close before the end time; the outcome is decided now' })
  closeGroupBuy(@Args() { groupBuyId }: GroupBuyIdArgs, @Ctx() ctx: RequestContext): Promise<GroupBuy> {
    return ctx.services.groupBuys.close(ctx, parseId(groupBuyId));
  }

  @RequireCommunityRole(ADMIN_ROLES, groupBuyCommunity)
  @Mutation(() => GroupBuy, { description: 'Admin: cancel (entries are kept for the record)' })
  cancelGroupBuy(@Args() { groupBuyId }: GroupBuyIdArgs, @Ctx() ctx: RequestContext): Promise<GroupBuy> {
    return ctx.services.groupBuys.cancel(ctx, parseId(groupBuyId));
  }

  @RequireCommunityRole(ADMIN_ROLES, groupBuyCommunity)
  @Mutation(() => ExportFile, { description: 'Admin: the 接龙 list as XLSX or CSV' })
  exportGroupBuy(@Args() { groupBuyId }: GroupBuyIdArgs, @Arg('format', () => ExportFormat) format: ExportFormat, @Ctx() ctx: RequestContext): Promise<ExportFile> {
    return ctx.services.exports.issue(ctx, groupBuyExport, parseId(groupBuyId), format);
  }

  @FieldResolver(() => GroupBuyStatus)
  status(@Root() groupBuy: GroupBuy, @Ctx() ctx: RequestContext): GroupBuyStatus {
    return statusAt(groupBuy, ctx.services.clock.now());
  }

  @FieldResolver(() => GroupBuyOutcome, { nullable: true, description: 'Set once CLOSED' })
  outcome(@Root() groupBuy: GroupBuy, @Ctx() ctx: RequestContext): GroupBuyOutcome | null {
    return outcomeAt(groupBuy, ctx.services.clock.now());
  }

  @FieldResolver(() => Date, { nullable: true })
  closedAt(@Root() groupBuy: GroupBuy, @Ctx() ctx: RequestContext): Date | null {
    return closedAtAt(groupBuy, ctx.services.clock.now());
  }

  @FieldResolver(() => Boolean, { description: 'now >= startsAt' })
  started(@Root() groupBuy: GroupBuy, @Ctx() ctx: RequestContext): boolean {
    return ctx.services.clock.now() >= groupBuy.startsAt;
  }

  @FieldResolver(() => Int, { description: 'Units still available' })
  remaining(@Root() groupBuy: GroupBuy): number {
    return Math.max(groupBuy.stock - groupBuy.soldQuantity, 0);
  }

  @FieldResolver(() => [String])
  images(@Root() groupBuy: GroupBuy): string[] {
    return groupBuy.images ?? [];
  }

  @FieldResolver(() => [GroupBuyEntry], { description: 'The 接龙 list by 接龙号, cancelled entries left out: its first `first` entries (participantCount counts them all)' })
  entries(@Root() groupBuy: GroupBuy, @Args() { first }: GroupBuyEntriesArgs, @Ctx() ctx: RequestContext): Promise<GroupBuyEntry[]> {
    return ctx.loaders.groupBuyLiveEntries.load({ groupBuyId: groupBuy.id, first });
  }

  @FieldResolver(() => GroupBuyEntry, { nullable: true, description: "The caller's live entry" })
  async myEntry(@Root() groupBuy: GroupBuy, @Ctx() ctx: RequestContext): Promise<GroupBuyEntry | null> {
    const member = await ctx.services.access.callerMember(ctx, groupBuy.community.id);
    if (!member || member.status !== MemberStatus.ACTIVE) return null;
    return ctx.loaders.groupBuyMemberEntry.load({ groupBuyId: groupBuy.id, memberId: member.id });
  }
}
