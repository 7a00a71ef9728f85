import { View } from '@tarojs/components'
import type { GroupCommunityChoice } from '@/features/community/join-api'
import Avatar from '@/shared/ui/avatar'
import './index.css'

interface GroupCommunityChooserProps {
  choices: GroupCommunityChoice[]
  busy: boolean
  onChoose: (communityId: string) => void
}

/**
 * A chat bound by several communities (anyone may bind a chat, so a squatter cannot lock the real one
 * out): the member picks, seeing each community's name, its owner and how many of this chat joined it.
 */
export default function GroupCommunityChooser({ choices, busy, onChoose }: GroupCommunityChooserProps) {
  return (
    <View className='qy-card qy-group-chooser'>
      <View className='qy-group-chooser__title'>这个群关联了 {choices.length} 个社群</View>
      <View className='qy-group-chooser__intro'>请选择你要加入的社群，认准群主和群里已加入的人数。</View>
      {choices.map((choice) => (
        <View
          key={choice.communityId}
          className={`qy-group-chooser__item ${busy ? 'is-disabled' : ''}`}
          hoverClass='is-pressed'
          onClick={() => !busy && onChoose(choice.communityId)}
        >
          <Avatar name={choice.name} size='small' />
          <View className='qy-group-chooser__body'>
            <View className='qy-group-chooser__name qy-ellipsis'>{choice.name}</View>
            <View className='qy-group-chooser__meta'>
              群主 {choice.ownerNickname ?? '未设置昵称'} · 本群 {choice.membersFromThisChat} 人已加入 · 共 {choice.memberCount} 位成员
            </View>
          </View>
          <View className='qy-group-chooser__go'>加入</View>
        </View>
      ))}
    </View>
  )
}
