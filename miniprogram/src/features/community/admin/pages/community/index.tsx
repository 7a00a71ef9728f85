import { View } from '@tarojs/components'
import { useState } from 'react'
import { exportCommunityStats, fetchDashboard } from '@/features/health/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import CommunityDashboard from '@/features/health/components/community-dashboard'
import PointsLiabilityCard from '@/features/points/admin/components/points-liability-card'
import ExportBar from '@/features/exports/components/export-bar'
import GroupBindingCard from '@/features/community/admin/components/group-binding-card'
import InviteCard from '@/features/invite/admin/components/invite-card'
import NavRow from '@/shared/ui/nav-row'
import NotificationStatsCard from '@/features/notifications/admin/components/notification-stats'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { useGroupBinding } from '@/features/community/admin/hooks/useGroupBinding'
import { type DashboardRange, RANGE_TABS, rangeEndingOn } from '@/features/health/dashboard'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import RoleBadge from '@/features/membership/components/role-badge'
import StatusTabs from '@/shared/ui/status-tabs'
import { categoryLabel, joinPolicyLabel } from '@/features/community/labels'
import { useCommunityShare } from '@/features/community/hooks/useCommunityShare'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { todayIn } from '@/shared/format/calendar'
import { openPage, routes } from '@/shared/routes'
import './index.css'

export default function AdminCommunityPage() {
  const admin = useAdminCommunity()
  const community = admin.isAdmin ? admin.membership?.community : null
  useCommunityShare(community)
  const [range, setRange] = useState<DashboardRange>('7')
  const period = rangeEndingOn(todayIn(community?.timezone ?? 'Asia/Shanghai'), Number(range))
  const dashboard = useQuery(() => fetchDashboard(admin.communityId ?? '', period.from, period.to), [admin.communityId, period.from, period.to], {
    enabled: Boolean(community),
  })
  usePageRefresh(async () => {
    await admin.refresh()
    if (community) await dashboard.refresh()
  })
  const groupBinding = useGroupBinding(admin.communityId, (updated) =>
    admin.setData((membership) => membership && { ...membership, community: updated }),
  )

  return (
    <AdminGate admin={admin}>
      {({ community: { id, name, category, joinPolicy, memberCount, joinCode, boundGroupCount }, role }) => (
        <View className='qy-page'>
          <View className='qy-card qy-admin-overview'>
            <View className='qy-admin-overview__head'>
              <View className='qy-admin-overview__name'>{name}</View>
              <RoleBadge role={role} />
            </View>
            <View className='qy-admin-overview__tags'>
              <View className='qy-tag'>{categoryLabel(category)}</View>
              <View className='qy-tag qy-tag--gray'>{joinPolicyLabel(joinPolicy)}</View>
            </View>
            <View className='qy-admin-overview__stats'>
              <View className='qy-admin-overview__stat'>
                <View className='qy-admin-overview__stat-value'>{memberCount}</View>
                <View className='qy-muted'>成员</View>
              </View>
              <View className='qy-admin-overview__stat'>
                <View className='qy-admin-overview__stat-value'>{boundGroupCount}</View>
                <View className='qy-muted'>绑定群</View>
              </View>
            </View>
          </View>

          <View className='qy-section-title'>社群数据</View>
          <StatusTabs tabs={RANGE_TABS} value={range} onChange={setRange} />
          {dashboard.loading && <LoadingView />}
          {dashboard.error && <ErrorView message={dashboard.error.message} onRetry={dashboard.reload} />}
          {dashboard.data && (
            <CommunityDashboard stats={dashboard.data.stats} dormant={dashboard.data.dormant} onOpenDormant={(days) => openPage(routes.adminDormant(id, days))} />
          )}
          {dashboard.data && (
            <ExportBar
              title='导出数据'
              hint={`导出 ${period.from} 至 ${period.to} 的每日数据与汇总。`}
              exportFile={(format) => exportCommunityStats(id, period.from, period.to, format)}
            />
          )}
          {dashboard.data && <PointsLiabilityCard communityId={id} from={period.from} to={period.to} />}
          <NotificationStatsCard communityId={id} />

          <View className='qy-section-title'>成员</View>
          <NavRow title='成员管理' value={`${memberCount} 人`} onClick={() => openPage(routes.adminMembers(id))} />
          <NavRow title='邀请与入群方式' value={joinPolicyLabel(joinPolicy)} onClick={() => openPage(routes.adminInvites(id))} />
          <NavRow title='群活码' value='满员自动换群' onClick={() => openPage(routes.adminGroupCodes(id))} />
          <NavRow title='操作日志' value='谁在什么时候做了什么' onClick={() => openPage(routes.adminAuditLog(id))} />
          <NavRow title='内容审核' value='举报与待复核的内容' onClick={() => openPage(routes.adminModeration(id))} />

          <View className='qy-section-title'>积分与优惠券</View>
          <NavRow title='核销优惠券' value='扫码或输入券码' onClick={() => openPage(routes.adminWriteOff(id))} />
          <NavRow title='调整积分' value='给成员加减积分' onClick={() => openPage(routes.adminPointsAdjust(id))} />
          <NavRow title='签到规则' value='每日积分与连签奖励' onClick={() => openPage(routes.adminCheckInRule(id))} />
          <NavRow title='会员等级' value='等级门槛与倍数' onClick={() => openPage(routes.adminTiers(id))} />
          <NavRow title='优惠券管理' value='上新、编辑、上下架' onClick={() => openPage(routes.adminCouponTemplates(id))} />
          <NavRow title='已发放的券' value='查看与作废' onClick={() => openPage(routes.adminCoupons(id))} />

          <View className='qy-section-title'>入群与活动</View>
          <NavRow title='入群问卷' value='题目、分值与自动通过' onClick={() => openPage(routes.adminQuestionnaire(id))} />
          <NavRow title='入群申请' value='审核问卷申请' onClick={() => openPage(routes.adminApplications(id))} />
          <NavRow title='入群费订单' value='支付、退款与导出' onClick={() => openPage(routes.adminPaymentOrders(id))} />
          <NavRow title='团购接龙' value='发布、截团、导出' onClick={() => openPage(routes.adminGroupBuys(id))} />
          <NavRow title='活动报名' value='报名表、名单、导出' onClick={() => openPage(routes.adminSignups(id))} />

          <InviteCard community={{ joinCode, joinPolicy }} />

          <GroupBindingCard
            boundGroupCount={boundGroupCount}
            openedFromGroup={groupBinding.openedFromGroup}
            binding={groupBinding.binding}
            onBind={() => void groupBinding.bind()}
            groups={groupBinding.groups}
            onUnbind={(group) => void groupBinding.unbind(group)}
          />
        </View>
      )}
    </AdminGate>
  )
}
