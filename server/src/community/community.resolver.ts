import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { parseId } from '../graphql/ids';
import { Community } from './community.entity';
import { CommunityPreview, CreateCommunityInput, JoinCodeArgs, SetJoinPolicyArgs } from './community.types';
import { RequireCommunityRole } from '../auth/community-role.guard';
import { ADMIN_ROLES } from '../member/member.enums';

@Resolver(() => Community)
export class CommunityResolver {
  @Authorized()
  @Mutation(() => Community, { description: 'The caller becomes the OWNER' })
  createCommunity(@Arg('input') input: CreateCommunityInput, @Ctx() ctx: RequestContext): Promise<Community> {
    return ctx.services.communities.create(ctx, input);
  }

  @Authorized()
  @Query(() => Community, { nullable: true, description: 'Visible to its members and applicants' })
  community(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return ctx.services.communities.findVisible(ctx, parseId(id));
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => Community, { description: 'Admin: who may join (OPEN, QUESTIONNAIRE, INVITE, CLOSED); audited' })
  async setJoinPolicy(@Args() { communityId, joinPolicy }: SetJoinPolicyArgs, @Ctx() ctx: RequestContext): Promise<Community> {
    return ctx.services.communities.setJoinPolicy(ctx, parseId(communityId), joinPolicy);
  }

  @Query(() => CommunityPreview, { nullable: true, description: 'The public card of a community before joining, by its join code or a personal invite code' })
  communityPreview(@Args() { joinCode }: JoinCodeArgs, @Ctx() ctx: RequestContext): Promise<CommunityPreview | null> {
    return ctx.services.communities.preview(ctx, joinCode);
  }

  @FieldResolver(() => Int, { description: 'Active members' })
  async memberCount(@Root() community: Community, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.services.communityCounts.of(community.id)).members;
  }

  @FieldResolver(() => Int, { description: 'WeChat groups bound to this community' })
  async boundGroupCount(@Root() community: Community, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.services.communityCounts.of(community.id)).groups;
  }

  @FieldResolver(() => String, { description: 'Mini-program path that opens this community (share cards, QR codes)' })
  sharePath(@Root() community: Community): string {
    return `pages/index/index?c=${community.joinCode}`;
  }
}
