import type { AuditEntry } from '@/features/audit/api'

/** What each admin mutation is called in the 操作日志. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  setMemberRole: '设置角色',
  removeMember: '移出成员',
  removeMembers: '批量移出成员',
  banMember: '拉黑成员',
  bindWeChatGroup: '绑定微信群',
  adjustPoints: '调整积分',
  updateCheckInRule: '修改签到规则',
  setTiers: '修改会员等级',
  createCouponTemplate: '上新优惠券',
  updateCouponTemplate: '编辑优惠券',
  setCouponTemplateActive: '上下架优惠券',
  voidCoupon: '作废优惠券',
  writeOffCoupon: '核销优惠券',
  grantCoupon: '赠送福利券',
  saveQuestionnaire: '编辑入群问卷',
  reviewApplication: '审核入群申请',
  createGroupBuy: '发布团购',
  updateGroupBuy: '编辑团购',
  publishGroupBuy: '上架团购',
  closeGroupBuy: '截团',
  cancelGroupBuy: '取消团购',
  setEntryPickedUp: '标记取货',
  exportGroupBuy: '导出接龙名单',
  createSignupForm: '发布报名表',
  updateSignupForm: '编辑报名表',
  closeSignupForm: '关闭报名',
  exportSignupSubmissions: '导出报名名单',
  exportCommunityStats: '导出社群数据',
  updateCommunity: '修改社群资料',
  setJoinPolicy: '修改入群方式',
  setReferralRule: '修改邀请奖励',
  setEconomyCaps: '修改积分上限',
  setCouponIssuingPaused: '暂停或恢复发放优惠券',
  // 入群费: the admins' mutations, and what WeChat Pay and the payer did (the payer is the operator)
  setEntryFee: '设置入群费',
  refundEntryFee: '群主退款',
  exportPaymentOrders: '导出入群费订单',
  paymentOrderCreated: '入群费下单',
  paymentSucceeded: '入群费支付成功',
  paymentRefused: '拒绝不符的支付通知',
  paymentClosed: '入群费订单关闭',
  refundRequested: '发起退款',
  refundSettled: '退款完成',
}

const TARGET_LABELS: Record<string, string> = {
  member: '成员',
  template: '优惠券',
  coupon: '优惠券',
  groupBuy: '团购',
  entry: '接龙',
  form: '报名表',
  application: '申请',
  community: '社群',
  order: '入群费订单',
}

export const AUDIT_FILTERS = [
  { value: 'ALL', label: '全部' },
  { value: 'grantCoupon', label: '送券' },
  { value: 'removeMembers', label: '批量移出' },
  { value: 'adjustPoints', label: '调积分' },
  { value: 'writeOffCoupon', label: '核销' },
  { value: 'paymentSucceeded', label: '入群费' },
]

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action
}

/** e.g. 优惠券 #12 · 3 位成员 */
export function auditTargetLabel(entry: AuditEntry): string {
  const target = entry.targetType === 'community' ? '本社群' : `${TARGET_LABELS[entry.targetType ?? ''] ?? entry.targetType ?? ''} #${entry.targetId ?? ''}`
  const memberIds = entry.detail?.memberIds
  return Array.isArray(memberIds) ? `${target} · ${memberIds.length} 位成员` : target
}
