import { View } from '@tarojs/components'
import './index.css'

export default function LoadingView({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='qy-loading'>
      <View className='qy-loading__dots'>
        <View className='qy-loading__dot' />
        <View className='qy-loading__dot' />
        <View className='qy-loading__dot' />
      </View>
      <View className='qy-loading__text'>{text}</View>
    </View>
  )
}
