import { IsInt, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorResult } from '../graphql/error-result';
import { EconomyCap } from './economy-caps';

registerEnumType(EconomyCap, {
  name: 'EconomyCap',
  description: 'The OWNER’s bounds on the points rules create (setEconomyCaps)',
  valuesConfig: {
    MAX_POINTS_PER_ACTION: { description: 'The most points one action earns (a check-in with its bonus, a welcome, a referral…)' },
    MAX_RULE_POINTS_PER_MEMBER_DAY: { description: 'The most points one member earns from rules in one community-local day' },
  },
});

/** Most points one action may ever be allowed: ¥1,000. */
export const MAX_POINTS_PER_ACTION_LIMIT = 100_000;
export const MAX_RULE_POINTS_PER_DAY_LIMIT = 1_000_000;

@ObjectType('EconomyCaps', { description: "The OWNER's caps on what rules pay (100 points = ¥1)" })
export class EconomyCapsView {
  @Field(() => Int)
  maxPointsPerAction!: number;

  @Field(() => Int)
  maxRulePointsPerMemberDay!: number;
}

@InputType()
export class EconomyCapsInput {
  @Field(() => Int, { description: `1..${MAX_POINTS_PER_ACTION_LIMIT}` })
  @IsInt()
  @Min(1, { message: '单次上限至少 1 积分' })
  @Max(MAX_POINTS_PER_ACTION_LIMIT, { message: `单次上限最多 ${MAX_POINTS_PER_ACTION_LIMIT} 积分` })
  maxPointsPerAction!: number;

  @Field(() => Int, { description: `1..${MAX_RULE_POINTS_PER_DAY_LIMIT}, at least maxPointsPerAction` })
  @IsInt()
  @Min(1, { message: '每日上限至少 1 积分' })
  @Max(MAX_RULE_POINTS_PER_DAY_LIMIT, { message: `每日上限最多 ${MAX_RULE_POINTS_PER_DAY_LIMIT} 积分` })
  maxRulePointsPerMemberDay!: number;
}

@ArgsType()
export class SetEconomyCapsArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => EconomyCapsInput)
  @ValidateNested()
  input!: EconomyCapsInput;
}

@ObjectType({ implements: ErrorResult, description: 'A rule that would pay more than the OWNER’s economy caps allow' })
export class EconomyCapExceeded extends ErrorResult {
  @Field(() => EconomyCap)
  cap!: EconomyCap;

  @Field(() => Int, { description: 'The cap as the OWNER set it' })
  limit!: number;

  @Field(() => Int, { description: 'What the rule would pay at most' })
  requested!: number;

  constructor(cap: EconomyCap, limit: number, requested: number) {
    super();
    this.errorCode = 'ECONOMY_CAP_EXCEEDED';
    this.message =
      cap === EconomyCap.MAX_POINTS_PER_ACTION
        ? `按这条规则一次最多可得 ${requested} 积分，超过了群主设置的单次上限 ${limit} 积分`
        : `按这条规则一位成员一天最多可得 ${requested} 积分，超过了群主设置的每日上限 ${limit} 积分`;
    this.cap = cap;
    this.limit = limit;
    this.requested = requested;
  }
}
