import { useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { type InboxMessage, fetchMyMessages, markMessagesRead } from '@/features/notifications/api'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import ListFooter from '@/shared/ui/list-footer'
import LoadingView from '@/shared/ui/loading-view'
import MembershipGate from '@/features/membership/components/membership-gate'
import MessageRow from '@/features/notifications/components/message-row'
import ActionButton from '@/shared/ui/action-button'
import { useCursorList } from '@/shared/hooks/useCursorList'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { goHome, openPage } from '@/shared/routes'
import './index.css'

const canRead = (status: string | undefined) => status === 'ACTIVE' || status === 'APPLICANT'

/**
 * 消息: every message the community sent the member (团购结果, 优惠券提醒, 入群审核, 候补转正),
 * whether or not WeChat delivered a card. Opening the page reads them; the dots stay for this visit.
 */
export default function MessagesPage() {
  const state = useMembership()
  const communityId = state.communityId ?? ''
  const inbox = useCursorList((after) => fetchMyMessages(communityId, after), [communityId], {
    enabled: canRead(state.membership?.status),
  })
  // Unread when this visit began: marking them read must not take the dots away under the member's eyes.
  const [unreadIds, setUnreadIds] = useState<Set<string>>(new Set())
  const marking = useRef(false)

  useEffect(() => {
    const fresh = (inbox.items ?? []).filter((message) => !message.readAt).map((message) => message.id)
    if (fresh.length === 0 || marking.current) return
    setUnreadIds((current) => new Set([...current, ...fresh]))
    marking.current = true
    void markMessagesRead(communityId)
      .catch(() => undefined)
      .finally(() => {
        marking.current = false
      })
  }, [inbox.items, communityId])

  useReachBottom(() => void inbox.loadMore())
  usePageRefresh(async () => {
    setUnreadIds(new Set())
    await inbox.refresh()
  })

  const open = (message: InboxMessage) => openPage(`/${message.page}`)

  return (
    <MembershipGate
      state={state}
      allowed={canRead(state.membership?.status)}
      denied={
        <EmptyView icon='群' tone='gray' title='你还不是这个社群的成员' description='通过群里的小程序卡片或邀请链接加入后再来吧。'>
          <ActionButton variant='secondary' onClick={goHome}>
            返回首页
          </ActionButton>
        </EmptyView>
      }
    >
      {() => (
        <View className='qy-page qy-messages'>
          {inbox.loading && <LoadingView />}
          {inbox.error && <ErrorView message={inbox.error.message} onRetry={inbox.reload} />}
          {inbox.items?.length === 0 && (
            <EmptyView
              icon='信'
              tone='gray'
              title='还没有消息'
              description='团购成团结果、优惠券到期提醒、入群审核结果和候补转正，都会第一时间出现在这里。'
            />
          )}
          {!!inbox.items?.length && (
            <>
              <View className='qy-card qy-messages__list'>
                {inbox.items.map((message) => (
                  <MessageRow key={message.id} message={message} unread={unreadIds.has(message.id) || !message.readAt} onOpen={() => open(message)} />
                ))}
              </View>
              <ListFooter
                loadingMore={inbox.loadingMore}
                error={inbox.loadMoreError}
                hasNextPage={inbox.hasNextPage}
                onRetry={() => void inbox.loadMore()}
              />
            </>
          )}
        </View>
      )}
    </MembershipGate>
  )
}
