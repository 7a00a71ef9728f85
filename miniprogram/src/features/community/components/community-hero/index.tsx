import { View } from '@tarojs/components'
import type { Community } from '@/features/community/api'
import { categoryLabel } from '@/features/community/labels'
import './index.css'

export default function CommunityHero({ community }: { community: Pick<Community, 'name' | 'category' | 'memberCount'> }) {
  return (
    <View className='qy-hero'>
      <View className='qy-hero__name'>{community.name}</View>
      <View className='qy-hero__meta'>
        <View className='qy-tag'>{categoryLabel(community.category)}</View>
        <View className='qy-muted'>{community.memberCount} 位成员</View>
      </View>
    </View>
  )
}
