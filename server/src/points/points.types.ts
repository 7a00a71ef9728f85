import { IsInt, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { CommunityPageArgs, CursorConnection } from '../graphql/cursor-page';
import { defineErrorResult, ErrorResult } from '../graphql/error-result';
import { Member } from '../member/member.entity';
import { MemberNotFound } from '../member/member.types';
import { PointsEntry } from './points-entry.entity';

@ObjectType()
export class PointsLedgerConnection extends CursorConnection(PointsEntry, 'PointsEntryEdge') {}

@ArgsType()
export class PointsLedgerArgs extends CommunityPageArgs {}

@ArgsType()
export class AdjustPointsArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { description: 'Signed; never zero' })
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  amount!: number;

  @Field()
  @Length(1, 100, { message: '请填写调整原因（100 字以内）' })
  @Matches(/\S/, { message: '请填写调整原因' })
  reason!: string;
}

@ObjectType({ implements: ErrorResult })
export class InsufficientPoints extends ErrorResult {
  @Field(() => Int)
  required!: number;

  @Field(() => Int)
  balance!: number;

  constructor(required: number, balance: number, message = `积分不足：需要 ${required}，当前 ${balance}`) {
    super();
    this.errorCode = 'INSUFFICIENT_POINTS';
    this.message = message;
    this.required = required;
    this.balance = balance;
  }
}

@ObjectType()
export class PointsAdjusted {
  @Field(() => Member)
  member!: Member;

  @Field(() => PointsEntry)
  entry!: PointsEntry;
}

/** Who may adjust whose points: nobody their own, only the OWNER an ADMIN's, nobody the OWNER's. */
export const AdjustNotAllowed = defineErrorResult('AdjustNotAllowed', 'ADJUST_NOT_ALLOWED', '不能调整这位成员的积分');
export const PointsOutOfRange = defineErrorResult('PointsOutOfRange', 'POINTS_OUT_OF_RANGE', '调整后积分超出上限');

@ObjectType({ implements: ErrorResult, description: 'Over the per-call or the per-operator daily cap that the OWNER set' })
export class AdjustLimitExceeded extends ErrorResult {
  @Field(() => Int)
  limit!: number;

  @Field(() => Int, { description: 'What this operator may still move today (absolute points)' })
  remainingToday!: number;

  constructor(limit: number, remainingToday: number, message: string) {
    super();
    this.errorCode = 'ADJUST_LIMIT_EXCEEDED';
    this.message = message;
    this.limit = limit;
    this.remainingToday = remainingToday;
  }
}

export const AdjustPointsResult = createUnionType({
  name: 'AdjustPointsResult',
  types: () => [PointsAdjusted, InsufficientPoints, MemberNotFound, AdjustNotAllowed, AdjustLimitExceeded, PointsOutOfRange] as const,
});

@ObjectType({ description: "The community's caps on admin points adjustment, and what the caller has moved today" })
export class PointsAdjustPolicy {
  @Field(() => Int, { description: 'The most one call may add or take' })
  perCallLimit!: number;

  @Field(() => Int, { description: 'The most one operator may move per day (absolute sum)' })
  dailyLimit!: number;

  @Field(() => Int, { description: 'What the caller has moved today (absolute sum)' })
  usedToday!: number;
}

@ArgsType()
export class SetPointsAdjustPolicyArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int)
  @Min(1)
  @Max(1_000_000)
  perCallLimit!: number;

  @Field(() => Int)
  @Min(1)
  @Max(1_000_000_000)
  dailyLimit!: number;
}
