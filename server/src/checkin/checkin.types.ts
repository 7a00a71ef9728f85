import { ArrayMaxSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NotActiveMember } from '../graphql/common-errors';
import { ErrorResult } from '../graphql/error-result';
import { EconomyCapExceeded } from '../points/economy-caps.types';
import { MaxItems } from '../graphql/query-limits';

/** The longest streak-bonus cycle, and so the most bonuses a rule has (one per day of it). */
export const MAX_CYCLE_DAYS = 31;

@ObjectType()
export class StreakBonus {
  @Field(() => Int, { description: 'Day of the streak cycle (1 = first day)' })
  day!: number;

  @Field(() => Int)
  points!: number;
}

@ObjectType('CheckInRule')
export class CheckInRuleView {
  @Field(() => Int, { description: 'Points per check-in before the tier multiplier' })
  basePoints!: number;

  @Field(() => Int, { description: 'Length of the streak-bonus cycle; after its last day the bonuses start again' })
  cycleDays!: number;

  @Field(() => [StreakBonus])
  @MaxItems(MAX_CYCLE_DAYS)
  bonuses!: StreakBonus[];

  @Field(() => Int, { description: '补签: points one make-up check-in costs' })
  makeUpCost!: number;

  @Field(() => Int, { description: '补签: make-up check-ins allowed per member per community-local month (0: none)' })
  makeUpMonthlyAllowance!: number;
}

@ObjectType({ description: '再签 {inDays} 天可得 {points} 积分' })
export class NextBonus {
  @Field(() => Int)
  day!: number;

  @Field(() => Int)
  inDays!: number;

  @Field(() => Int)
  points!: number;
}

@ObjectType()
export class CheckInSuccess {
  @Field({ description: 'Community-local date of this check-in, YYYY-MM-DD' })
  date!: string;

  @Field(() => Int, { description: 'Base points × tier multiplier (as paid: within the economy caps)' })
  pointsAwarded!: number;

  @Field(() => Int, { description: 'Streak bonus earned today (0 on ordinary days)' })
  bonusPoints!: number;

  @Field(() => Int)
  streak!: number;

  @Field(() => Int, { description: 'Balance after this check-in' })
  balance!: number;

  @Field(() => NextBonus, { nullable: true })
  nextBonus?: NextBonus | null;

  @Field(() => String, { nullable: true, description: 'Set when the economy caps cut what the rules would pay (e.g. 今日规则积分已达上限 2000)' })
  capNote?: string | null;
}

@ObjectType({ implements: ErrorResult })
export class AlreadyCheckedIn extends ErrorResult {
  @Field(() => CheckInSuccess, { description: "The check-in of the day asked for: today's for checkIn, that day's for makeUpCheckIn" })
  today!: CheckInSuccess;

  constructor(today: CheckInSuccess, message = '今天已经签到过了，明天再来吧') {
    super();
    this.errorCode = 'ALREADY_CHECKED_IN';
    this.message = message;
    this.today = today;
  }
}

export const CheckInResult = createUnionType({
  name: 'CheckInResult',
  types: () => [CheckInSuccess, AlreadyCheckedIn, NotActiveMember] as const,
});

@ObjectType({ description: '补签 on offer: the missed days of the window, the cost and what is left of the month' })
export class MakeUpOffer {
  @Field(() => [String], { description: 'Missed days that may be filled now, YYYY-MM-DD (empty when none is left this month)' })
  days!: string[];

  @Field(() => Int)
  cost!: number;

  @Field(() => Int, { description: 'Make-up check-ins left this community-local month' })
  remaining!: number;

  @Field(() => Int)
  monthlyAllowance!: number;
}

@ObjectType()
export class CheckInCalendar {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => [String], { description: 'Days checked in, YYYY-MM-DD (community-local)' })
  days!: string[];

  @Field(() => Int, { description: 'Current streak (0 when it is broken)' })
  streak!: number;

  @Field(() => [String], { description: 'Those of `days` that were filled by 补签' })
  madeUpDays!: string[];

  @Field(() => MakeUpOffer, { description: '补签 the member may make now (any month: the window may span two)' })
  makeUp!: MakeUpOffer;
}

@ArgsType()
export class CheckInCalendarArgs {
  @Field(() => ID)
  communityId!: string;

  @Field({ description: 'YYYY-MM' })
  month!: string;
}

@InputType()
export class StreakBonusInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(31)
  day!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: '奖励积分至少为 1' })
  @Max(100000)
  points!: number;
}

@InputType()
export class CheckInRuleInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000, { message: '每日签到积分最多 10000' })
  basePoints!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: '连签周期至少 1 天' })
  @Max(MAX_CYCLE_DAYS, { message: `连签周期最多 ${MAX_CYCLE_DAYS} 天` })
  cycleDays!: number;

  @Field(() => [StreakBonusInput])
  @ValidateNested({ each: true })
  @ArrayMaxSize(MAX_CYCLE_DAYS)
  bonuses!: StreakBonusInput[];

  @Field(() => Int, { nullable: true, description: '补签 cost in points; omitted: unchanged' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000, { message: '补签积分最多 100000' })
  makeUpCost?: number | null;

  @Field(() => Int, { nullable: true, description: '补签 allowance per month; 0 turns make-up off; omitted: unchanged' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(31, { message: '每月补签次数最多 31 次' })
  makeUpMonthlyAllowance?: number | null;
}

export const UpdateCheckInRuleResult = createUnionType({
  name: 'UpdateCheckInRuleResult',
  types: () => [CheckInRuleView, EconomyCapExceeded] as const,
});
