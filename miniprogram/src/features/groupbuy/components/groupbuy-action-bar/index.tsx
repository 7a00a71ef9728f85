import { View } from '@tarojs/components'
import type { GroupBuyEntry } from '@/features/groupbuy/api'
import ActionButton from '@/shared/ui/action-button'
import type { GroupBuyPhase } from '@/features/groupbuy/rules'
import { startsText } from '@/features/groupbuy/rules'
import './index.css'

interface GroupBuyActionBarProps {
  phase: GroupBuyPhase
  startsAt: string
  remaining: number
  myEntry: GroupBuyEntry | null
  onJoin: () => void
  onEdit: () => void
}

const CLOSED_TEXT: Partial<Record<GroupBuyPhase, string>> = {
  ended: '截团中',
  closed: '已截团',
  cancelled: '团购已取消',
  draft: '未发布',
}

/** Fixed at the bottom: 参与接龙, or my entry with 修改, or why nothing can be done now. */
export default function GroupBuyActionBar({ phase, startsAt, remaining, myEntry, onJoin, onEdit }: GroupBuyActionBarProps) {
  const mine = myEntry && (
    <View className='qy-gb-bar__mine'>
      <View className='qy-gb-bar__mine-title'>
        我已接龙 #{myEntry.seq} ×{myEntry.quantity}
      </View>
      {phase !== 'open' && <View className='qy-gb-bar__mine-note'>{myEntry.pickedUp ? '已取货' : '待取货'}</View>}
    </View>
  )

  let action = null
  if (phase === 'open' && myEntry) {
    action = (
      <ActionButton variant='secondary' onClick={onEdit}>
        修改 / 取消
      </ActionButton>
    )
  } else if (phase === 'open') {
    action = (
      <ActionButton className='qy-gb-bar__join' disabled={remaining === 0} onClick={onJoin}>
        {remaining === 0 ? '已抢光' : '参与接龙'}
      </ActionButton>
    )
  } else {
    action = (
      <ActionButton className='qy-gb-bar__join' disabled>
        {phase === 'upcoming' ? startsText(startsAt) : CLOSED_TEXT[phase]}
      </ActionButton>
    )
  }

  return (
    <View className='qy-gb-bar'>
      {mine}
      <View className={`qy-gb-bar__action ${mine ? '' : 'is-wide'}`}>{action}</View>
    </View>
  )
}
