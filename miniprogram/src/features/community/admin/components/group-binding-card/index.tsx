import { View } from '@tarojs/components'
import type { BoundWeChatGroup } from '@/features/community/admin/wechat-group-api'
import ActionButton from '@/shared/ui/action-button'
import { formatDate } from '@/shared/format/format'
import { IS_WEAPP } from '@/platform/wechat'
import './index.css'

interface GroupBindingCardProps {
  boundGroupCount: number
  openedFromGroup: boolean
  binding: boolean
  onBind: () => void
  groups: BoundWeChatGroup[]
  onUnbind: (group: BoundWeChatGroup) => void
}

const STEPS = ['点「分享到微信群」，把小程序卡片发到要绑定的群里', '在群聊里点开这张卡片', '进入社群管理，点「绑定本群」']

export default function GroupBindingCard({ boundGroupCount, openedFromGroup, binding, onBind, groups, onUnbind }: GroupBindingCardProps) {
  return (
    <View className='qy-card qy-binding'>
      <View className='qy-binding__head'>
        <View className='qy-binding__title'>微信群</View>
        <View className='qy-binding__count'>
          已绑定 <View className='qy-binding__number'>{boundGroupCount}</View> 个群
        </View>
      </View>
      <View className='qy-binding__intro'>绑定后，群成员点开群里的小程序卡片就会直接进入本社群。一个社群可以绑定多个群。</View>

      {groups.map((group) => (
        <View key={group.id} className='qy-binding__group'>
          <View className='qy-binding__group-body'>
            <View>
              {formatDate(group.boundAt)} 由 {group.boundByNickname ?? '管理员'} 绑定 · {group.membersFromThisChat} 人从该群加入
            </View>
            {group.otherCommunities > 0 && (
              <View className='qy-binding__group-warning'>该群还关联了 {group.otherCommunities} 个其他社群，成员进入时自行选择</View>
            )}
          </View>
          <View className='qy-binding__unbind' onClick={() => onUnbind(group)}>
            解绑
          </View>
        </View>
      ))}

      {!IS_WEAPP && <View className='qy-binding__tip'>绑定微信群需要在微信中打开「群友」小程序，网页版暂不支持。</View>}

      {IS_WEAPP && openedFromGroup && (
        <ActionButton loading={binding} onClick={onBind}>
          绑定本群
        </ActionButton>
      )}

      {IS_WEAPP && !openedFromGroup && (
        <View className='qy-binding__steps'>
          {STEPS.map((step, index) => (
            <View key={step} className='qy-binding__step'>
              <View className='qy-binding__step-index'>{index + 1}</View>
              <View>{step}</View>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
