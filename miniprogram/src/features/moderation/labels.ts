import type { ReportReason } from './api'

/** 举报理由, in the order the sheet offers them. */
export const REPORT_REASONS: { value: ReportReason; label: string }[] = [
  { value: 'SPAM', label: '广告或引流' },
  { value: 'ABUSE', label: '辱骂或人身攻击' },
  { value: 'FRAUD', label: '诈骗' },
  { value: 'PORN', label: '色情低俗' },
  { value: 'ILLEGAL', label: '违法违规' },
  { value: 'OTHER', label: '其他' },
]

export function reportReasonLabel(reason: ReportReason): string {
  return REPORT_REASONS.find((item) => item.value === reason)?.label ?? reason
}
