import { Button, View } from '@tarojs/components'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { fetchCouponTemplates } from '@/features/coupons/template-api'
import { isErrorResult, messageOf } from '@/shared/graphql/errors'
import { type DormantMember, fetchDormantMembers, grantCoupon, removeMembers } from '@/features/health/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { DORMANT_STEPS, greetingFor } from '@/features/health/dashboard'
import ActionButton from '@/shared/ui/action-button'
import Avatar from '@/shared/ui/avatar'
import BottomSheet from '@/shared/ui/bottom-sheet'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import ListFooter from '@/shared/ui/list-footer'
import LoadingView from '@/shared/ui/loading-view'
import StatusTabs from '@/shared/ui/status-tabs'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { useCommunityShare } from '@/features/community/hooks/useCommunityShare'
import { useCursorList } from '@/shared/hooks/useCursorList'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { alertMessage, confirmAction, toastSuccess } from '@/platform/feedback'
import { fenToYuan } from '@/shared/format/money'
import { IS_WEAPP } from '@/platform/wechat'
import { newRequestId } from '@/shared/request-id'
import './index.css'
import { copyText } from '@/platform/clipboard'

type Bucket = '7' | '15' | '30'
const TABS = DORMANT_STEPS.map((step) => ({ value: String(step.days) as Bucket, label: step.title }))
const nameOf = (row: DormantMember) => row.member.nickname || ANONYMOUS_NICKNAME

