import { graphql } from './client'
import type { CouponTemplate } from './coupon-template'
import { ERROR_RESULT_FIELDS, type ErrorResult } from './errors'
import { INSUFFICIENT_POINTS_FIELDS, type InsufficientPoints } from './points'
import { TIER_FIELDS, type Tier } from './tier'

export type CouponStatus = 'UNUSED' | 'USED' | 'EXPIRED' | 'VOID'

export interface Coupon {
  id: string
  code: string
  status: CouponStatus
  pointsCost: number
  redeemedAt: string
  expiresAt: string
  usedAt: string | null
  voidedAt: string | null
  template: Pick<CouponTemplate, 'id' | 'title' | 'description' | 'faceValueFen' | 'minSpendFen'>
  member: { id: string; nickname: string | null; avatarUrl: string | null }
}

export interface CouponWithQr extends Coupon {
  /** data:image/png;base64,… rendered by the server */
  qrCodeDataUrl: string
}

const COUPON_FIELDS = `id code status pointsCost redeemedAt expiresAt usedAt voidedAt
  template { id title description faceValueFen minSpendFen } member { id nickname avatarUrl }`

export async function fetchMyCoupons(communityId: string, status?: CouponStatus): Promise<Coupon[]> {
  const data = await graphql<{ myCoupons: Coupon[] }>(
    `query MyCoupons($communityId: ID!, $status: CouponStatus) {
      myCoupons(communityId: $communityId, status: $status) { ${COUPON_FIELDS} }
    }`,
    { communityId, status },
  )
  return data.myCoupons
}

/** The caller's own coupon (or any coupon, for the community's staff and admins), with its QR code. */
export async function fetchCoupon(id: string): Promise<CouponWithQr | null> {
  const data = await graphql<{ coupon: CouponWithQr | null }>(
    `query Coupon($id: ID!) { coupon(id: $id) { ${COUPON_FIELDS} qrCodeDataUrl } }`,
    { id },
  )
  return data.coupon
}

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

export interface CouponRedeemed {
  __typename: 'CouponRedeemed'
  coupon: Coupon
  balance: number
}

export interface LimitReached extends ErrorResult {
  __typename: 'LimitReached'
  limit: number
}

export interface TierTooLow extends ErrorResult {
  __typename: 'TierTooLow'
  requiredTier: Tier
}

/** CouponRedeemed, or InsufficientPoints | SoldOut | LimitReached | TierTooLow | CouponInactive | CouponTemplateNotFound | NotActiveMember */
export type RedeemCouponResult = CouponRedeemed | InsufficientPoints | LimitReached | TierTooLow | ErrorResult

/** The same requestId replayed answers the first result and never spends twice. */
export async function redeemCoupon(templateId: string, requestId: string): Promise<RedeemCouponResult> {
  const data = await graphql<{ redeemCoupon: RedeemCouponResult }>(
    `mutation RedeemCoupon($templateId: ID!, $requestId: String!) {
      redeemCoupon(templateId: $templateId, requestId: $requestId) {
        ${ERROR_RESULT_FIELDS}
        ${INSUFFICIENT_POINTS_FIELDS}
        ... on LimitReached { limit }
        ... on TierTooLow { requiredTier { ${TIER_FIELDS} } }
        ... on CouponRedeemed { balance coupon { ${COUPON_FIELDS} } }
      }
    }`,
    { templateId, requestId },
  )
  return data.redeemCoupon
}

export interface CouponWrittenOff {
  __typename: 'CouponWrittenOff'
  /** What the write-off changed; the rest is on the preview the staff just confirmed. */
  coupon: Pick<Coupon, 'id' | 'code' | 'status' | 'usedAt'>
}

export interface CouponAlreadyUsed extends ErrorResult {
  __typename: 'CouponAlreadyUsed'
  usedAt: string
}

export interface CouponExpired extends ErrorResult {
  __typename: 'CouponExpired'
  expiresAt: string
}

/** CouponWrittenOff, or CouponNotFound | CouponAlreadyUsed | CouponExpired | CouponVoided */
export type WriteOffCouponResult = CouponWrittenOff | CouponAlreadyUsed | CouponExpired | ErrorResult

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

export interface CouponVoidedResult {
  __typename: 'CouponVoidedResult'
  coupon: Coupon
  refundedPoints: number
  balance: number
}

/** CouponVoidedResult, or CouponNotFound | CouponNotVoidable */
export type VoidCouponResult = CouponVoidedResult | ErrorResult

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
