import { View } from '@tarojs/components'
import './index.css'

interface EntryTileProps {
  /** One character drawn in the icon square. */
  icon: string
  color: string
  title: string
  description: string
  onClick: () => void
}

/** A shortcut on the home page (创建社群, 管理, and later 签到, 兑换 …). */
export default function EntryTile({ icon, color, title, description, onClick }: EntryTileProps) {
  return (
    <View className='qy-entry-tile' hoverClass='is-pressed' onClick={onClick}>
      <View className='qy-entry-tile__icon' style={{ background: color }}>
        {icon}
      </View>
      <View className='qy-entry-tile__text'>
        <View className='qy-entry-tile__title'>{title}</View>
        <View className='qy-entry-tile__description qy-ellipsis'>{description}</View>
      </View>
    </View>
  )
}
