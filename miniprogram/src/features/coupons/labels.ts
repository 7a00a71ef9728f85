import type { CouponStatus } from '@/features/coupons/api'
import type { Option } from '@/shared/format/option'

export const COUPON_STATUS_LABELS: Record<CouponStatus, string> = {
  UNUSED: '未使用',
  USED: '已使用',
  EXPIRED: '已过期',
  VOID: '已作废',
}

/** qy-tag modifier per status */
export const COUPON_STATUS_TONES: Record<CouponStatus, string> = {
  UNUSED: '',
  USED: 'qy-tag--gray',
  EXPIRED: 'qy-tag--warning',
  VOID: 'qy-tag--danger',
}

export const MY_COUPON_TABS: Option<CouponStatus>[] = [
  { value: 'UNUSED', label: '未使用' },
  { value: 'USED', label: '已使用' },
  { value: 'EXPIRED', label: '已过期' },
  { value: 'VOID', label: '已作废' },
]

export type CouponStatusFilter = CouponStatus | 'ALL'

export const COMMUNITY_COUPON_TABS: Option<CouponStatusFilter>[] = [{ value: 'ALL', label: '全部' }, ...MY_COUPON_TABS]
