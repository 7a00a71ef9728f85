import { View } from '@tarojs/components'
import { useState } from 'react'
import { fetchCheckInCalendar, fetchCheckInRule } from '@/features/checkin/api'
import CheckInRuleSummary from '@/features/checkin/components/check-in-rule-summary'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import MemberGate from '@/features/membership/components/member-gate'
import MonthCalendar from '@/features/checkin/components/month-calendar'
import ActionButton from '@/shared/ui/action-button'
import { useMakeUpCheckIn } from '@/features/checkin/hooks/useMakeUpCheckIn'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { dayTitle, monthOf, shiftMonth, todayIn } from '@/shared/format/calendar'
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
  const { pendingDate, makeUp } = useMakeUpCheckIn(communityId, async () => {
    await Promise.all([state.refresh(), calendar.refresh()])
  })
  const offer = calendar.data?.makeUp
  const short = offer !== undefined && (state.membership?.points ?? 0) < offer.cost

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
              madeUpDays={calendar.data?.month === month ? calendar.data.madeUpDays : []}
              makeUpDays={offer?.days}
              onMakeUp={offer && !short ? (date) => void makeUp(date, offer) : undefined}
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

          {offer && offer.monthlyAllowance > 0 && (
            <>
              <View className='qy-section-title'>补签</View>
              <View className='qy-card qy-makeup'>
                <View className='qy-makeup__summary'>
                  本月还可补签 <View className='qy-makeup__em'>{offer.remaining}</View> / {offer.monthlyAllowance} 次
                  {offer.cost > 0 ? `，每次 ${offer.cost} 积分` : '，免费'}
                </View>
                {offer.days.length > 0 ? (
                  <>
                    <View className='qy-makeup__days'>
                      {offer.days.map((date) => (
                        <ActionButton
                          key={date}
                          size='small'
                          variant='secondary'
                          className='qy-makeup__day'
                          loading={pendingDate === date}
                          disabled={short || (pendingDate !== null && pendingDate !== date)}
                          onClick={() => void makeUp(date, offer)}
                        >
                          补签 {dayTitle(date)}
                        </ActionButton>
                      ))}
                    </View>
                    <View className={`qy-makeup__hint ${short ? 'is-short' : 'qy-muted'}`}>
                      {short
                        ? `积分不足：补签需要 ${offer.cost} 积分，当前 ${membership.points} 积分`
                        : `只能补最近 7 天的漏签；日历上标着「可补」的日子也可以点。当前积分 ${membership.points}`}
                    </View>
                  </>
                ) : (
                  <View className='qy-muted qy-makeup__hint'>
                    {offer.remaining === 0 ? '本月补签次数已用完，下个月 1 日恢复' : '最近 7 天没有漏签，继续保持！'}
                  </View>
                )}
              </View>
            </>
          )}

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
