import { View } from '@tarojs/components'
import type { CommunityStats, DormantSummary } from '@/features/health/api'
import DailyChart from '@/features/health/components/daily-chart'
import { DORMANT_STEPS, percentText } from '@/features/health/dashboard'
import { fenToYuan } from '@/shared/format/money'
import './index.css'

interface CommunityDashboardProps {
  stats: CommunityStats
  dormant: DormantSummary
  onOpenDormant: (days: number) => void
}

export function Metric({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <View className='qy-dashboard__metric'>
      <View className='qy-dashboard__metric-value'>{value}</View>
      <View className='qy-dashboard__metric-label'>{label}</View>
      {hint && <View className='qy-dashboard__metric-hint'>{hint}</View>}
    </View>
  )
}

/** 社群数据: today, the range's numbers and charts, the redemption funnel and the dormant buckets. */
export default function CommunityDashboard({ stats, dormant, onOpenDormant }: CommunityDashboardProps) {
  const today = stats.days[stats.days.length - 1]
  const usedShare = stats.couponsIssued === 0 ? 0 : stats.couponsUsed / stats.couponsIssued
  return (
    <View className='qy-dashboard'>
      <View className='qy-card qy-dashboard__today'>
        <View className='qy-dashboard__card-title'>今日</View>
        <View className='qy-dashboard__row'>
          <Metric label='签到' value={today?.checkIns ?? 0} />
          <Metric label='活跃成员' value={today?.activeMembers ?? 0} />
          <Metric label='新成员' value={today?.newMembers ?? 0} />
          <Metric label='核销' value={today?.couponsUsed ?? 0} />
        </View>
      </View>

      <View className='qy-card'>
        <View className='qy-dashboard__card-title'>
          {stats.from} 至 {stats.to}
        </View>
        <View className='qy-dashboard__grid'>
          <Metric label='成员总数' value={stats.totalMembers} />
          <Metric label='活跃成员' value={stats.activeMembers} hint={stats.totalMembers ? `占 ${percentText(stats.activeMembers / stats.totalMembers)}` : undefined} />
          <Metric label='新成员' value={stats.newMembers} hint={stats.joinsByInvite ? `其中邀请加入 ${stats.joinsByInvite}` : undefined} />
          <Metric label='签到率' value={percentText(stats.checkInRate)} hint={`${stats.checkIns} 次签到`} />
          <Metric label='新人 7 日留存' value={percentText(stats.retention7)} hint={stats.retention7 === null ? (stats.days.length <= 7 ? '选 30 天以上可看留存' : '区间内暂无新人') : undefined} />
          <Metric label='待审核申请' value={stats.pendingApplications} />
          <Metric label='发放积分' value={stats.pointsIssued} />
          <Metric label='消耗积分' value={stats.pointsSpent} />
          <Metric label='活动报名' value={stats.signups} />
          <Metric label='团购参与' value={stats.groupBuyParticipants} hint={`¥${fenToYuan(stats.groupBuyAmountFen)}`} />
        </View>
      </View>

      <DailyChart canvasId='qy-chart-checkins' title='每日签到' kind='bar' color='#07c160' emptyText='这段时间还没有人签到' data={stats.days.map((day) => ({ date: day.date, value: day.checkIns }))} />
      <DailyChart canvasId='qy-chart-active' title='每日活跃成员' kind='line' color='#3370ff' emptyText='这段时间还没有活跃记录' data={stats.days.map((day) => ({ date: day.date, value: day.activeMembers }))} />

      <View className='qy-card qy-dashboard__funnel'>
        <View className='qy-dashboard__card-title'>优惠券核销漏斗</View>
        <View className='qy-dashboard__funnel-step'>
          <View className='qy-dashboard__funnel-label'>发出</View>
          <View className='qy-dashboard__funnel-bar'>
            <View className='qy-dashboard__funnel-fill' style={{ width: stats.couponsIssued ? '100%' : '0%' }} />
          </View>
          <View className='qy-dashboard__funnel-value'>{stats.couponsIssued} 张</View>
        </View>
        <View className='qy-dashboard__funnel-step'>
          <View className='qy-dashboard__funnel-label'>核销</View>
          <View className='qy-dashboard__funnel-bar'>
            <View className='qy-dashboard__funnel-fill qy-dashboard__funnel-fill--used' style={{ width: `${Math.min(usedShare, 1) * 100}%` }} />
          </View>
          <View className='qy-dashboard__funnel-value'>{stats.couponsUsed} 张</View>
        </View>
        <View className='qy-dashboard__funnel-rate'>核销率 {percentText(stats.redemptionRate)}</View>
      </View>

      <View className='qy-section-title'>沉默成员唤醒</View>
      {DORMANT_STEPS.map((step) => (
        <View key={step.days} className='qy-card qy-dashboard__dormant' hoverClass='is-pressed' onClick={() => onOpenDormant(step.days)}>
          <View className='qy-dashboard__dormant-count'>{dormant[step.key]}</View>
          <View className='qy-dashboard__dormant-body'>
            <View className='qy-dashboard__dormant-title'>
              {step.title} · {step.action}
            </View>
            <View className='qy-muted'>{step.hint}</View>
          </View>
          <View className='qy-nav-row__arrow' />
        </View>
      ))}
    </View>
  )
}
