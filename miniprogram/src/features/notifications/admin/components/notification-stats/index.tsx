import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { fetchNotificationStats } from '@/features/notifications/admin/api'
import { useQuery } from '@/shared/hooks/useQuery'
import './index.css'

/**
 * 订阅消息 deliveries of the community: a compact block for the admin home (to move onto the
 * dashboard when it lands). Every message is also in the member's 消息 inbox.
 */
export default function NotificationStatsCard({ communityId }: { communityId: string }) {
  const stats = useQuery(() => fetchNotificationStats(communityId), [communityId])
  useDidShow(() => void stats.refresh())
  const numbers = stats.data
  const cells = [
    { label: '已送达', value: numbers?.sent, tone: 'is-ok' },
    { label: '未订阅', value: numbers?.skippedNoConsent, tone: '' },
    { label: '发送失败', value: numbers?.failed, tone: numbers?.failed ? 'is-bad' : '' },
    { label: '待发送', value: numbers?.pending, tone: '' },
  ]
  return (
    <View className='qy-card qy-notify-stats'>
      <View className='qy-notify-stats__head'>
        <View className='qy-notify-stats__title'>订阅消息</View>
        <View className='qy-notify-stats__hint'>{stats.error ? '统计暂时加载失败' : '团购结果 · 到期提醒 · 审核 · 候补'}</View>
      </View>
      <View className='qy-notify-stats__grid'>
        {cells.map((cell) => (
          <View key={cell.label} className='qy-notify-stats__item'>
            <View className={`qy-notify-stats__value ${cell.tone}`}>{cell.value ?? '–'}</View>
            <View className='qy-notify-stats__label'>{cell.label}</View>
          </View>
        ))}
      </View>
      <View className='qy-notify-stats__note'>
        {numbers && numbers.inboxOnly > 0 ? `另有 ${numbers.inboxOnly} 条未配置微信模板，仅在站内「消息」中。` : '未订阅的成员也能在小程序「消息」里看到每一条。'}
      </View>
    </View>
  )
}
