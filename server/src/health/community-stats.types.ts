import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { MaxItems } from '../graphql/query-limits';
import { MAX_RANGE_DAYS } from './local-day-range';

@ArgsType()
export class CommunityStatsArgs {
  @Field(() => ID)
  communityId!: string;

  @Field({ description: 'YYYY-MM-DD, community-local, inclusive' })
  from!: string;

  @Field({ description: 'YYYY-MM-DD, community-local, inclusive; at most 366 days after from' })
  to!: string;
}

@ObjectType({ description: 'One community-local date of a stats range (zero when nothing happened)' })
export class CommunityDayStats {
  @Field()
  date!: string;

  @Field(() => Int)
  checkIns = 0;

  @Field(() => Int, { description: 'Distinct members who did anything in the mini-program that day' })
  activeMembers = 0;

  @Field(() => Int)
  newMembers = 0;

  @Field(() => Int)
  pointsIssued = 0;

  @Field(() => Int)
  pointsSpent = 0;

  @Field(() => Int)
  couponsIssued = 0;

  @Field(() => Int)
  couponsUsed = 0;
}

@ObjectType({ description: 'Community health over a date range (see the spec, "Community health")' })
export class CommunityStats {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => Int, { description: 'ACTIVE members at the end of `to`' })
  totalMembers!: number;

  @Field(() => Int, { description: 'Members who became ACTIVE in the range' })
  newMembers!: number;

  @Field(() => Int, { description: 'Distinct members active on any day of the range' })
  activeMembers!: number;

  @Field(() => Int)
  checkIns!: number;

  @Field(() => Float, { description: 'checkIns ÷ (days × totalMembers); 0 without members' })
  checkInRate!: number;

  @Field(() => Float, { nullable: true, description: 'Of the members who joined in from..to−7, the share active on one of the 7 days after their join day; null when none joined' })
  retention7!: number | null;

  @Field(() => Int, { description: 'Earned points (every positive ledger row but refunds)' })
  pointsIssued!: number;

  @Field(() => Int, { description: 'Points spent on coupons' })
  pointsSpent!: number;

  @Field(() => Int, { description: 'Coupons issued (redeemed or granted)' })
  couponsIssued!: number;

  @Field(() => Int, { description: 'Coupons written off' })
  couponsUsed!: number;

  @Field(() => Float, { nullable: true, description: 'couponsUsed ÷ couponsIssued; null when none issued' })
  redemptionRate!: number | null;

  @Field(() => Int, { description: 'Live group-buy entries created in the range' })
  groupBuyParticipants!: number;

  @Field(() => Int)
  groupBuyAmountFen!: number;

  @Field(() => Int, { description: 'Sign-up submissions created in the range' })
  signups!: number;

  @Field(() => Int, { description: 'Applications waiting for review now' })
  pendingApplications!: number;

  @Field(() => Int, { description: 'Members who joined in the range through a personal invite (邀请制)' })
  joinsByInvite!: number;

  @Field(() => [CommunityDayStats])
  @MaxItems(MAX_RANGE_DAYS)
  days!: CommunityDayStats[];
}
