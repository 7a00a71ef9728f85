import { View } from '@tarojs/components'
import { Image } from '@/shared/ui/form-controls'
import type { GroupBuy } from '@/features/groupbuy/api'
import { participantsText } from '@/features/groupbuy/rules'
import GroupBuyPhase from '@/features/groupbuy/components/groupbuy-phase'
import PriceText from '@/shared/ui/price-text'
import './index.css'

interface GroupBuyCardProps {
  groupBuy: GroupBuy
  onClick: () => void
  onPhaseEnd?: () => void
}

/** A group-buy in a list: first image, title, price, stock left, countdown or state, 成团 progress. */
export default function GroupBuyCard({ groupBuy, onClick, onPhaseEnd }: GroupBuyCardProps) {
  const cover = groupBuy.images[0]
  const reached = groupBuy.participantCount >= groupBuy.minParticipants
  return (
    <View className='qy-card qy-gb-card' hoverClass='is-pressed' onClick={onClick}>
      {cover ? (
        <Image className='qy-gb-card__cover' src={cover} mode='aspectFill' lazyLoad alt='' />
      ) : (
        <View className='qy-gb-card__cover qy-gb-card__cover--empty'>团</View>
      )}
      <View className='qy-gb-card__body'>
        <View className='qy-gb-card__title'>{groupBuy.title}</View>
        <PriceText priceFen={groupBuy.priceFen} originalPriceFen={groupBuy.originalPriceFen} />
        <View className='qy-gb-card__facts'>
          <View className={groupBuy.remaining === 0 ? 'qy-gb-card__sold-out' : ''}>
            {groupBuy.remaining === 0 ? '已抢光' : `剩余 ${groupBuy.remaining} 份`}
          </View>
          <View className={reached ? 'qy-gb-card__reached' : ''}>{participantsText(groupBuy)}</View>
        </View>
        <GroupBuyPhase groupBuy={groupBuy} onPhaseEnd={onPhaseEnd} />
      </View>
    </View>
  )
}