/** The three-step wake-up: pick silent members, then greet them, send a perk, or remove them. */
export default function DormantMembersPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const community = admin.isAdmin ? admin.membership?.community : null
  useCommunityShare(community)
  const { params } = useRouter()
  const [bucket, setBucket] = useState<Bucket>((['7', '15', '30'].includes(params.days ?? '') ? params.days : '7') as Bucket)
  const step = DORMANT_STEPS.find((item) => String(item.days) === bucket)!
  const list = useCursorList((after) => fetchDormantMembers(communityId, Number(bucket), after), [communityId, bucket], { enabled: admin.isAdmin })
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [perkSheet, setPerkSheet] = useState(false)
  const [busy, setBusy] = useState<'perk' | 'remove' | null>(null)
  const templates = useQuery(() => fetchCouponTemplates(communityId), [communityId], { enabled: perkSheet })

  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.isAdmin) await list.refresh()
  })
  useReachBottom(() => void list.loadMore())

  const rows = list.items ?? []
  const chosen = rows.filter((row) => selected.has(row.member.id))
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const switchBucket = (value: Bucket) => {
    setBucket(value)
    setSelected(new Set())
  }
  const allSelected = rows.length > 0 && chosen.length === rows.length

  const copyGreeting = async () => {
    await copyText(greetingFor(chosen.map(nameOf), community?.name ?? '社群'))
    toastSuccess('问候语已复制，去群里粘贴吧')
  }

  const sendPerk = async (templateId: string, title: string) => {
    const confirmed = await confirmAction({ title: '送福利券', content: `给 ${chosen.length} 位成员各送一张「${title}」（不扣积分）？`, confirmText: '送出' })
    if (!confirmed) return
    setBusy('perk')
    try {
      const result = await grantCoupon(communityId, templateId, chosen.map((row) => row.member.id), newRequestId())
      if (isErrorResult(result)) {
        void alertMessage(result.message, '没有送出')
      } else {
        setPerkSheet(false)
        setSelected(new Set())
        void alertMessage(`已给 ${result.grantedCount} 位成员各送一张「${result.template.title}」，TA 们在「我的优惠券」里可以看到。`, '已送出')
      }
    } catch (caught) {
      void alertMessage(messageOf(caught), '没有送出')
    } finally {
      setBusy(null)
    }
  }

  const remove = async () => {
    const confirmed = await confirmAction({
      title: '移出社群',
      content: `把 ${chosen.map(nameOf).join('、')} 移出社群？TA 们以后仍可重新加入。`,
      confirmText: '移出',
      danger: true,
    })
    if (!confirmed) return
    setBusy('remove')
    try {
      const result = await removeMembers(communityId, chosen.map((row) => row.member.id))
      if (isErrorResult(result)) {
        void alertMessage(result.message, '没有移出')
      } else {
        setSelected(new Set())
        toastSuccess(`已移出 ${result.removedCount} 人`)
        void list.refresh()
      }
    } catch (caught) {
      void alertMessage(messageOf(caught), '没有移出')
    } finally {
      setBusy(null)
    }
  }

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page qy-dormant'>
          <StatusTabs tabs={TABS} value={bucket} onChange={switchBucket} />
          <View className='qy-card qy-dormant__intro'>
            <View className='qy-dormant__intro-title'>
              {step.title} · {step.action}
            </View>
            <View className='qy-muted'>{step.hint}</View>
          </View>
          {list.loading && <LoadingView />}
          {list.error && <ErrorView message={list.error.message} onRetry={list.reload} />}
          {!list.loading && !list.error && rows.length === 0 && (
            <EmptyView icon='睡' tone='green' title='没有沉默成员' description={`所有成员最近 ${bucket} 天内都来过，社群很活跃！`} />
          )}
          {rows.length > 0 && (
            <View className='qy-dormant__select-all' onClick={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.member.id)))}>
              <View className={`qy-dormant__check ${allSelected ? 'is-checked' : ''}`} />
              全选（已选 {chosen.length} / 共 {rows.length} 人）
            </View>
          )}
          {rows.map((row) => (
            <View key={row.member.id} className='qy-card qy-dormant__row' onClick={() => toggle(row.member.id)}>
              <View className={`qy-dormant__check ${selected.has(row.member.id) ? 'is-checked' : ''}`} />
              <Avatar name={nameOf(row)} url={row.member.avatarUrl} size='small' />
              <View className='qy-dormant__row-body'>
                <View className='qy-dormant__name qy-ellipsis'>{nameOf(row)}</View>
                <View className='qy-muted'>{row.lastActiveAt ? `已沉默 ${row.silentDays} 天` : `加入 ${row.silentDays} 天，还没来过`}</View>
              </View>
            </View>
          ))}
          {rows.length > 0 && <ListFooter loadingMore={list.loadingMore} error={list.loadMoreError} hasNextPage={list.hasNextPage} onRetry={() => void list.loadMore()} />}

          {chosen.length > 0 && (
            <View className='qy-dormant__actions'>
              <ActionButton size='small' variant='secondary' onClick={() => void copyGreeting()}>
                复制问候语
              </ActionButton>
              {IS_WEAPP && (
                <Button className='qy-dormant__share' openType='share' size='mini'>
                  发卡片到群
                </Button>
              )}
              <ActionButton size='small' loading={busy === 'perk'} onClick={() => setPerkSheet(true)}>
                送福利券
              </ActionButton>
              <ActionButton size='small' variant='danger' loading={busy === 'remove'} onClick={() => void remove()}>
                移出
              </ActionButton>
            </View>
          )}

          {perkSheet && (
            <BottomSheet title={`送给 ${chosen.length} 位成员`} onClose={() => setPerkSheet(false)}>
              {templates.loading && <LoadingView />}
              {templates.error && <ErrorView message={templates.error.message} onRetry={templates.reload} />}
              {templates.data?.length === 0 && <EmptyView icon='券' tone='gray' title='还没有可送的券' description='先到「优惠券管理」上新一张券。' />}
              {templates.data?.map((template) => (
                <View key={template.id} className='qy-dormant__template' onClick={() => busy === null && void sendPerk(template.id, template.title)}>
                  <View className='qy-dormant__template-title'>{template.title}</View>
                  <View className='qy-muted'>
                    ¥{fenToYuan(template.faceValueFen)} · {template.remaining === null ? '不限量' : `剩 ${template.remaining} 张`}
                  </View>
                </View>
              ))}
            </BottomSheet>
          )}
        </View>
      )}
    </AdminGate>
  )
}
