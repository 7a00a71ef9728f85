import { View } from '@tarojs/components'
import type { PaymentRequired } from '../../order-api'
import { feeText } from '../../labels'
import { type PaymentPhase, useEntryPayment } from '../../hooks/useEntryPayment'
import ActionButton from '@/shared/ui/action-button'
import './index.css'

interface EntryPaymentProps {
  payment: PaymentRequired
  /** The server says the order is paid: join again to land in the community. */
  onConfirmed: () => void
  /** The order closed unpaid: join again for a new one. */
  onRestart: () => void
}

const PHASE_LINES: Partial<Record<PaymentPhase, { tone: 'info' | 'warning'; text: string }>> = {
  confirming: { tone: 'info', text: '支付确认中…正在等待微信支付的通知，请勿重复支付' },
  confirmed: { tone: 'info', text: '支付成功，正在进入社群…' },
  cancelled: { tone: 'warning', text: '你取消了支付，可以重新支付' },
  slow: { tone: 'warning', text: '还没有收到微信支付的确认。如已扣款，稍后会自动入群；也可以再查一次' },
  closed: { tone: 'warning', text: '订单已超时关闭，未扣款。可以重新下单' },
}

/** 入群费: the fee, the cashier (or 模拟支付 in the H5 demo), and what happens while WeChat Pay confirms. */
export default function EntryPayment({ payment, onConfirmed, onRestart }: EntryPaymentProps) {
  const { phase, error, pay, checkAgain } = useEntryPayment(payment, onConfirmed)
  const fee = feeText(payment.amountFen)
  const line = PHASE_LINES[phase]
  const waiting = phase === 'paying' || phase === 'confirming' || phase === 'confirmed'
  return (
    <View className='qy-card qy-entry-payment'>
      <View className='qy-entry-payment__label'>加入「{payment.communityName}」需支付</View>
      <View className='qy-entry-payment__amount'>
        {fee}
        <View className='qy-entry-payment__unit'>入群费</View>
      </View>
      <View className='qy-entry-payment__hint'>微信支付到账后自动入群；申请未通过原路退款。</View>
      {line && <View className={`qy-entry-payment__status is-${line.tone}`}>{line.text}</View>}
      {phase === 'failed' && <View className='qy-entry-payment__status is-warning'>支付没有完成：{error ?? '请稍后再试'}</View>}
      {phase === 'slow' ? (
        <ActionButton onClick={checkAgain}>再查一次</ActionButton>
      ) : phase === 'closed' ? (
        <ActionButton onClick={onRestart}>重新下单</ActionButton>
      ) : (
        <ActionButton className='qy-entry-payment__pay' loading={waiting} disabled={waiting} onClick={() => void pay()}>
          {payment.simulated ? `模拟支付 ${fee}` : `微信支付 ${fee}`}
        </ActionButton>
      )}
      {payment.simulated && <View className='qy-entry-payment__demo'>演示环境：模拟支付不会真实扣款</View>}
    </View>
  )
}
