import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { fetchModerationQueue, type ModerationItem, type ModerationItemStatus, moderateContent } from '@/features/moderation/admin/api'
import { contentStatusLabel, QUEUE_TABS, targetLabel } from '@/features/moderation/admin/labels'
import { reportReasonLabel } from '@/features/moderation/labels'
import { toastSuccess, toastText } from '@/platform/feedback'
import { messageOf } from '@/shared/graphql/errors'
import { formatDateTime } from '@/shared/format/format'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { useCursorList } from '@/shared/hooks/useCursorList'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import ListFooter from '@/shared/ui/list-footer'
import LoadingView from '@/shared/ui/loading-view'
import StatusTabs from '@/shared/ui/status-tabs'
import './index.css'

/** 内容审核: reported content and content WeChat's check sent to review; one tap hides or keeps it. */
export default function ModerationQueuePage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const [status, setStatus] = useState<ModerationItemStatus>('OPEN')
  const queue = useCursorList((after) => fetchModerationQueue(communityId, status, after), [communityId, status], { enabled: admin.isAdmin })
  const [busyId, setBusyId] = useState<string | null>(null)
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.isAdmin) await queue.refresh()
  })
  useReachBottom(() => void queue.loadMore())

  const decide = async (item: ModerationItem, hide: boolean) => {
    setBusyId(item.id)
    try {
      await moderateContent(communityId, item, hide)
      toastSuccess(hide ? '已隐藏' : '已恢复')
      await queue.refresh()
    } catch (error) {
      toastText(messageOf(error))
    } finally {
      setBusyId(null)
    }
  }

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page'>
          <StatusTabs tabs={QUEUE_TABS} value={status} onChange={(value) => setStatus(value as ModerationItemStatus)} />
          {queue.loading && <LoadingView />}
          {queue.error && <ErrorView message={queue.error.message} onRetry={queue.reload} />}
          {!queue.loading && !queue.error && queue.items?.length === 0 && (
            <EmptyView
              icon='审'
              tone='gray'
              title={status === 'OPEN' ? '没有待处理的内容' : '还没有处理过的内容'}
              description='群友举报的内容和微信内容安全检测需要人工复核的内容会出现在这里。'
            />
          )}
          {queue.items?.map((item) => (
            <View key={item.id} className='qy-card qy-moderation-item'>
              <View className='qy-moderation-item__head'>
                <View className='qy-moderation-item__kind'>{targetLabel(item)}</View>
                <View className={`qy-tag ${item.contentStatus === 'VISIBLE' ? '' : 'qy-tag--warning'}`}>{contentStatusLabel(item)}</View>
              </View>
              <View className='qy-moderation-item__excerpt'>{item.excerpt ?? '（内容已删除）'}</View>
              <View className='qy-muted'>作者：{item.author?.nickname || ANONYMOUS_NICKNAME}</View>
              <View className='qy-moderation-item__reasons'>
                {item.inReview && <View className='qy-moderation-item__reason'>微信检测：需人工复核</View>}
                {item.reportCount > 0 && <View className='qy-moderation-item__reason'>举报 {item.reportCount} 次</View>}
                {item.reasons.map((reason) => (
                  <View key={reason.reason} className='qy-moderation-item__reason'>
                    {reportReasonLabel(reason.reason)} ×{reason.count}
                  </View>
                ))}
              </View>
              <View className='qy-muted'>{formatDateTime(item.updatedAt)}</View>
              {item.excerpt !== null && (
                <View className='qy-moderation-item__actions'>
                  {item.contentStatus === 'HIDDEN' ? (
                    <ActionButton variant='secondary' size='small' loading={busyId === item.id} onClick={() => void decide(item, false)}>
                      恢复显示
                    </ActionButton>
                  ) : (
                    <>
                      {item.status === 'OPEN' && (
                        <ActionButton variant='secondary' size='small' loading={busyId === item.id} onClick={() => void decide(item, false)}>
                          {item.contentStatus === 'REVIEW' ? '通过' : '保留'}
                        </ActionButton>
                      )}
                      <ActionButton variant='danger' size='small' loading={busyId === item.id} onClick={() => void decide(item, true)}>
                        隐藏
                      </ActionButton>
                    </>
                  )}
                </View>
              )}
            </View>
          ))}
          {(queue.items?.length ?? 0) > 0 && <ListFooter loadingMore={queue.loadingMore} error={queue.loadMoreError} hasNextPage={queue.hasNextPage} onRetry={() => void queue.loadMore()} />}
        </View>
      )}
    </AdminGate>
  )
}
