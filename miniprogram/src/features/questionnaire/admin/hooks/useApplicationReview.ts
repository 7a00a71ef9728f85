import { useState } from 'react'
import { errorResultMessage, isErrorResult, messageOf } from '@/shared/graphql/errors'
import { reviewApplication, type ReviewedApplication } from '@/features/questionnaire/admin/api'
import { alertMessage, confirmAction, toastSuccess } from '@/platform/feedback'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'

/** 通过 (with a confirmation) and 拒绝 (with the reason from the sheet); the list reloads either way. */
export function useApplicationReview(onReviewed: () => void) {
  const [busyId, setBusyId] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState<ReviewedApplication | null>(null)

  const review = async (application: ReviewedApplication, approve: boolean, reason?: string) => {
    setBusyId(application.id)
    try {
      const result = await reviewApplication(application.id, approve, reason || undefined)
      if (isErrorResult(result)) {
        void alertMessage(errorResultMessage(result), '审核未完成')
      } else {
        toastSuccess(approve ? '已通过' : '已拒绝')
      }
      setRejecting(null)
      onReviewed()
    } catch (caught) {
      void alertMessage(messageOf(caught), '审核失败')
    } finally {
      setBusyId(null)
    }
  }

  const approve = async (application: ReviewedApplication) => {
    const name = application.member.nickname || ANONYMOUS_NICKNAME
    const confirmed = await confirmAction({
      title: '通过申请',
      content: `通过后「${name}」将成为正式成员，并获得答案对应的标签。`,
      confirmText: '通过',
    })
    if (confirmed) await review(application, true)
  }

  return {
    busyId,
    rejecting,
    approve,
    startReject: setRejecting,
    cancelReject: () => setRejecting(null),
    reject: (reason: string) => rejecting && review(rejecting, false, reason),
  }
}
