import { IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxItems } from '../../graphql/query-limits';
import { PointsExpiryMode, ROLLING_MONTHS_MAX, ROLLING_MONTHS_MIN } from './points-expiry.enums';

/** How many expiry dates the forecast lists. */
export const FORECAST_DATES = 3;

@ObjectType('PointsExpiryPolicy', { description: '积分有效期 as the OWNER set it' })
export class PointsExpiryPolicyView {
  @Field(() => PointsExpiryMode)
  mode!: PointsExpiryMode;

  @Field(() => Int, { nullable: true, description: `ROLLING: months (${ROLLING_MONTHS_MIN}–${ROLLING_MONTHS_MAX}) after earning; null otherwise` })
  months!: number | null;
}

@InputType()
export class PointsExpiryPolicyInput {
  @Field(() => PointsExpiryMode)
  @IsEnum(PointsExpiryMode)
  mode!: PointsExpiryMode;

  @Field(() => Int, { nullable: true, description: `ROLLING only, and required there: ${ROLLING_MONTHS_MIN}..${ROLLING_MONTHS_MAX}` })
  @IsOptional()
  @IsInt()
  @Min(ROLLING_MONTHS_MIN, { message: `滚动有效期至少 ${ROLLING_MONTHS_MIN} 个月` })
  @Max(ROLLING_MONTHS_MAX, { message: `滚动有效期最多 ${ROLLING_MONTHS_MAX} 个月` })
  months?: number | null;
}

@ArgsType()
export class SetPointsExpiryPolicyArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => PointsExpiryPolicyInput)
  @ValidateNested()
  input!: PointsExpiryPolicyInput;
}

@ObjectType({ description: 'Points of the caller that expire at the end of one community-local day' })
export class PointsExpiring {
  @Field(() => Int)
  points!: number;

  @Field({ description: 'YYYY-MM-DD: the last day they are good for' })
  expiresOn!: string;
}

@ObjectType({ description: "The caller's points that will expire: \"X 积分将于 YYYY-MM-DD 过期\"" })
export class PointsExpiryForecast {
  @Field(() => PointsExpiryPolicyView)
  policy!: PointsExpiryPolicyView;

  @Field(() => PointsExpiring, { nullable: true, description: 'The soonest; null when nothing of the balance expires' })
  next!: PointsExpiring | null;

  @Field(() => [PointsExpiring], { description: 'The next few expiry dates, soonest first (at most 3)' })
  @MaxItems(FORECAST_DATES)
  upcoming!: PointsExpiring[];
}

@ObjectType({ description: 'Admin: what the unspent points cost the operator (100 points = ¥1), and what expires' })
export class PointsLiability {
  @Field(() => Int, { description: "Every member's balance, summed" })
  outstandingPoints!: number;

  @Field(() => Int, { description: 'outstandingPoints as money: points ÷ 100 yuan, in fen' })
  liabilityFen!: number;

  @Field(() => Int, { description: 'Points that expire within 30 days from today (community-local)' })
  expiringWithin30Days!: number;

  @Field(() => Int)
  expiringWithin90Days!: number;

  @Field(() => Int, { description: 'Points that expired from..to' })
  expiredInRange!: number;
}
