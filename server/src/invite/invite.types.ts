import { Max, Min } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EconomyCapExceeded } from '../points/economy-caps.types';
import { defineErrorResult } from '../graphql/error-result';
import { MemberProfile } from '../member/member-profile';
import { ReferralStatus } from './invite.entity';

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  valuesConfig: {
    PENDING: { description: 'Joined, not checked in yet' },
    REWARDED: { description: 'Checked in; the inviter got the referral points' },
    CAPPED: { description: "Checked in on a day the inviter had reached the daily cap (or the reward was 0): nothing paid" },
  },
});

@ObjectType({ description: "The caller's personal invite: its code opens the community like a join code and records the caller as inviter" })
export class MyInvite {
  @Field()
  code!: string;

  @Field({ description: 'Mini-program path for share cards and QR posters: pages/index/index?c=<code>' })
  url!: string;

  @Field(() => Int, { description: 'Points the caller gets when an invitee first checks in' })
  referralPoints!: number;

  @Field(() => Int)
  invitedCount!: number;

  @Field(() => Int)
  rewardedCount!: number;
}

@ObjectType({ description: '邀请奖励 rule: points per invitee at their first check-in, and how many invitees a day pay one inviter' })
export class ReferralRule {
  @Field(() => Int)
  points!: number;

  @Field(() => Int)
  dailyLimit!: number;
}

@ObjectType('Referral', { description: 'Admin: who invited whom' })
export class ReferralView {
  @Field(() => ID)
  id!: string;

  @Field(() => MemberProfile)
  inviter!: MemberProfile;

  @Field(() => MemberProfile)
  invitee!: MemberProfile;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;

  @Field(() => Int, { description: 'Points paid to the inviter' })
  points!: number;

  @Field({ description: 'When the invitee joined' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "The invitee's first check-in" })
  settledAt!: Date | null;
}

@ObjectType({ description: 'Admin: one row of the invite leaderboard' })
export class InviteLeader {
  @Field(() => Int)
  rank!: number;

  @Field(() => MemberProfile)
  member!: MemberProfile;

  @Field(() => Int, { description: 'Members who joined by this invite' })
  invited!: number;

  @Field(() => Int, { description: 'Of them, those who have checked in' })
  checkedIn!: number;

  @Field(() => Int, { description: 'Of them, those who paid the referral points' })
  rewarded!: number;

  @Field(() => Int)
  points!: number;
}

@ArgsType()
export class ReferralsArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(100)
  first!: number;
}

@ArgsType()
export class SetReferralRuleArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int)
  @Min(0)
  @Max(10_000, { message: '邀请奖励最多 10000 积分' })
  points!: number;

  @Field(() => Int)
  @Min(0)
  @Max(1000, { message: '每日奖励人数最多 1000' })
  dailyLimit!: number;
}

export const SetReferralRuleResult = createUnionType({
  name: 'SetReferralRuleResult',
  types: () => [ReferralRule, EconomyCapExceeded] as const,
});

export const InviteRequired = defineErrorResult('InviteRequired', 'INVITE_REQUIRED', '这个社群仅限邀请加入，请向群里的朋友要一个邀请链接');
export const InviteInvalid = defineErrorResult('InviteInvalid', 'INVITE_INVALID', '这个邀请已失效，请向朋友重新要一个邀请链接');
