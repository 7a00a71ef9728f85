import { graphql } from '@/shared/graphql/client'
import { ReportContentDocument, type ReportContentMutation } from './moderation.generated'
import type { ContentTargetType, ReportReason } from './moderation.generated'

export type { ContentTargetType, ReportReason }
/** ContentReported, or AlreadyReported | CannotReportOwnContent | ContentNotFound | NotActiveMember */
export type ReportContentResult = ReportContentMutation['reportContent']

export async function reportContent(targetType: ContentTargetType, targetId: string, reason: ReportReason): Promise<ReportContentResult> {
  const data = await graphql(ReportContentDocument, { targetType, targetId, reason })
  return data.reportContent
}
