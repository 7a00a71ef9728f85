import { View } from '@tarojs/components'
import { useState } from 'react'
import { fetchCheckInCalendar, fetchCheckInRule } from '@/api/checkin'
import CheckInRuleSummary from '@/components/check-in-rule-summary'
import ErrorView from '@/components/error-view'
import LoadingView from '@/components/loading-view'
import MemberGate from '@/components/member-gate'
import MonthCalendar from '@/components/month-calendar'
import { useMembership } from '@/hooks/useMembership'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useQuery } from '@/hooks/useQuery'
import { monthOf, shiftMonth, todayIn } from '@/utils/calendar'
import './index.css'

export default function CheckInCalendarPage() {
  const state = useMembership()
  const communityId = state.communityId ?? ''
  const active = state.membership?.status === 'ACTIVE'
  const today = todayIn(state.membership?.community.timezone ?? 'Asia/Shanghai')
  const [pickedMonth, setPickedMonth] = useState<string | null>(null)
  const month = pickedMonth ?? monthOf(today)

  const calendar = useQuery(() => fetchCheckInCalendar(communityId, month), [communityId, month], { enabled: active })
  const rule = useQuery(() => fetchCheckInRule(communityId), [communityId], { enabled: active })
  usePageRefresh(async () => {
    await state.refresh()
    await Promise.all([calendar.refresh(), rule.refresh()])
  })

  return (
    <MemberGate state={state}>
      {(membership) => (
        <View className='qy-page qy-checkin-calendar'>
          <View className='qy-card qy-checkin-calendar__stats'>
            <View className='qy-checkin-calendar__stat'>
              <View className='qy-checkin-calendar__stat-value'>{calendar.data?.streak ?? membership.streak}</View>
              <View className='qy-muted'>连续签到（天）</View>
            </View>
            <View className='qy-checkin-calendar__stat'>
              <View className='qy-checkin-calendar__stat-value qy-checkin-calendar__month-count'>
                {calendar.data ? calendar.data.days.length : '–'}
              </View>
              <View className='qy-muted'>本月签到（天）</View>
            </View>
            <View className='qy-checkin-calendar__stat'>
              <View className='qy-checkin-calendar__stat-value'>{membership.checkedInToday ? '已签' : '未签'}</View>
              <View className='qy-muted'>今日</View>
            </View>
          </View>

          <View className='qy-card'>
            <MonthCalendar
              month={month}
              today={today}
              checkedDays={calendar.data?.month === month ? calendar.data.days : []}
              onPrev={() => setPickedMonth(shiftMonth(month, -1))}
              onNext={month < monthOf(today) ? () => setPickedMonth(shiftMonth(month, 1)) : undefined}
            />
            {calendar.loading && <View className='qy-checkin-calendar__status'>加载中…</View>}
            {calendar.error && (
              <View className='qy-checkin-calendar__status is-error' onClick={() => void calendar.reload()}>
                {calendar.error.message}，点击重试
              </View>
            )}
          </View>

          <View className='qy-section-title'>签到规则</View>
          <View className='qy-card'>
            {rule.loading && <LoadingView />}
            {rule.error && <ErrorView message={rule.error.message} onRetry={rule.reload} />}
            {rule.data && <CheckInRuleSummary rule={rule.data} />}
          </View>
        </View>
      )}
    </MemberGate>
  )
}
