import { Button, View } from '@tarojs/components'
import type { Community } from '@/features/community/api'
import ActionButton from '@/shared/ui/action-button'
import { IS_WEAPP } from '@/platform/wechat'
import { h5JoinUrl, joinPath } from '@/platform/share'
import './index.css'
import { copyText } from '@/platform/clipboard'

function copy(data: string, done: string) {
  void copyText(data, done)
}

/** Join code, link and the share card; the card carries withShareTicket (see useCommunityShare). */
export default function InviteCard({ community }: { community: Pick<Community, 'joinCode' | 'joinPolicy'> }) {
  const path = joinPath(community.joinCode)
  return (
    <View className='qy-card qy-invite-card'>
      <View className='qy-invite-card__title'>邀请成员</View>
      {community.joinPolicy === 'INVITE' && (
        <View className='qy-invite-card__notice'>本群为邀请制：这个公开邀请码只能打开社群，不能直接加入。请用首页「邀请好友」里每位成员的专属邀请。</View>
      )}
      <View className='qy-invite-card__code-box'>
        <View className='qy-muted'>邀请码</View>
        <View className='qy-invite-card__code'>{community.joinCode}</View>
      </View>
      <View className='qy-invite-card__path'>
        <View className='qy-muted'>小程序路径</View>
        <View className='qy-invite-card__path-value'>{path}</View>
      </View>
      <View className='qy-invite-card__actions'>
        {IS_WEAPP ? (
          <Button className='qy-invite-card__share' openType='share' hoverClass='is-pressed'>
            分享到微信群
          </Button>
        ) : (
          <ActionButton onClick={() => copy(h5JoinUrl(community.joinCode), '邀请链接已复制')}>复制邀请链接</ActionButton>
        )}
        <ActionButton variant='secondary' onClick={() => copy(IS_WEAPP ? path : community.joinCode, '已复制')}>
          {IS_WEAPP ? '复制小程序路径' : '复制邀请码'}
        </ActionButton>
      </View>
    </View>
  )
}
