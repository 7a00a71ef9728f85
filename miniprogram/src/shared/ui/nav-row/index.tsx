import { View } from '@tarojs/components'
import './index.css'

interface NavRowProps {
  title: string
  value?: string
  onClick: () => void
}

export default function NavRow({ title, value, onClick }: NavRowProps) {
  return (
    <View className='qy-nav-row' hoverClass='is-pressed' onClick={onClick}>
      <View className='qy-nav-row__title'>{title}</View>
      {value && <View className='qy-nav-row__value'>{value}</View>}
      <View className='qy-nav-row__arrow' />
    </View>
  )
}
