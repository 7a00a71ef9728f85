import { View } from '@tarojs/components'
import type { GroupBuy } from '@/features/groupbuy/api'
import { GROUP_BUY_OUTCOME_LABELS, GROUP_BUY_STATUS_LABELS } from '@/features/groupbuy/labels'
import { countdownTarget, groupBuyPhase, startsText } from '@/features/groupbuy/rules'
import Countdown from '@/features/groupbuy/components/countdown'
import './index.css'

interface GroupBuyPhaseProps {
  groupBuy: Pick<GroupBuy, 'status' | 'outcome' | 'startsAt' | 'endsAt'>
  /** The countdown ran out: fetch again (the server closes or opens it). */
  onPhaseEnd?: () => void
  size?: 'small' | 'large'
}

/** 距截团 01:02:03 · 未开始 · 已截团 + 已成团/未成团 · 已取消 · 草稿 */
export default function GroupBuyPhase({ groupBuy, onPhaseEnd, size = 'small' }: GroupBuyPhaseProps) {
  const phase = groupBuyPhase(groupBuy, Date.now())
  const target = countdownTarget(groupBuy, phase)
  if (phase === 'open' && target) return <Countdown target={target} label='距截团' onEnd={onPhaseEnd} size={size} />
  if (phase === 'upcoming' && target) {
    return (
      <View className='qy-gb-phase'>
        <View className='qy-tag qy-tag--warning'>未开始</View>
        {size === 'large' ? (
          <Countdown target={target} label='距开团' onEnd={onPhaseEnd} size={size} />
        ) : (
          <View className='qy-gb-phase__text'>{startsText(groupBuy.startsAt)}</View>
        )}
      </View>
    )
  }
  if (phase === 'ended') {
    return (
      <View className='qy-gb-phase'>
        <View className='qy-tag qy-tag--gray'>截团中</View>
      </View>
    )
  }
  if (phase === 'closed') {
    return (
      <View className='qy-gb-phase'>
        <View className='qy-tag qy-tag--gray'>{GROUP_BUY_STATUS_LABELS.CLOSED}</View>
        {groupBuy.outcome && (
          <View className={`qy-tag ${groupBuy.outcome === 'SUCCEEDED' ? '' : 'qy-tag--danger'}`}>
            {GROUP_BUY_OUTCOME_LABELS[groupBuy.outcome]}
          </View>
        )}
      </View>
    )
  }
  return (
    <View className='qy-gb-phase'>
      <View className={`qy-tag ${phase === 'cancelled' ? 'qy-tag--danger' : 'qy-tag--gray'}`}>
        {GROUP_BUY_STATUS_LABELS[groupBuy.status]}
      </View>
    </View>
  )
}
