import { graphql } from '@/shared/graphql/client'
import type { ResultMember } from '@/shared/graphql/errors'
import type { Coupon, CouponStatus } from '../api'
import {
  CommunityCouponsDocument,
  CouponByCodeDocument,
  VoidCouponDocument,
  type VoidCouponMutation,
  WriteOffCouponDocument,
  type WriteOffCouponMutation,
} from './coupons-admin.generated'

/** CouponWrittenOff (what the write-off changed; the rest is on the preview), or CouponNotFound | CouponAlreadyUsed | CouponExpired | CouponVoided | CouponHolderBanned */
export type WriteOffCouponResult = WriteOffCouponMutation['writeOffCoupon']
export type CouponWrittenOff = ResultMember<WriteOffCouponResult, 'CouponWrittenOff'>
export type CouponAlreadyUsed = ResultMember<WriteOffCouponResult, 'CouponAlreadyUsed'>
export type CouponExpired = ResultMember<WriteOffCouponResult, 'CouponExpired'>
/** CouponVoidedResult, or CouponNotFound | CouponNotVoidable */
export type VoidCouponResult = VoidCouponMutation['voidCoupon']

/** Staff/admin: the preview before a write-off. */
export async function fetchCouponByCode(communityId: string, code: string): Promise<Coupon | null> {
  const data = await graphql(CouponByCodeDocument, { communityId, code })
  return data.couponByCode
}

/** Admin: the coupons issued in the community, newest first. */
export async function fetchCommunityCoupons(communityId: string, status?: CouponStatus): Promise<Coupon[]> {
  const data = await graphql(CommunityCouponsDocument, { communityId, status })
  return data.communityCoupons
}

/** Staff/admin, at the counter. */
export async function writeOffCoupon(communityId: string, code: string): Promise<WriteOffCouponResult> {
  const data = await graphql(WriteOffCouponDocument, { communityId, code })
  return data.writeOffCoupon
}

/** Admin: voids an unused coupon and refunds its points. */
export async function voidCoupon(couponId: string): Promise<VoidCouponResult> {
  const data = await graphql(VoidCouponDocument, { couponId })
  return data.voidCoupon
}
