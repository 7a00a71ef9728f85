import { View } from '@tarojs/components'
import { fetchCommunityPreview } from '@/api/community'
import { categoryLabel, joinPolicyLabel } from '@/constants/community'
import { useQuery } from '@/hooks/useQuery'
import Avatar from '../avatar'
import './index.css'

/** "邀请你加入 …" above the login, when the link carried a join code. Silent if it cannot load. */
export default function InvitePreview({ joinCode }: { joinCode: string }) {
  const { data: preview } = useQuery(() => fetchCommunityPreview(joinCode), [joinCode])
  if (!preview) return null
  return (
    <View className='qy-invite'>
      <View className='qy-invite__label'>邀请你加入</View>
      <View className='qy-invite__row'>
        <Avatar name={preview.name} size='medium' />
        <View className='qy-invite__body'>
          <View className='qy-invite__name qy-ellipsis'>{preview.name}</View>
          <View className='qy-muted'>
            {categoryLabel(preview.category)} · {preview.memberCount} 位成员 · {joinPolicyLabel(preview.joinPolicy)}
          </View>
        </View>
      </View>
      {preview.description && <View className='qy-invite__description'>{preview.description}</View>}
    </View>
  )
}
