import { useCallback, useState } from 'react'
import { chooseAction, toastSuccess, toastText } from '@/platform/feedback'
import { errorResultMessage, isErrorResult, messageOf } from '@/shared/graphql/errors'
import { type ContentTargetType, reportContent } from '@/features/moderation/api'
import { REPORT_REASONS } from '@/features/moderation/labels'

/** 举报: a sheet of reasons, then the report; the outcome is said in a toast. */
export function useReportContent() {
  const [reporting, setReporting] = useState(false)
  const report = useCallback(async (targetType: ContentTargetType, targetId: string) => {
    const index = await chooseAction(REPORT_REASONS.map((reason) => reason.label))
    if (index === null) return
    setReporting(true)
    try {
      const result = await reportContent(targetType, targetId, REPORT_REASONS[index].value)
      if (isErrorResult(result)) toastText(errorResultMessage(result))
      else toastSuccess('已举报')
    } catch (error) {
      toastText(messageOf(error))
    } finally {
      setReporting(false)
    }
  }, [])
  return { report, reporting }
}
