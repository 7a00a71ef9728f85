import { useRef, useState } from 'react'
import { isErrorResult, messageOf } from '@/shared/graphql/errors'
import {
  cancelGroupBuyEntry,
  type GroupBuyDetail,
  type GroupBuyEntry,
  joinGroupBuy,
  updateGroupBuyEntry,
} from '@/features/groupbuy/api'
import { activityFailureMessage } from '@/features/groupbuy/messages'
import { alertMessage, confirmAction, toastSuccess } from '@/platform/feedback'
import { newRequestId } from '@/shared/request-id'
import { askSubscription } from '@/features/notifications/subscription'
import { toastText } from '@/platform/feedback'

interface EntryChoice {
  quantity: number
  note: string
}

/**
 * 参与接龙 / 修改份数 / 取消接龙. Every answer carries the fresh group-buy, handed to `onChanged`;
 * a refusal shows its message and reloads (stock or state moved meanwhile). A join retried after
 * a network failure reuses its requestId, so it can never take a second entry.
 */
export function useGroupBuyEntry(groupBuyId: string, onChanged: (groupBuy: GroupBuyDetail) => void, reload: () => void) {
  const [pending, setPending] = useState<'join' | 'update' | 'cancel' | null>(null)
  const unanswered = useRef<{ groupBuyId: string; requestId: string } | null>(null)

  const run = async <T extends { __typename: string }>(
    kind: 'join' | 'update' | 'cancel',
    title: string,
    call: () => Promise<T>,
    done: (result: T) => void,
  ): Promise<boolean> => {
    if (pending) return false
    setPending(kind)
    try {
      const result = await call()
      if (isErrorResult(result)) {
        void alertMessage(activityFailureMessage(result), title)
        reload()
        return false
      }
      done(result)
      return true
    } catch (caught) {
      void alertMessage(messageOf(caught), title)
      return false
    } finally {
      setPending(null)
    }
  }

  const join = ({ quantity, note }: EntryChoice) => {
    const retry = unanswered.current?.groupBuyId === groupBuyId ? unanswered.current : null
    const requestId = retry?.requestId ?? newRequestId()
    unanswered.current = { groupBuyId, requestId }
    return run(
      'join',
      '接龙失败',
      async () => {
        // Right in the tap, before the request: WeChat shows the dialog only for a tap.
        await askSubscription(['GROUPBUY_RESULT'])
        const result = await joinGroupBuy(groupBuyId, quantity, note.trim() || undefined, requestId)
        unanswered.current = null // answered: a new join is a new request
        return result
      },
      (joined) => {
        if (!('groupBuy' in joined)) return
        onChanged(joined.groupBuy)
        toastSuccess(`接龙成功 #${joined.entry.seq}`)
      },
    )
  }

  const update = (entry: GroupBuyEntry, { quantity, note }: EntryChoice) =>
    run(
      'update',
      '修改失败',
      () => updateGroupBuyEntry(entry.id, quantity, note.trim()),
      (updated) => {
        if (!('groupBuy' in updated)) return
        onChanged(updated.groupBuy)
        toastSuccess('已修改')
      },
    )

  const cancel = async (entry: GroupBuyEntry) => {
    const confirmed = await confirmAction({
      title: '取消接龙',
      content: `确定取消 #${entry.seq} ×${entry.quantity} 吗？取消后份数会释放给其他人。`,
      confirmText: '取消接龙',
      cancelText: '再想想',
      danger: true,
    })
    if (!confirmed) return false
    return run(
      'cancel',
      '取消失败',
      () => cancelGroupBuyEntry(entry.id),
      (cancelled) => {
        if (!('groupBuy' in cancelled)) return
        onChanged(cancelled.groupBuy)
        toastText('已取消接龙')
      },
    )
  }

  return { pending, join, update, cancel }
}
