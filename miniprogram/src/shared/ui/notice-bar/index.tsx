import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface NoticeBarProps {
  tone: 'success' | 'info' | 'warning' | 'error'
  title: string
  description?: string
  action?: ReactNode
  onClose?: () => void
}

const TONE_ICONS = { success: '✓', info: 'i', warning: '!', error: '!' }

export default function NoticeBar({ tone, title, description, action, onClose }: NoticeBarProps) {
  return (
    <View className={`qy-notice qy-notice--${tone}`}>
      <View className='qy-notice__icon'>{TONE_ICONS[tone]}</View>
      <View className='qy-notice__body'>
        <View className='qy-notice__title'>{title}</View>
        {description && <View className='qy-notice__description'>{description}</View>}
        {action && <View className='qy-notice__action'>{action}</View>}
      </View>
      {onClose && (
        <View className='qy-notice__close' onClick={onClose}>
          ×
        </View>
      )}
    </View>
  )
}
