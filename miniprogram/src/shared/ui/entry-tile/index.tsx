import { View } from '@tarojs/components'
import './index.css'

interface EntryTileProps {
  /** One character drawn in the icon square. */
  icon: string
  color: string
  title: string
  description?: string
  /** Icon above the title, for the four-across grid (`qy-entry-grid--compact`). */
  compact?: boolean
  /** A red count on the icon (unread messages); hidden at 0. */
  badge?: number
  onClick: () => void
}

/** A shortcut on the home page (创建社群, 管理, 签到日历, 积分商城 …). */
export default function EntryTile({ icon, color, title, description, compact = false, badge = 0, onClick }: EntryTileProps) {
  return (
    <View className={`qy-entry-tile ${compact ? 'qy-entry-tile--compact' : ''}`} hoverClass='is-pressed' onClick={onClick}>
      <View className='qy-entry-tile__icon' style={{ background: color }}>
        {icon}
        {badge > 0 && <View className='qy-entry-tile__badge'>{badge > 99 ? '99+' : badge}</View>}
      </View>
      <View className='qy-entry-tile__text'>
        <View className='qy-entry-tile__title'>{title}</View>
        {description && <View className='qy-entry-tile__description qy-ellipsis'>{description}</View>}
      </View>
    </View>
  )
}
