import { View } from '@tarojs/components'
import type { InboxMessage } from '@/features/notifications/api'
import { NOTIFICATION_KIND_STYLE } from '@/features/notifications/labels'
import { formatDateTime } from '@/shared/format/format'
import './index.css'

/** One inbox item; `unread` keeps its dot for the visit that marked it read. */
export default function MessageRow({ message, unread, onOpen }: { message: InboxMessage; unread: boolean; onOpen: () => void }) {
  const style = NOTIFICATION_KIND_STYLE[message.kind]
  return (
    <View className='qy-message-row' hoverClass='is-pressed' onClick={onOpen}>
      <View className='qy-message-row__icon' style={{ background: style.color }}>
        {style.icon}
        {unread && <View className='qy-message-row__dot' />}
      </View>
      <View className='qy-message-row__body'>
        <View className='qy-message-row__head'>
          <View className={`qy-message-row__title ${unread ? 'is-unread' : ''}`}>{message.title}</View>
          <View className='qy-message-row__time'>{formatDateTime(message.createdAt)}</View>
        </View>
        <View className='qy-message-row__text'>{message.body}</View>
        <View className='qy-message-row__kind'>{style.label} · 查看详情 ›</View>
      </View>
    </View>
  )
}
