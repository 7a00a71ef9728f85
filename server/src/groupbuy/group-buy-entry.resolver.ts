import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import type { ErrorResult } from '../graphql/error-result';
import { parseId } from '../graphql/ids';
import { memberProfile, MemberProfile } from '../member/member-profile';
import { ADMIN_ROLES } from '../member/member.enums';
import { GroupBuyEntry } from './group-buy-entry.entity';
import { ContentStatus } from '../content-safety/content-safety.enums';
import { callerSees } from '../content-safety/content-visibility';
import { groupBuyEntryCommunity } from './group-buy.locators';
import {
  PickupRecorded,
  SetEntryPickedUpResult,
  CancelGroupBuyEntryResult,
  EntryIdArgs,
  GroupBuyEntryCancelled,
  GroupBuyEntryUpdated,
  GroupBuyJoined,
  JoinGroupBuyArgs,
  JoinGroupBuyResult,
  SetEntryPickedUpArgs,
  UpdateGroupBuyEntryArgs,
  UpdateGroupBuyEntryResult,
} from './group-buy.types';

@Resolver(() => GroupBuyEntry)
export class GroupBuyEntryResolver {
  @Authorized()
  @Mutation(() => JoinGroupBuyResult, { description: '接龙: takes the next number; one live entry per member (change the quantity instead)' })
  joinGroupBuy(@Args() { groupBuyId, quantity, note, requestId }: JoinGroupBuyArgs, @Ctx() ctx: RequestContext): Promise<GroupBuyJoined | ErrorResult> {
    return ctx.services.groupBuyEntries.join(ctx, parseId(groupBuyId, 'groupBuyId'), { quantity, note, requestId });
  }

  @Authorized()
  @Mutation(() => UpdateGroupBuyEntryResult, { description: 'Changes the quantity (and the note) of your entry before the end' })
  updateGroupBuyEntry(@Args() { entryId, quantity, note }: UpdateGroupBuyEntryArgs, @Ctx() ctx: RequestContext): Promise<GroupBuyEntryUpdated | ErrorResult> {
    return ctx.services.groupBuyEntries.updateQuantity(ctx, parseId(entryId, 'entryId'), quantity, note);
  }

  @Authorized()
  @Mutation(() => CancelGroupBuyEntryResult, { description: 'Cancels your entry before the end; the stock comes back' })
  cancelGroupBuyEntry(@Args() { entryId }: EntryIdArgs, @Ctx() ctx: RequestContext): Promise<GroupBuyEntryCancelled | ErrorResult> {
    return ctx.services.groupBuyEntries.cancel(ctx, parseId(entryId, 'entryId'));
  }

  @RequireCommunityRole(ADMIN_ROLES, groupBuyEntryCommunity)
  @Mutation(() => SetEntryPickedUpResult, { description: 'Admin: mark an entry picked up (or not); a cancelled entry is EntryNotFound' })
  setEntryPickedUp(@Args() { entryId, pickedUp }: SetEntryPickedUpArgs, @Ctx() ctx: RequestContext): Promise<PickupRecorded | ErrorResult> {
    return ctx.services.groupBuys.setPickedUp(ctx, parseId(entryId, 'entryId'), pickedUp);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The note; while it is in review or hidden (noteStatus), only its author and the admins get it' })
  async note(@Root() entry: GroupBuyEntry, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!entry.note || entry.noteStatus === ContentStatus.VISIBLE) return entry.note ?? null;
    const author = await ctx.loaders.member.load(entry.member.id);
    return author && (await callerSees(ctx, { status: entry.noteStatus, communityId: entry.community.id, authorUserId: author.user.id })) ? entry.note : null;
  }

  @FieldResolver(() => MemberProfile, { description: 'The member as everyone sees them (the admin pages read the full row elsewhere)' })
  member(@Root() entry: GroupBuyEntry, @Ctx() ctx: RequestContext): Promise<MemberProfile> {
    return memberProfile(ctx, ctx.services.tiers, entry.member.id);
  }
}
