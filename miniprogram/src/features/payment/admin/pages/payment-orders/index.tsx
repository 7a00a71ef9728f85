import { View } from '@tarojs/components'
import { useState } from 'react'
import { errorResultMessage, isErrorResult, messageOf } from '@/shared/graphql/errors'
import { exportPaymentOrders, fetchPaymentOrders, type PaymentOrder, refundEntryFee } from '../../api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import ExportBar from '@/features/exports/components/export-bar'
import ReasonSheet from '@/features/questionnaire/admin/components/reason-sheet'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import { feeText } from '../../../labels'
import { PAYMENT_STATUS_LABELS, REFUND_STATUS_LABELS } from '../../labels'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import { formatDateTime } from '@/shared/format/format'
import './index.css'

const REFUND_REASON_MAX = 80

/** 入群费订单: every order with its payer and refund; the owner refunds a paid one (the member then leaves). */
export default function PaymentOrdersPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const orders = useQuery(() => fetchPaymentOrders(communityId), [communityId], { enabled: admin.allowed })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await orders.refresh()
  })
  const [refunding, setRefunding] = useState<PaymentOrder | null>(null)
  const [busy, setBusy] = useState(false)
  const isOwner = admin.membership?.role === 'OWNER'

  const refund = async (reason: string) => {
    if (!refunding) return
    setBusy(true)
    try {
      const result = await refundEntryFee(communityId, refunding.orderNo, reason)
      if (isErrorResult(result)) return void alertMessage(errorResultMessage(result), '退款失败')
      setRefunding(null)
      toastSuccess('已发起退款')
      await orders.refresh()
    } catch (caught) {
      void alertMessage(messageOf(caught), '退款失败')
    } finally {
      setBusy(false)
    }
  }

  return (
    <AdminGate admin={admin}>
      {({ community }) => (
        <View className='qy-page qy-payment-orders'>
          <ExportBar title='导出订单' hint='导出全部入群费订单与退款记录（金额单位：元）。' exportFile={(format) => exportPaymentOrders(community.id, format)} />
          {orders.loading && <LoadingView />}
          {orders.error && <ErrorView message={orders.error.message} onRetry={orders.reload} />}
          {orders.data?.length === 0 && <EmptyView icon='费' tone='gray' title='还没有入群费订单' description='在「邀请与入群方式」设置入群费后，新成员加入时会在这里出现订单。' />}
          {orders.data?.map((order) => (
            <View key={order.orderNo} className='qy-card qy-payment-order'>
              <View className='qy-payment-order__head'>
                <View className='qy-payment-order__who qy-ellipsis'>{order.member?.nickname ?? order.payerNickname ?? '未设置昵称'}</View>
                <View className='qy-payment-order__amount'>{feeText(order.amountFen)}</View>
              </View>
              <View className='qy-muted'>
                {PAYMENT_STATUS_LABELS[order.status]} · {formatDateTime(order.paidAt ?? order.createdAt)} {order.paidAt ? '支付' : '下单'}
              </View>
              {order.refundStatus && (
                <View className='qy-payment-order__refund'>
                  {REFUND_STATUS_LABELS[order.refundStatus]}
                  {order.refundReason ? `：${order.refundReason}` : ''}
                </View>
              )}
              <View className='qy-payment-order__no'>订单号 {order.orderNo}</View>
              {isOwner && order.status === 'PAID' && (
                <ActionButton className='qy-payment-order__action' size='small' variant='secondary' onClick={() => setRefunding(order)}>
                  退款
                </ActionButton>
              )}
            </View>
          ))}
          {refunding && (
            <ReasonSheet
              title={`退还 ${feeText(refunding.amountFen)} 入群费`}
              placeholder='写一句退款原因，付款人会在微信支付里看到；退款后对方将被移出社群'
              confirmText='确认退款'
              maxLength={REFUND_REASON_MAX}
              busy={busy}
              onConfirm={(reason) => void refund(reason)}
              onClose={() => setRefunding(null)}
            />
          )}
        </View>
      )}
    </AdminGate>
  )
}
