import { Field, ID, ObjectType } from 'type-graphql';
import type { ServiceContext } from '../service-context';
import type { TierService } from '../tier/tier.service';
import { callerSees } from '../content-safety/content-visibility';
import { nicknameStatus } from './member-nickname.moderation';

/**
 * What members see of other members, everywhere (接龙 lists, sign-ups, a coupon at the counter): the
 * profile the user chose and the tier's name. Points, tags, role, status and activity stay on `Member`,
 * which only the member themself and the community's admins read.
 */
@ObjectType({ description: "Another member as everyone may see them: nickname, avatar, tier name" })
export class MemberProfile {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  nickname!: string | null;

  @Field(() => String, { nullable: true })
  avatarUrl!: string | null;

  @Field(() => String, { nullable: true, description: "The member's tier (会员等级) name" })
  tierName!: string | null;
}

/** `tiers` gives the tier's name (its cached tiers). */
export async function memberProfile(ctx: ServiceContext, tiers: TierService, memberId: number): Promise<MemberProfile> {
  const member = await ctx.loaders.member.load(memberId);
  if (!member) throw new Error(`member ${memberId} not found`);
  const [user, standing] = await Promise.all([ctx.loaders.user.load(member.user.id), tiers.standingOf(ctx, member)]);
  const nicknameShown = user?.nickname
    ? await callerSees(ctx, { status: nicknameStatus(member.nicknameStatus, user.nicknameStatus), communityId: member.community.id, authorUserId: member.user.id })
    : false;
  return Object.assign(new MemberProfile(), {
    id: String(member.id),
    // A nickname hidden by an admin or in review: others see none (the app shows a neutral name).
    nickname: nicknameShown ? user!.nickname! : null,
    avatarUrl: user?.avatarUrl ?? null,
    tierName: standing.tier.name ?? null,
  });
}
