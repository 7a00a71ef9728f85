import { View } from '@tarojs/components'
import { fetchCheckInRule } from '@/features/checkin/api'
import type { Member } from '@/features/membership/api'
import { useCheckIn } from '@/features/checkin/hooks/useCheckIn'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { bonusOn, cycleDays } from '@/features/checkin/rules'
import ActionButton from '@/shared/ui/action-button'
import CheckInResult from '@/features/checkin/components/check-in-result'
import StreakStrip from '@/features/checkin/components/streak-strip'
import './index.css'

interface CheckInPanelProps {
  communityId: string
  member: Pick<Member, 'streak' | 'checkedInToday'>
  /** After a check-in (or "already checked in"): the member card's points changed. */
  onCheckedIn: () => void
}

/** The home page's check-in block: the cycle strip, the big button and the result sheet. */
export default function CheckInPanel({ communityId, member, onCheckedIn }: CheckInPanelProps) {
  const rule = useQuery(() => fetchCheckInRule(communityId), [communityId])
  usePageRefresh(rule.refresh)
  const { pending, outcome, checkIn, dismiss } = useCheckIn(communityId, onCheckedIn)

  const days = rule.data ? cycleDays(rule.data, member.streak, member.checkedInToday) : []
  const today = days.find((day) => day.today)
  const todayBonus = rule.data && today && !member.checkedInToday ? bonusOn(rule.data, today.day) : 0

  return (
    <View className='qy-card qy-checkin-panel'>
      <View className='qy-checkin-panel__head'>
        <View className='qy-checkin-panel__title'>每日签到</View>
        <View className='qy-checkin-panel__streak'>
          已连续签到 <View className='qy-checkin-panel__streak-value'>{member.streak}</View> 天
        </View>
      </View>
      {days.length > 0 && <StreakStrip days={days} />}
      {rule.error && !rule.data && (
        <View className='qy-checkin-panel__rule-error' onClick={() => void rule.reload()}>
          签到规则加载失败，点击重试
        </View>
      )}
      <ActionButton
        className='qy-checkin-panel__button'
        disabled={member.checkedInToday}
        loading={pending}
        onClick={() => void checkIn()}
      >
        {member.checkedInToday ? '今日已签到' : todayBonus ? `签到 · 今天额外 +${todayBonus}` : '签到'}
      </ActionButton>
      {outcome && <CheckInResult outcome={outcome} onClose={dismiss} />}
    </View>
  )
}
