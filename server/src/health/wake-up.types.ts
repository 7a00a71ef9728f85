import { ArrayMaxSize, ArrayMinSize, Length, Matches } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { SoldOut } from '../graphql/common-errors';
import { MaxItems } from '../graphql/query-limits';
import { MAX_GRANT_MEMBERS } from '../coupon/coupon-grant.service';
import { CouponTemplate } from '../coupon/coupon-template.entity';
import { Coupon } from '../coupon/coupon.entity';
import { CouponInactive, CouponTemplateNotFound, IssuingPaused } from '../coupon/coupon.types';
import { Member } from '../member/member.entity';
import { MemberNotFound, RoleNotAllowed } from '../member/member.types';
import { AdjustLimitExceeded, AdjustNotAllowed } from '../points/points.types';


@ArgsType()
export class GrantCouponArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => ID)
  templateId!: string;

  @Field(() => [ID], { description: `1..${MAX_GRANT_MEMBERS} members, each gets one coupon` })
  @ArrayMinSize(1, { message: '请至少选择 1 位成员' })
  @ArrayMaxSize(MAX_GRANT_MEMBERS, { message: `一次最多 ${MAX_GRANT_MEMBERS} 位成员` })
  memberIds!: string[];

  @Field({ description: 'Made by the client per confirmation; a replay returns the first result' })
  @Length(8, 48)
  @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'requestId 只能包含字母、数字和 _.:-' })
  requestId!: string;
}

@ArgsType()
export class RemoveMembersArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => [ID], { description: `1..${MAX_GRANT_MEMBERS} members` })
  @ArrayMinSize(1, { message: '请至少选择 1 位成员' })
  @ArrayMaxSize(MAX_GRANT_MEMBERS, { message: `一次最多 ${MAX_GRANT_MEMBERS} 位成员` })
  memberIds!: string[];
}

@ObjectType({ description: 'One free coupon issued to each chosen member (no points spent)' })
export class CouponsGranted {
  @Field(() => CouponTemplate)
  template!: CouponTemplate;

  @Field(() => [Coupon])
  @MaxItems(MAX_GRANT_MEMBERS)
  coupons!: Coupon[];

  @Field(() => Int)
  grantedCount!: number;
}

export const GrantCouponResult = createUnionType({
  name: 'GrantCouponResult',
  types: () => [CouponsGranted, SoldOut, CouponTemplateNotFound, CouponInactive, MemberNotFound, AdjustNotAllowed, AdjustLimitExceeded, IssuingPaused] as const,
});

@ObjectType()
export class MembersRemoved {
  @Field(() => [Member])
  @MaxItems(MAX_GRANT_MEMBERS)
  members!: Member[];

  @Field(() => Int)
  removedCount!: number;
}

export const RemoveMembersResult = createUnionType({
  name: 'RemoveMembersResult',
  types: () => [MembersRemoved, MemberNotFound, RoleNotAllowed] as const,
});
