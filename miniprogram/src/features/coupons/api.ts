import { graphql } from '@/shared/graphql/client'
import type { ResultMember } from '@/shared/graphql/errors'
import {
  CouponDocument,
  type CouponFieldsFragment,
  type CouponQuery,
  MyCouponsDocument,
  RedeemCouponDocument,
  type RedeemCouponMutation,
} from './coupons.generated'

export type Coupon = CouponFieldsFragment
export type CouponStatus = Coupon['status']
/** With `qrCodeDataUrl`: data:image/png;base64,… rendered by the server. */
export type CouponWithQr = NonNullable<CouponQuery['coupon']>

/** CouponRedeemed, or InsufficientPoints | SoldOut | LimitReached | TierTooLow | CouponInactive | CouponTemplateNotFound | NotActiveMember */
export type RedeemCouponResult = RedeemCouponMutation['redeemCoupon']
export type CouponRedeemed = ResultMember<RedeemCouponResult, 'CouponRedeemed'>
export type LimitReached = ResultMember<RedeemCouponResult, 'LimitReached'>
export type TierTooLow = ResultMember<RedeemCouponResult, 'TierTooLow'>

export async function fetchMyCoupons(communityId: string, status?: CouponStatus): Promise<Coupon[]> {
  const data = await graphql(MyCouponsDocument, { communityId, status })
  return data.myCoupons
}

/** The caller's own coupon (or any coupon, for the community's staff and admins), with its QR code. */
export async function fetchCoupon(id: string): Promise<CouponWithQr | null> {
  const data = await graphql(CouponDocument, { id })
  return data.coupon
}

/** The same requestId replayed answers the first result and never spends twice. */
export async function redeemCoupon(templateId: string, requestId: string): Promise<RedeemCouponResult> {
  const data = await graphql(RedeemCouponDocument, { templateId, requestId })
  return data.redeemCoupon
}
