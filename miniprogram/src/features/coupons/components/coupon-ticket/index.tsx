import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { faceValueText, spendConditionText } from '@/features/coupons/rules'
import './index.css'

interface CouponTicketProps {
  title: string
  faceValueFen: number
  minSpendFen: number
  /** Used, expired, void or switched off: drawn in grey. */
  muted?: boolean
  children?: ReactNode
  footer?: ReactNode
  onClick?: () => void
}

/** The coupon shape shared by the shop, my coupons and the admin lists: value stub + details. */
export default function CouponTicket({ title, faceValueFen, minSpendFen, muted = false, children, footer, onClick }: CouponTicketProps) {
  return (
    <View
      className={`qy-ticket ${muted ? 'is-muted' : ''}`}
      hoverClass={onClick ? 'is-pressed' : 'none'}
      onClick={onClick}
    >
      <View className='qy-ticket__stub'>
        <View className='qy-ticket__value'>{faceValueText(faceValueFen)}</View>
        <View className='qy-ticket__condition'>{spendConditionText(minSpendFen)}</View>
      </View>
      <View className='qy-ticket__body'>
        <View className='qy-ticket__title'>{title}</View>
        {children && <View className='qy-ticket__details'>{children}</View>}
        {footer && <View className='qy-ticket__footer'>{footer}</View>}
      </View>
    </View>
  )
}
