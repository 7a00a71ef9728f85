import { graphql } from '@/shared/graphql/client'
import type { CouponTemplate } from './template-api'
import { ERROR_RESULT_FIELDS, type ErrorResult } from '@/shared/graphql/errors'
import { INSUFFICIENT_POINTS_FIELDS, type InsufficientPoints } from '@/features/points/api'
import { TIER_FIELDS, type Tier } from '@/features/membership/tier-api'

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

export const COUPON_FIELDS = `id code status pointsCost redeemedAt expiresAt usedAt voidedAt
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

export interface CouponVoidedResult {
  __typename: 'CouponVoidedResult'
  coupon: Coupon
  refundedPoints: number
  balance: number
}

/** CouponVoidedResult, or CouponNotFound | CouponNotVoidable */
export type VoidCouponResult = CouponVoidedResult | ErrorResult
