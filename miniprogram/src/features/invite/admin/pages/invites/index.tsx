import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { useEffect, useState } from 'react'
import type { JoinPolicy } from '@/features/community/api'
import { messageOf } from '@/shared/graphql/errors'
import { fetchInviteOverview, type ReferralStatus, setJoinPolicy, setReferralRule } from '@/features/invite/admin/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import EntryFeeCard from '@/features/payment/admin/components/entry-fee-card'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { parseWhole } from '@/shared/format/number-text'
import ActionButton from '@/shared/ui/action-button'
import Avatar from '@/shared/ui/avatar'
import ChoiceList from '@/shared/ui/choice-list'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import FormField from '@/shared/ui/form-field'
import LoadingView from '@/shared/ui/loading-view'
import { JOIN_POLICY_OPTIONS } from '@/features/community/labels'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { alertMessage, confirmAction, toastSuccess } from '@/platform/feedback'
import { formatDateTime } from '@/shared/format/format'
import './index.css'

const STATUS_LABELS: Record<ReferralStatus, string> = { PENDING: '未签到', REWARDED: '已奖励', CAPPED: '超出当日上限' }

/** Admin: how members join (邀请制 among them), the referral reward, who invited whom and the leaderboard. */
export default function AdminInvitesPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const overview = useQuery(() => fetchInviteOverview(communityId), [communityId], { enabled: admin.allowed })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await overview.refresh()
  })
  const [points, setPoints] = useState('')
  const [dailyLimit, setDailyLimit] = useState('')
  const [saving, setSaving] = useState(false)
  const rule = overview.data?.referralRule
  useEffect(() => {
    if (!rule) return
    setPoints(String(rule.points))
    setDailyLimit(String(rule.dailyLimit))
  }, [rule?.points, rule?.dailyLimit])

  const saveRule = async () => {
    const p = parseWhole(points)
    const d = parseWhole(dailyLimit)
    if (p === null || d === null) return void alertMessage('奖励积分和每日人数请填写整数', '还不能保存')
    setSaving(true)
    try {
      const saved = await setReferralRule(communityId, { points: p, dailyLimit: d })
      overview.setData((data) => data && { ...data, referralRule: saved })
      toastSuccess('邀请奖励已保存')
    } catch (caught) {
      void alertMessage(messageOf(caught), '保存失败')
    } finally {
      setSaving(false)
    }
  }

  const changePolicy = async (joinPolicy: JoinPolicy) => {
    const option = JOIN_POLICY_OPTIONS.find((o) => o.value === joinPolicy)!
    if (!(await confirmAction({ title: `改为「${option.label}」？`, content: option.hint ?? '', confirmText: '修改' }))) return
    try {
      const community = await setJoinPolicy(communityId, joinPolicy)
      admin.setData((membership) => membership && { ...membership, community })
      toastSuccess('入群方式已修改')
    } catch (caught) {
      void alertMessage(messageOf(caught), '修改失败')
    }
  }

  return (
    <AdminGate admin={admin}>
      {({ community }) => (
        <View className='qy-page qy-admin-invites'>
          <View className='qy-section-title'>入群方式</View>
          <View className='qy-card'>
            <ChoiceList options={JOIN_POLICY_OPTIONS} value={community.joinPolicy} onChange={(value) => void changePolicy(value)} />
          </View>

          <View className='qy-section-title'>入群费</View>
          <EntryFeeCard
            communityId={community.id}
            entryFeeFen={community.entryFeeFen}
            onSaved={(entryFeeFen) => admin.setData((membership) => membership && { ...membership, community: { ...membership.community, entryFeeFen } })}
          />

          {overview.loading && <LoadingView />}
          {overview.error && <ErrorView message={overview.error.message} onRetry={overview.reload} />}
          {overview.data && (
            <>
              <View className='qy-section-title'>邀请奖励</View>
              <View className='qy-card'>
                <FormField label='每邀请 1 人奖励积分' required hint='好友通过邀请加入、完成第一次签到后发给邀请人；填 0 不奖励'>
                  <Input className='qy-field__input' type='number' value={points} onInput={(event) => setPoints(event.detail.value)} />
                </FormField>
                <FormField label='每人每天最多奖励人数' required hint='防刷：同一邀请人当天超出的部分不再奖励'>
                  <Input className='qy-field__input' type='number' value={dailyLimit} onInput={(event) => setDailyLimit(event.detail.value)} />
                </FormField>
                <ActionButton loading={saving} onClick={() => void saveRule()}>
                  保存邀请奖励
                </ActionButton>
              </View>

              <View className='qy-section-title'>邀请排行</View>
              <View className='qy-card'>
                {overview.data.inviteLeaderboard.length === 0 ? (
                  <EmptyView title='还没有人邀请过好友' />
                ) : (
                  overview.data.inviteLeaderboard.map((row) => (
                    <View key={row.member.id} className='qy-admin-invites__row qy-admin-invites__leader'>
                      <View className='qy-admin-invites__rank'>{row.rank}</View>
                      <Avatar name={row.member.nickname} url={row.member.avatarUrl} size='small' />
                      <View className='qy-admin-invites__body'>
                        <View className='qy-ellipsis'>{row.member.nickname ?? '未设置昵称'}</View>
                        <View className='qy-muted'>
                          邀请 {row.invited} 人 · 已签到 {row.checkedIn} 人
                        </View>
                      </View>
                      <View className='qy-admin-invites__points'>+{row.points}</View>
                    </View>
                  ))
                )}
              </View>

              <View className='qy-section-title'>邀请记录</View>
              <View className='qy-card'>
                {overview.data.referrals.length === 0 ? (
                  <EmptyView title='还没有通过邀请加入的成员' />
                ) : (
                  overview.data.referrals.map((row) => (
                    <View key={row.id} className='qy-admin-invites__row qy-admin-invites__referral'>
                      <View className='qy-admin-invites__body'>
                        <View className='qy-ellipsis'>
                          {row.inviter.nickname ?? '未设置昵称'} → {row.invitee.nickname ?? '未设置昵称'}
                        </View>
                        <View className='qy-muted'>{formatDateTime(row.createdAt)} 加入</View>
                      </View>
                      <View className={`qy-admin-invites__status is-${row.status.toLowerCase()}`}>
                        {STATUS_LABELS[row.status]}
                        {row.points > 0 ? ` +${row.points}` : ''}
                      </View>
                    </View>
                  ))
                )}
              </View>
            </>
          )}
        </View>
      )}
    </AdminGate>
  )
}
