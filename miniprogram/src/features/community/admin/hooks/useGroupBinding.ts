import { useState } from 'react'
import type { Community } from '@/features/community/api'
import { errorResultMessage, isErrorResult, messageOf } from '@/shared/graphql/errors'
import { bindWeChatGroup, fetchBoundWeChatGroups, unbindWeChatGroup, type BoundWeChatGroup } from '@/features/community/admin/wechat-group-api'
import { useQuery } from '@/shared/hooks/useQuery'
import { alertMessage, confirmAction, toastSuccess } from '@/platform/feedback'
import { groupDataForServer } from '@/features/session/group-data'
import { groupEntryKey, IS_WEAPP } from '@/platform/wechat'

/**
 * Binding works only inside WeChat, on a launch from a card in the group to bind:
 * that launch is what wx.getGroupEnterInfo describes.
 */
export function useGroupBinding(communityId: string | null, onBound: (community: Community) => void) {
  const [binding, setBinding] = useState(false)
  const openedFromGroup = IS_WEAPP && groupEntryKey() !== null
  const groups = useQuery(() => fetchBoundWeChatGroups(communityId!), [communityId], { enabled: communityId !== null })

  const bind = async () => {
    if (!communityId || !openedFromGroup) return
    setBinding(true)
    try {
      const { encryptedData, iv } = await groupDataForServer()
      const result = await bindWeChatGroup(communityId, encryptedData, iv)
      if (isErrorResult(result)) {
        void alertMessage(errorResultMessage(result), '绑定失败')
        return
      }
      onBound(result.community)
      void groups.refresh()
      if (result.otherCommunities > 0) {
        void alertMessage(`这个群还关联了 ${result.otherCommunities} 个其他社群，群成员进入时会看到名称、群主和已加入人数后自行选择。`, '绑定成功')
      } else {
        toastSuccess(result.alreadyBound ? '本群已绑定' : '绑定成功')
      }
    } catch (caught) {
      void alertMessage(messageOf(caught), '绑定失败')
    } finally {
      setBinding(false)
    }
  }

  const unbind = async (group: BoundWeChatGroup) => {
    if (!communityId) return
    const confirmed = await confirmAction({
      title: '解绑这个群？',
      content: '解绑后，从这个群的小程序卡片进入的新成员不会再看到本社群；已加入的成员不受影响。',
      confirmText: '解绑',
      danger: true,
    })
    if (!confirmed) return
    try {
      const result = await unbindWeChatGroup(communityId, group.id)
      if (isErrorResult(result)) void alertMessage(errorResultMessage(result), '解绑失败')
      else toastSuccess('已解绑')
      await groups.refresh()
    } catch (caught) {
      void alertMessage(messageOf(caught), '解绑失败')
    }
  }

  return { openedFromGroup, binding, bind, groups: groups.data ?? [], unbind }
}
