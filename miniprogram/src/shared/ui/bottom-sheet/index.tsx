import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface BottomSheetProps {
  title: string
  onClose: () => void
  children: ReactNode
}

/** A panel from the bottom over a dimmed page: the join form, a reject reason. */
export default function BottomSheet({ title, onClose, children }: BottomSheetProps) {
  return (
    <View className='qy-sheet' catchMove onClick={onClose}>
      <View className='qy-sheet__panel' onClick={(event) => event.stopPropagation()}>
        <View className='qy-sheet__head'>
          <View className='qy-sheet__title'>{title}</View>
          <View className='qy-sheet__close' onClick={onClose}>
            ×
          </View>
        </View>
        {children}
      </View>
    </View>
  )
}
