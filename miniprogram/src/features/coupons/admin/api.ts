import { graphql } from '@/shared/graphql/client'
import { ERROR_RESULT_FIELDS } from '@/shared/graphql/errors'
import { COUPON_FIELDS, type Coupon, type CouponStatus, type VoidCouponResult, type WriteOffCouponResult } from '../api'

/** Staff/admin: the preview before a write-off. */
export async function fetchCouponByCode(communityId: string, code: string): Promise<Coupon | null> {
  const data = await graphql<{ couponByCode: Coupon | null }>(
    `query CouponByCode($communityId: ID!, $code: String!) {
      couponByCode(communityId: $communityId, code: $code) { ${COUPON_FIELDS} }
    }`,
    { communityId, code },
  )
  return data.couponByCode
}

/** Admin: the coupons issued in the community, newest first. */
export async function fetchCommunityCoupons(communityId: string, status?: CouponStatus): Promise<Coupon[]> {
  const data = await graphql<{ communityCoupons: Coupon[] }>(
    `query CommunityCoupons($communityId: ID!, $status: CouponStatus) {
      communityCoupons(communityId: $communityId, status: $status) { ${COUPON_FIELDS} }
    }`,
    { communityId, status },
  )
  return data.communityCoupons
}

/** Staff/admin, at the counter. */
export async function writeOffCoupon(communityId: string, code: string): Promise<WriteOffCouponResult> {
  const data = await graphql<{ writeOffCoupon: WriteOffCouponResult }>(
    `mutation WriteOffCoupon($communityId: ID!, $code: String!) {
      writeOffCoupon(communityId: $communityId, code: $code) {
        ${ERROR_RESULT_FIELDS}
        ... on CouponAlreadyUsed { usedAt }
        ... on CouponExpired { expiresAt }
        ... on CouponWrittenOff { coupon { id code status usedAt } }
      }
    }`,
    { communityId, code },
  )
  return data.writeOffCoupon
}

/** Admin: voids an unused coupon and refunds its points. */
export async function voidCoupon(couponId: string): Promise<VoidCouponResult> {
  const data = await graphql<{ voidCoupon: VoidCouponResult }>(
    `mutation VoidCoupon($couponId: ID!) {
      voidCoupon(couponId: $couponId) {
        ${ERROR_RESULT_FIELDS}
        ... on CouponVoidedResult { refundedPoints balance coupon { ${COUPON_FIELDS} } }
      }
    }`,
    { couponId },
  )
  return data.voidCoupon
}
