import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Coupon } from '@/features/coupons/api'
import { COUPON_STATUS_LABELS, COUPON_STATUS_TONES } from '@/features/coupons/labels'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { groupedCode } from '@/features/coupons/rules'
import { formatDate, formatDateTime } from '@/shared/format/format'
import CouponTicket from '@/features/coupons/components/coupon-ticket'

interface CouponCardProps {
  coupon: Coupon
  /** Admin lists: whose coupon and its code. */
  showOwner?: boolean
  action?: ReactNode
  onClick?: () => void
}

function dateLine(coupon: Coupon): string {
  if (coupon.status === 'USED' && coupon.usedAt) return `${formatDateTime(coupon.usedAt)} 已使用`
  if (coupon.status === 'VOID' && coupon.voidedAt) return `${formatDateTime(coupon.voidedAt)} 已作废`
  return `有效期至 ${formatDate(coupon.expiresAt)}`
}

/** An issued coupon: my coupons, and the admin's list of issued coupons. */
export default function CouponCard({ coupon, showOwner = false, action, onClick }: CouponCardProps) {
  return (
    <CouponTicket
      title={coupon.title}
      faceValueFen={coupon.faceValueFen}
      minSpendFen={coupon.minSpendFen}
      muted={coupon.status !== 'UNUSED'}
      onClick={onClick}
      footer={
        <>
          <View className={`qy-tag ${COUPON_STATUS_TONES[coupon.status]}`}>{COUPON_STATUS_LABELS[coupon.status]}</View>
          {action}
        </>
      }
    >
      {showOwner && <View>{coupon.member.nickname || ANONYMOUS_NICKNAME}</View>}
      {showOwner && <View>券码 {groupedCode(coupon.code)}</View>}
      <View>{dateLine(coupon)}</View>
    </CouponTicket>
  )
}
