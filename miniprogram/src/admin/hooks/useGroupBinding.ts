import { useState } from 'react'
import type { Community } from '@/api/community'
import { errorResultMessage, isErrorResult, messageOf } from '@/api/errors'
import { bindWeChatGroup } from '@/api/wechat-group'
import { alertMessage, toastSuccess } from '@/utils/feedback'
import { groupDataForServer } from '@/utils/group-data'
import { groupEntryKey, IS_WEAPP } from '@/utils/platform'

/**
 * Binding works only inside WeChat, on a launch from a card in the group to bind:
 * that launch is what wx.getGroupEnterInfo describes.
 */
export function useGroupBinding(communityId: string | null, onBound: (community: Community) => void) {
  const [binding, setBinding] = useState(false)
  const openedFromGroup = IS_WEAPP && groupEntryKey() !== null

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
      toastSuccess(result.alreadyBound ? '本群已绑定' : '绑定成功')
    } catch (caught) {
      void alertMessage(messageOf(caught), '绑定失败')
    } finally {
      setBinding(false)
    }
  }

  return { openedFromGroup, binding, bind }
}
