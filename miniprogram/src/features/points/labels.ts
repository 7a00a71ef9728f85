import type { PointsEntryType } from '@/features/points/api'

export const POINTS_ENTRY_LABELS: Record<PointsEntryType, string> = {
  CHECK_IN: '每日签到',
  STREAK_BONUS: '连签奖励',
  WELCOME: '入群奖励',
  COUPON_REDEEM: '兑换优惠券',
  COUPON_REFUND: '优惠券退回',
  ADMIN_ADJUST: '管理员调整',
  MAKE_UP_CHECK_IN: '补签',
  REFERRAL: '邀请好友奖励',
  POINTS_EXPIRED: '积分过期',
}

/** Entry types the server may add later still get a readable row. */
export function pointsEntryLabel(type: string): string {
  return POINTS_ENTRY_LABELS[type as PointsEntryType] ?? '积分变动'
}

/** +10 / −500 (a real minus sign, as in the ledger). */
export function signedPoints(amount: number): string {
  return amount >= 0 ? `+${amount}` : `−${Math.abs(amount)}`
}
