import { View } from '@tarojs/components'
import type { Coupon } from '@/features/coupons/api'
import ActionButton from '@/shared/ui/action-button'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { faceValueText } from '@/features/coupons/rules'
import { formatDateTime } from '@/shared/format/format'
import './index.css'

export type WriteOffOutcome = { ok: true; coupon: Coupon } | { ok: false; title: string; message: string }

/** ✓ 核销成功 with what was written off, or why not; then the next coupon. */
export default function WriteOffResult({ outcome, onNext }: { outcome: WriteOffOutcome; onNext: () => void }) {
  return (
    <View className={`qy-card qy-writeoff-result ${outcome.ok ? 'is-ok' : 'is-failed'}`}>
      <View className='qy-writeoff-result__icon'>{outcome.ok ? '✓' : '!'}</View>
      <View className='qy-writeoff-result__title'>{outcome.ok ? '核销成功' : outcome.title}</View>
      {outcome.ok ? (
        <View className='qy-writeoff-result__detail'>
          <View>
            {outcome.coupon.title} · {faceValueText(outcome.coupon.faceValueFen)}
          </View>
          <View>会员 {outcome.coupon.member.nickname || ANONYMOUS_NICKNAME}</View>
          {outcome.coupon.usedAt && <View>{formatDateTime(outcome.coupon.usedAt)}</View>}
        </View>
      ) : (
        outcome.message && <View className='qy-writeoff-result__detail qy-writeoff-result__message'>{outcome.message}</View>
      )}
      <ActionButton className='qy-writeoff-result__next' onClick={onNext}>
        继续核销
      </ActionButton>
    </View>
  )
}
