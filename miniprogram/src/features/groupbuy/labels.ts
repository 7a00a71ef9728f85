import type { GroupBuyOutcome, GroupBuyStatus } from '@/features/groupbuy/api'

export const GROUP_BUY_STATUS_LABELS: Record<GroupBuyStatus, string> = {
  DRAFT: '草稿',
  OPEN: '接龙中',
  CLOSED: '已截团',
  CANCELLED: '已取消',
}

export const GROUP_BUY_OUTCOME_LABELS: Record<GroupBuyOutcome, string> = {
  SUCCEEDED: '已成团',
  FAILED: '未成团',
}

export const GROUP_BUY_TITLE_MAX = 40
export const GROUP_BUY_DESCRIPTION_MAX = 2000
export const GROUP_BUY_NOTE_MAX = 100
export const GROUP_BUY_PICKUP_NOTE_MAX = 500
export const GROUP_BUY_IMAGES_MAX = 9
