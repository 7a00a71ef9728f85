import { View } from '@tarojs/components'
import type { GroupBuyDetail } from '@/features/groupbuy/api'
import { fenToYuan } from '@/shared/format/money'
import './index.css'

/** The counter's numbers: people, units, stock left, picked up, and the amount to collect. */
export default function GroupBuyStats({ groupBuy }: { groupBuy: GroupBuyDetail }) {
  const pickedUp = groupBuy.entries.filter((entry) => entry.pickedUp).length
  const stats = [
    { label: '参与人数', value: `${groupBuy.participantCount}/${groupBuy.minParticipants}` },
    { label: '已接龙（份）', value: String(groupBuy.soldQuantity) },
    { label: '剩余（份）', value: `${groupBuy.remaining}/${groupBuy.stock}` },
    { label: '已取货（人）', value: `${pickedUp}/${groupBuy.entries.length}` },
  ]
  return (
    <View className='qy-card qy-gb-stats'>
      <View className='qy-gb-stats__grid'>
        {stats.map((stat) => (
          <View key={stat.label} className='qy-gb-stats__item'>
            <View className='qy-gb-stats__value'>{stat.value}</View>
            <View className='qy-gb-stats__label'>{stat.label}</View>
          </View>
        ))}
      </View>
      <View className='qy-gb-stats__amount'>
        应收合计 <View className='qy-gb-stats__amount-value'>¥{fenToYuan(groupBuy.soldQuantity * groupBuy.priceFen)}</View>
      </View>
    </View>
  )
}
