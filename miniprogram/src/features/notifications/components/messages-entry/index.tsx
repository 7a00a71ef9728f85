import { useDidShow } from '@tarojs/taro'
import { fetchUnreadMessageCount } from '@/features/notifications/api'
import { useQuery } from '@/shared/hooks/useQuery'
import { openPage, routes } from '@/shared/routes'
import EntryTile from '@/shared/ui/entry-tile'

/** 消息 on the home page, with the unread count as a badge; counted again whenever home shows. */
export default function MessagesEntry({ communityId }: { communityId: string }) {
  const unread = useQuery(() => fetchUnreadMessageCount(communityId), [communityId])
  // The tile mounts after home's first show (memberships load first), so every show it hears is a return.
  useDidShow(() => void unread.refresh())
  const count = unread.data ?? 0
  return (
    <EntryTile
      icon='信'
      color='#f53f3f'
      title='消息'
      description={count > 0 ? `${count} 条未读` : '通知与提醒'}
      badge={count}
      onClick={() => openPage(routes.messages(communityId))}
    />
  )
}
