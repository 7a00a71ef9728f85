import type { ModerationItem } from './api'

export const QUEUE_TABS = [
  { value: 'OPEN', label: '待处理' },
  { value: 'RESOLVED', label: '已处理' },
]

const TARGET_LABELS: Record<string, string> = { GROUP_BUY_NOTE: '接龙备注', PROFILE_NICKNAME: '昵称', MEDIA: '图片' }

export function targetLabel(item: ModerationItem): string {
  return TARGET_LABELS[item.targetType] ?? '内容'
}

const CONTENT_STATUS_LABELS: Record<string, string> = { VISIBLE: '所有人可见', REVIEW: '待审核 · 仅作者可见', HIDDEN: '已隐藏 · 仅作者与管理员可见' }

export function contentStatusLabel(item: ModerationItem): string {
  return CONTENT_STATUS_LABELS[item.contentStatus] ?? item.contentStatus
}
