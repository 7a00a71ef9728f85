import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

export interface EmptyViewProps {
  /** One character drawn as the illustration. */
  icon?: string
  tone?: 'green' | 'gray' | 'red'
  title: string
  description?: ReactNode
  children?: ReactNode
}

/** Empty, error and "no permission" screens share this layout. */
export default function EmptyView({ icon = '空', tone = 'green', title, description, children }: EmptyViewProps) {
  return (
    <View className='qy-empty'>
      <View className={`qy-empty__icon qy-empty__icon--${tone}`}>{icon}</View>
      <View className='qy-empty__title'>{title}</View>
      {description && <View className='qy-empty__description'>{description}</View>}
      {children && <View className='qy-empty__actions'>{children}</View>}
    </View>
  )
}
