import type { NotificationKind } from '@/features/notifications/api'

/** How each kind looks in the inbox: one character in a colored square, and a label. */
export const NOTIFICATION_KIND_STYLE: Record<NotificationKind, { icon: string; color: string; label: string }> = {
  GROUPBUY_RESULT: { icon: '团', color: '#fa9d3b', label: '团购结果' },
  COUPON_EXPIRING: { icon: '券', color: '#10aeff', label: '优惠券提醒' },
  APPLICATION_RESULT: { icon: '审', color: '#07c160', label: '入群审核' },
  SIGNUP_PROMOTED: { icon: '报', color: '#7d5cf3', label: '活动报名' },
  POINTS_EXPIRING: { icon: '积', color: '#fa5151', label: '积分过期提醒' },
  CONTENT_WITHDRAWN: { icon: '安', color: '#f53f3f', label: '内容安全' },
  GROUP_QR_EXPIRING: { icon: '码', color: '#fa5151', label: '群二维码到期' },
  GROUP_CODE_EXHAUSTED: { icon: '码', color: '#fa5151', label: '群活码已满' },
}
