import { useState } from 'react'
import { messageOf } from '@/shared/graphql/errors'
import type { ExportFile, ExportFormat } from '@/features/exports/api'
import { deliverExportFile } from '@/platform/export-file'
import { absoluteApiUrl } from '@/shared/graphql/config'
import { alertMessage } from '@/platform/feedback'
import { toastText } from '@/platform/feedback'

const DONE_TEXT = { downloaded: '已开始下载', opened: '', shared: '' } as const

/** 导出: the server writes the file, then it is downloaded (H5) or opened / forwarded (WeChat). */
export function useExport(exportFile: (format: ExportFormat) => Promise<ExportFile>) {
  const [pending, setPending] = useState<ExportFormat | null>(null)

  const run = async (format: ExportFormat) => {
    if (pending) return
    setPending(format)
    try {
      const file = await exportFile(format)
      const outcome = await deliverExportFile({ url: absoluteApiUrl(file.url), filename: file.filename }, format)
      if (DONE_TEXT[outcome]) toastText(DONE_TEXT[outcome])
    } catch (caught) {
      // Closing WeChat's share panel is a choice, not a failure.
      const errMsg = (caught as { errMsg?: unknown } | null)?.errMsg
      if (!(typeof errMsg === 'string' && /cancel/i.test(errMsg))) void alertMessage(messageOf(caught), '导出失败')
    } finally {
      setPending(null)
    }
  }

  return { pending, run }
}
