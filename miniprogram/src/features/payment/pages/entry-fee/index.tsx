import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect } from 'react'
import { errorResultMessage, isErrorResult } from '@/shared/graphql/errors'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { routes } from '@/shared/routes'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import { reLaunch } from '@/platform/navigation'
import { fetchEntryFeeOrder } from '../../order-api'
import EntryPayment from '../../components/entry-payment'

/**
 * 支付入群费 (`?c=<join code or invite>`): joining again answers the same open order, so this page
 * needs nothing but the code. Once the server says the order is paid (or the caller is already
 * in), home opens with the code and lands in the community.
 */
export default function EntryFeePage() {
  const joinCode = useRouter().params.c ?? ''
  const order = useQuery(() => fetchEntryFeeOrder(joinCode), [joinCode], { enabled: joinCode !== '' })
  usePageRefresh(() => order.refresh())
  const backHome = () => reLaunch(`${routes.home}?c=${encodeURIComponent(joinCode)}`)
  const result = order.data
  useEffect(() => {
    if (result?.__typename === 'JoinedCommunity') backHome()
  }, [result])

  return (
    <View className='qy-page'>
      {(order.loading || result?.__typename === 'JoinedCommunity') && <LoadingView text='正在进入社群…' />}
      {order.error && <ErrorView message={order.error.message} onRetry={order.reload} />}
      {result && isErrorResult(result) && <ErrorView message={errorResultMessage(result)} />}
      {result?.__typename === 'PaymentRequired' && <EntryPayment payment={result} onConfirmed={backHome} onRestart={() => void order.reload()} />}
    </View>
  )
}
