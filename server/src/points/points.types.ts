import { IsInt, Length, Max, Min } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { ErrorResult } from '../common/error-result';
import { Member } from '../member/member.entity';
import { MemberNotFound } from '../member/member.types';
import { PointsEntry } from './points-entry.entity';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class PointsEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => PointsEntry)
  node!: PointsEntry;
}

@ObjectType()
export class PointsLedgerConnection {
  @Field(() => [PointsEntryEdge])
  edges!: PointsEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ArgsType()
export class PointsLedgerArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}

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

export const AdjustPointsResult = createUnionType({
  name: 'AdjustPointsResult',
  types: () => [PointsAdjusted, InsufficientPoints, MemberNotFound] as const,
});
