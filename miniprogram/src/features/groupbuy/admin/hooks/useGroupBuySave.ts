import { useState } from 'react'
import { isErrorResult, messageOf } from '@/shared/graphql/errors'
import type { GroupBuyDetail } from '@/features/groupbuy/api'
import { createGroupBuy, type GroupBuyInput, publishGroupBuy, type SaveGroupBuyResult, updateGroupBuy } from '@/features/groupbuy/admin/api'
import { activityFailureMessage } from '@/features/groupbuy/messages'
import { alertMessage } from '@/platform/feedback'

export type GroupBuySaveMode = 'draft' | 'publish' | 'update'

function savedOrAlert(result: SaveGroupBuyResult, title: string): GroupBuyDetail | null {
  if (isErrorResult(result)) {
    void alertMessage(activityFailureMessage(result), title)
    return null
  }
  return result.groupBuy
}

/**
 * 保存草稿 / 发布 / 保存修改. A new group-buy is created as a draft or published at once; an
 * existing draft is saved, then published on request (publishGroupBuy: DRAFT → OPEN).
 */
export function useGroupBuySave(communityId: string, existing: GroupBuyDetail | null, onSaved: (saved: GroupBuyDetail, mode: GroupBuySaveMode) => void) {
  const [saving, setSaving] = useState<GroupBuySaveMode | null>(null)

  const save = async (input: GroupBuyInput, mode: GroupBuySaveMode) => {
    if (saving) return
    setSaving(mode)
    const title = mode === 'publish' ? '发布失败' : '保存失败'
    try {
      let saved: GroupBuyDetail | null
      if (!existing) {
        saved = await createGroupBuy(communityId, { ...input, draft: mode === 'draft' })
      } else {
        const draft = existing.status === 'DRAFT' ? true : undefined
        saved = savedOrAlert(await updateGroupBuy(existing.id, { ...input, draft }), title)
        if (saved && mode === 'publish') saved = savedOrAlert(await publishGroupBuy(existing.id), title)
      }
      if (saved) onSaved(saved, mode)
    } catch (caught) {
      void alertMessage(messageOf(caught), title)
    } finally {
      setSaving(null)
    }
  }

  return { saving, save }
}
