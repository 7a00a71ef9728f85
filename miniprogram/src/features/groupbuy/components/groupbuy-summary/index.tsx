import { View } from '@tarojs/components'
import type { GroupBuy } from '@/features/groupbuy/api'
import GroupBuyPhase from '@/features/groupbuy/components/groupbuy-phase'
import PriceText from '@/shared/ui/price-text'
import { participantsText } from '@/features/groupbuy/rules'
import './index.css'

interface GroupBuySummaryProps {
  groupBuy: GroupBuy
  onPhaseEnd: () => void
}

/** Price, title, countdown and the numbers: left, taken, 成团 progress, per-member limit. */
export default function GroupBuySummary({ groupBuy, onPhaseEnd }: GroupBuySummaryProps) {
  const reached = groupBuy.participantCount >= groupBuy.minParticipants
  const facts = [
    { label: '剩余', value: groupBuy.remaining === 0 ? '已抢光' : `${groupBuy.remaining} 份`, tone: groupBuy.remaining === 0 ? 'is-danger' : '' },
    { label: '已接龙', value: `${groupBuy.soldQuantity} 份`, tone: '' },
    { label: '成团', value: participantsText(groupBuy), tone: reached ? 'is-reached' : '' },
    { label: '限购', value: groupBuy.perMemberLimit ? `每人 ${groupBuy.perMemberLimit} 份` : '不限', tone: '' },
  ]
  return (
    <View className='qy-card qy-gb-summary'>
      <View className='qy-gb-summary__price-row'>
        <PriceText priceFen={groupBuy.priceFen} originalPriceFen={groupBuy.originalPriceFen} size='large' />
      </View>
      <View className='qy-gb-summary__title'>{groupBuy.title}</View>
      <View className='qy-gb-summary__phase'>
        <GroupBuyPhase groupBuy={groupBuy} onPhaseEnd={onPhaseEnd} size='large' />
      </View>
      <View className='qy-gb-summary__facts'>
        {facts.map((fact) => (
          <View key={fact.label} className={`qy-gb-summary__fact ${fact.tone}`}>
            <View className='qy-gb-summary__fact-value'>{fact.value}</View>
            <View className='qy-gb-summary__fact-label'>{fact.label}</View>
          </View>
        ))}
      </View>
    </View>
  )
}
