import { View } from '@tarojs/components'
import { fetchPointsLiability } from '@/features/points/admin/api'
import { Metric } from '@/features/health/components/community-dashboard'
import { fenToYuan } from '@/shared/format/money'
import { useQuery } from '@/shared/hooks/useQuery'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'

interface PointsLiabilityCardProps {
  communityId: string
  from: string
  to: string
}

/** The dashboard's 积分负债: the unspent points as money (100 积分 = ¥1), what expires soon, what expired in the range. */
export default function PointsLiabilityCard({ communityId, from, to }: PointsLiabilityCardProps) {
  const liability = useQuery(() => fetchPointsLiability(communityId, from, to), [communityId, from, to])
  return (
    <View className='qy-card'>
      <View className='qy-dashboard__card-title'>积分负债</View>
      {liability.loading && <LoadingView />}
      {liability.error && <ErrorView message={liability.error.message} onRetry={liability.reload} />}
      {liability.data && (
        <View className='qy-dashboard__grid'>
          <Metric label='未使用积分折合' value={`¥${fenToYuan(liability.data.liabilityFen)}`} hint={`${liability.data.outstandingPoints} 积分`} />
          <Metric label='区间内已过期' value={liability.data.expiredInRange} />
          <Metric label='30 天内将过期' value={liability.data.expiringWithin30Days} />
          <Metric label='90 天内将过期' value={liability.data.expiringWithin90Days} />
        </View>
      )}
    </View>
  )
}
