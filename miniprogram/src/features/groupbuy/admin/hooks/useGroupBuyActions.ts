import { useState } from 'react'
import { isErrorResult, messageOf } from '@/shared/graphql/errors'
import type { GroupBuyDetail, GroupBuyEntry } from '@/features/groupbuy/api'
import { cancelGroupBuy, closeGroupBuy, publishGroupBuy, setEntryPickedUp } from '@/features/groupbuy/admin/api'
import { activityFailureMessage } from '@/features/groupbuy/messages'
import { alertMessage, confirmAction, toastSuccess } from '@/platform/feedback'

type Busy = 'publish' | 'close' | 'cancel' | `entry:${string}` | null

/** 发布, 提前截团, 取消团购 (each confirmed) and the 已取货 switches of one group-buy. */
export function useGroupBuyActions(groupBuy: GroupBuyDetail | null | undefined, onChanged: (groupBuy: GroupBuyDetail) => void, reload: () => void) {
  const [busy, setBusy] = useState<Busy>(null)

  const run = async (kind: Busy, title: string, call: () => Promise<GroupBuyDetail | null>, done: string) => {
    setBusy(kind)
    try {
      const fresh = await call()
      if (fresh) {
        onChanged(fresh)
        toastSuccess(done)
      }
    } catch (caught) {
      void alertMessage(messageOf(caught), title)
      reload()
    } finally {
      setBusy(null)
    }
  }

  const publish = async () => {
    if (!groupBuy) return
    await run('publish', '发布失败', async () => {
      const result = await publishGroupBuy(groupBuy.id)
      if (!isErrorResult(result)) return result.groupBuy
      void alertMessage(activityFailureMessage(result), '发布失败')
      return null
    }, '已发布')
  }

  const close = async () => {
    if (!groupBuy) return
    const reached = groupBuy.participantCount >= groupBuy.minParticipants
    const confirmed = await confirmAction({
      title: '提前截团',
      content: `截团后成员不能再接龙或修改。当前 ${groupBuy.participantCount} 人参与，${reached ? '已达到' : '未达到'}成团人数 ${groupBuy.minParticipants} 人，将判定为${reached ? '已成团' : '未成团'}。`,
      confirmText: '截团',
      danger: !reached,
    })
    if (confirmed) await run('close', '截团失败', () => closeGroupBuy(groupBuy.id), '已截团')
  }

  const cancel = async () => {
    if (!groupBuy) return
    const confirmed = await confirmAction({
      title: '取消团购',
      content: groupBuy.participantCount > 0 ? `已有 ${groupBuy.participantCount} 人接龙，取消后请在群里通知大家。确定取消吗？` : '确定取消这个团购吗？',
      confirmText: '取消团购',
      cancelText: '再想想',
      danger: true,
    })
    if (confirmed) await run('cancel', '取消失败', () => cancelGroupBuy(groupBuy.id), '已取消团购')
  }

  const setPickedUp = async (entry: GroupBuyEntry, pickedUp: boolean) => {
    if (!groupBuy) return
    setBusy(`entry:${entry.id}`)
    try {
      const updated = await setEntryPickedUp(entry.id, pickedUp)
      onChanged({ ...groupBuy, entries: groupBuy.entries.map((item) => (item.id === updated.id ? updated : item)) })
    } catch (caught) {
      void alertMessage(messageOf(caught), '操作失败')
      reload()
    } finally {
      setBusy(null)
    }
  }

  return { busy, publish, close, cancel, setPickedUp }
}
