import { Text, View } from '@tarojs/components'
import './index.css'

export default function AnnouncementCard({ text }: { text: string | null }) {
  return (
    <View className='qy-card qy-announcement'>
      <View className='qy-announcement__title'>
        <View className='qy-announcement__mark'>公告</View>
        社群公告
      </View>
      {text ? (
        <Text className='qy-announcement__text' userSelect>
          {text}
        </Text>
      ) : (
        <View className='qy-muted'>群主还没有发布公告</View>
      )}
    </View>
  )
}
