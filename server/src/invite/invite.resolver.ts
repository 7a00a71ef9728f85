import QRCode from 'qrcode';
import { HOME_PAGE } from './invite-code';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import { badInput } from '../graphql/graphql-errors';
import { parseId } from '../graphql/ids';
import { IMAGE_RENDER_COST } from '../graphql/query-limits';
import { CommunityIdArgs } from '../community/community.types';
import { ADMIN_ROLES } from '../member/member.enums';
import type { EconomyCapExceeded } from '../points/economy-caps.types';
import { MiniProgramCodeResult } from '../wechat/wxa-code.types';
import type { MiniProgramCodeAnswer } from '../wechat/wxa-code.service';
import { InviteLeader, MyInvite, ReferralRule, ReferralsArgs, ReferralView, SetReferralRuleArgs, SetReferralRuleResult } from './invite.types';

@Resolver(() => MyInvite)
export class InviteResolver {
  @Authorized()
  @Query(() => MyInvite, { description: "The caller's personal invite (ACTIVE members); made on first ask" })
  myInvite(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<MyInvite> {
    return ctx.services.invites.myInvite(ctx, parseId(communityId, 'communityId'));
  }

  @FieldResolver(() => String, {
    description: 'The invite as a QR image (data:image/png;base64,…) for the poster: of the H5 link when h5Origin (http(s)://host[:port]) is given, else of the mini-program path',
    complexity: IMAGE_RENDER_COST,
  })
  qrCodeDataUrl(@Root() invite: MyInvite, @Arg('h5Origin', () => String, { nullable: true }) h5Origin: string | null): Promise<string> {
    if (h5Origin && !/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(h5Origin)) throw badInput('h5Origin 应为 http(s)://域名[:端口]', 'h5Origin');
    const content = h5Origin ? `${h5Origin}/#/${invite.url}` : invite.url;
    return QRCode.toDataURL(content, { errorCorrectionLevel: 'M', margin: 1, width: 360 });
  }

  @FieldResolver(() => MiniProgramCodeResult, {
    description: "The invite as WeChat's mini-program code (小程序码, scene c=<code>) for the poster in WeChat; or why there is none now",
    complexity: IMAGE_RENDER_COST,
  })
  miniProgramCode(@Root() invite: MyInvite, @Ctx() ctx: RequestContext): Promise<MiniProgramCodeAnswer> {
    return ctx.services.wxaCodes.codeFor(ctx.em, HOME_PAGE, `c=${invite.code}`);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => [ReferralView], { description: 'Admin: who invited whom, newest first' })
  referrals(@Args() { communityId, first }: ReferralsArgs, @Ctx() ctx: RequestContext): Promise<ReferralView[]> {
    return ctx.services.invites.referrals(ctx, parseId(communityId), first);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => [InviteLeader], { description: 'Admin: the invite leaderboard' })
  inviteLeaderboard(@Args() { communityId, first }: ReferralsArgs, @Ctx() ctx: RequestContext): Promise<InviteLeader[]> {
    return ctx.services.invites.leaderboard(ctx, parseId(communityId), first);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => ReferralRule, { description: 'Admin: the referral reward rule' })
  referralRule(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<ReferralRule> {
    return ctx.services.invites.rule(ctx, parseId(communityId));
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => SetReferralRuleResult, { description: "Admin: points per invitee's first check-in and the daily cap per inviter, within the OWNER's economy caps; audited" })
  setReferralRule(@Args() { communityId, points, dailyLimit }: SetReferralRuleArgs, @Ctx() ctx: RequestContext): Promise<ReferralRule | EconomyCapExceeded> {
    return ctx.services.invites.setRule(ctx, parseId(communityId), points, dailyLimit);
  }
}
