import { View } from '@tarojs/components'
import { fetchCommunityPreview } from '@/features/community/api'
import { categoryLabel, joinPolicyLabel } from '@/features/community/labels'
import { feeText } from '@/features/payment/labels'
import { useQuery } from '@/shared/hooks/useQuery'
import Avatar from '@/shared/ui/avatar'
import './index.css'

/** "邀请你加入 …" above the login, when the link carried a join code. Silent if it cannot load. */
export default function InvitePreview({ joinCode }: { joinCode: string }) {
  const { data: preview } = useQuery(() => fetchCommunityPreview(joinCode), [joinCode])
  if (!preview) return null
  return (
    <View className='qy-invite'>
      <View className='qy-invite__label'>{preview.invitedBy ? `${preview.invitedBy.nickname ?? '群友'} 邀请你加入` : '邀请你加入'}</View>
      <View className='qy-invite__row'>
        <Avatar name={preview.name} size='medium' />
        <View className='qy-invite__body'>
          <View className='qy-invite__name qy-ellipsis'>{preview.name}</View>
          <View className='qy-muted'>
            {categoryLabel(preview.category)} · {preview.memberCount} 位成员 · {joinPolicyLabel(preview.joinPolicy)}
          </View>
        </View>
      </View>
      {preview.entryFeeFen > 0 && <View className='qy-invite__notice qy-invite__fee'>入群费 {feeText(preview.entryFeeFen)}</View>}
      {preview.inviteValid === false && <View className='qy-invite__notice'>这个邀请已失效，请向朋友重新要一个邀请链接</View>}
      {preview.joinPolicy === 'INVITE' && preview.inviteValid === null && (
        <View className='qy-invite__notice'>本群为邀请制，请向群里的朋友要一个专属邀请链接</View>
      )}
      {preview.description && <View className='qy-invite__description'>{preview.description}</View>}
    </View>
  )
}
