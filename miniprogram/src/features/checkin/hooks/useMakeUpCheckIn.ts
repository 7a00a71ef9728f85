import { useState } from 'react'
import { makeUpCheckIn, type MadeUpCheckIn, type MakeUpOffer } from '@/features/checkin/api'
import { isErrorResult, messageOf } from '@/shared/graphql/errors'
import { economyFailureMessage } from '@/features/points/economy-messages'
import { alertMessage, confirmAction, toastSuccess } from '@/platform/feedback'
import { dayTitle } from '@/shared/format/calendar'

/** 补签: confirm the day and its cost, fill it, then let the page reload the calendar and the member card. */
export function useMakeUpCheckIn(communityId: string, onMadeUp: (madeUp: MadeUpCheckIn) => void | Promise<void>) {
  const [pendingDate, setPendingDate] = useState<string | null>(null)

  const makeUp = async (date: string, offer: MakeUpOffer) => {
    if (pendingDate) return
    const confirmed = await confirmAction({
      title: `补签 ${dayTitle(date)}`,
      content: `${offer.cost > 0 ? `将消耗 ${offer.cost} 积分，` : ''}补签的日子计入连续签到，不发签到积分。本月还可补签 ${offer.remaining} 次。`,
      confirmText: '补签',
    })
    if (!confirmed) return
    setPendingDate(date)
    try {
      const result = await makeUpCheckIn(communityId, date)
      if (isErrorResult(result)) {
        void alertMessage(economyFailureMessage(result), '补签失败')
        return
      }
      toastSuccess('补签成功')
      await onMadeUp(result)
    } catch (caught) {
      void alertMessage(messageOf(caught), '补签失败')
    } finally {
      setPendingDate(null)
    }
  }

  return { pendingDate, makeUp }
}
