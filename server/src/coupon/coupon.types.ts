import { IsInt, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LimitReached, NotActiveMember, SoldOut } from '../graphql/common-errors';
import { defineErrorResult, ErrorResult } from '../graphql/error-result';
import { InsufficientPoints } from '../points/points.types';
import { TierView } from '../tier/tier.types';
import { CouponTemplate } from './coupon-template.entity';
import { Coupon } from './coupon.entity';
import { CouponStatus } from './coupon.enums';

export const CouponInactive = defineErrorResult('CouponInactive', 'COUPON_INACTIVE', '这张券暂未开放兑换');
export const CouponTemplateNotFound = defineErrorResult('CouponTemplateNotFound', 'COUPON_TEMPLATE_NOT_FOUND', '没有找到这张优惠券');
export const CouponNotFound = defineErrorResult('CouponNotFound', 'COUPON_NOT_FOUND', '券码无效，请核对后重试');
export const CouponVoided = defineErrorResult('CouponVoided', 'COUPON_VOIDED', '这张券已作废');
export const CouponHolderBanned = defineErrorResult('CouponHolderBanned', 'COUPON_HOLDER_BANNED', '持券人已被本群拉黑，这张券不能核销');
export const CouponNotVoidable = defineErrorResult('CouponNotVoidable', 'COUPON_NOT_VOIDABLE', '只有未使用且未过期的券可以作废');

@ObjectType({ implements: ErrorResult })
export class TierTooLow extends ErrorResult {
  @Field(() => TierView)
  requiredTier!: TierView;

  constructor(requiredTier: TierView) {
    super();
    this.errorCode = 'TIER_TOO_LOW';
    this.message = `「${requiredTier.name}」及以上等级才能兑换`;
    this.requiredTier = requiredTier;
  }
}

@ObjectType({ implements: ErrorResult, description: '暂停发放: the community stopped issuing coupons for now' })
export class IssuingPaused extends ErrorResult {
  @Field({ description: "The operator's reason, as members read it" })
  reason!: string;

  constructor(reason: string) {
    super();
    this.errorCode = 'ISSUING_PAUSED';
    this.message = reason ? `优惠券暂停发放：${reason}` : '优惠券暂停发放，请稍后再来';
    this.reason = reason;
  }
}

@ObjectType({ implements: ErrorResult })
export class CouponAlreadyUsed extends ErrorResult {
  @Field()
  usedAt!: Date;

  constructor(usedAt: Date) {
    super();
    this.errorCode = 'COUPON_ALREADY_USED';
    this.message = '这张券已经核销过了';
    this.usedAt = usedAt;
  }
}

@ObjectType({ implements: ErrorResult })
export class CouponExpired extends ErrorResult {
  @Field()
  expiresAt!: Date;

  constructor(expiresAt: Date) {
    super();
    this.errorCode = 'COUPON_EXPIRED';
    this.message = '这张券已过期';
    this.expiresAt = expiresAt;
  }
}

@ObjectType()
export class CouponRedeemed {
  private issued?: Coupon;

  /** `couponOf` makes the coupon when a client first asks for it: a redemption answered by its __typename maps no entity. */
  constructor(
    private readonly couponOf: () => Coupon,
    balance: number,
  ) {
    this.balance = balance;
  }

  @Field(() => Coupon)
  get coupon(): Coupon {
    return (this.issued ??= this.couponOf());
  }

  @Field(() => Int, { description: 'Points balance after the redemption' })
  balance: number;
}

export const RedeemCouponResult = createUnionType({
  name: 'RedeemCouponResult',
  types: () => [CouponRedeemed, InsufficientPoints, SoldOut, LimitReached, TierTooLow, CouponInactive, CouponTemplateNotFound, NotActiveMember, IssuingPaused] as const,
});

@ObjectType()
export class CouponWrittenOff {
  @Field(() => Coupon)
  coupon!: Coupon;
}

export const WriteOffCouponResult = createUnionType({
  name: 'WriteOffCouponResult',
  types: () => [CouponWrittenOff, CouponNotFound, CouponAlreadyUsed, CouponExpired, CouponVoided, CouponHolderBanned] as const,
});

@ObjectType()
export class CouponVoidedResult {
  @Field(() => Coupon)
  coupon!: Coupon;

  @Field(() => Int)
  refundedPoints!: number;

  @Field(() => Int, { description: "The member's balance after the refund" })
  balance!: number;
}

export const VoidCouponResult = createUnionType({
  name: 'VoidCouponResult',
  types: () => [CouponVoidedResult, CouponNotFound, CouponNotVoidable] as const,
});

@InputType()
export class CouponTemplateInput {
  @Field()
  @Length(1, 40, { message: '券名称需要 1 到 40 个字' })
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => Int, { description: 'Face value in fen; the price in points equals it (100 points = ¥1)' })
  @IsInt()
  @Min(1, { message: '面值至少 1 分' })
  @Max(10_000_000, { message: '面值最多 ¥100000' })
  faceValueFen!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  minSpendFen!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: '有效期至少 1 天' })
  @Max(3650)
  validDays!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  stock?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  perMemberLimit?: number | null;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(9)
  minTierLevel!: number;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  endsAt?: Date | null;
}

@ArgsType()
export class RedeemCouponArgs {
  @Field(() => ID)
  templateId!: string;

  @Field({ description: 'Made by the client per confirmation; a replay returns the first result' })
  @Length(8, 48)
  @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'requestId 只能包含字母、数字和 _.:-' })
  requestId!: string;
}

@ArgsType()
export class CouponCodeArgs {
  @Field(() => ID)
  communityId!: string;

  @Field()
  @Length(4, 40)
  code!: string;
}

/** The caller's coupons, or the community's for its admins: newest first. */
@ArgsType()
export class CouponListArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => CouponStatus, { nullable: true })
  status?: CouponStatus;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first!: number;
}

/** A template's stock may not drop below the coupons already issued of it. */
@ObjectType({ implements: ErrorResult })
export class StockBelowIssued extends ErrorResult {
  @Field(() => Int, { description: 'Coupons already issued of the template' })
  issuedCount!: number;

  constructor(issuedCount: number) {
    super();
    this.errorCode = 'STOCK_BELOW_ISSUED';
    this.message = `库存不能少于已发出的数量（${issuedCount} 张）`;
    this.issuedCount = issuedCount;
  }
}

@ObjectType()
export class CouponTemplateSaved {
  @Field(() => CouponTemplate)
  template!: CouponTemplate;
}

export const UpdateCouponTemplateResult = createUnionType({
  name: 'UpdateCouponTemplateResult',
  types: () => [CouponTemplateSaved, StockBelowIssued] as const,
});

@ArgsType()
export class SetCouponIssuingPausedArgs {
  @Field(() => ID)
  communityId!: string;

  @Field()
  paused!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when pausing: what members read in the shop (1–60 characters)' })
  @IsOptional()
  @MaxLength(60, { message: '暂停原因最多 60 个字' })
  reason?: string | null;
}
