import { HOME_PATH } from '@/platform/share'
import { navigateTo, reLaunch } from '@/platform/navigation'

function withId(path: string, id: string): string {
  return `${path}?id=${encodeURIComponent(id)}`
}

function withParam(url: string, key: string, value: string | undefined): string {
  return value ? `${url}&${key}=${encodeURIComponent(value)}` : url
}

/** Every page path in one place; admin pages live in the `admin` subpackage. */
export const routes = {
  home: HOME_PATH,
  createCommunity: '/pages/community-create/index',
  adminCommunity: (communityId: string) => `/admin/pages/community/index?id=${encodeURIComponent(communityId)}`,
  adminMembers: (communityId: string) => `/admin/pages/members/index?id=${encodeURIComponent(communityId)}`,
  // member economy: `?id=` is the community, except on the coupon detail (the coupon)
  checkInCalendar: (communityId: string) => withId('/pages/checkin-calendar/index', communityId),
  pointsLedger: (communityId: string) => withId('/pages/points-ledger/index', communityId),
  couponShop: (communityId: string) => withId('/pages/coupon-shop/index', communityId),
  myCoupons: (communityId: string) => withId('/pages/my-coupons/index', communityId),
  invite: (communityId: string) => withId('/entry/pages/invite/index', communityId),
  entryFee: (joinCode: string) => `/entry/pages/entry-fee/index?c=${encodeURIComponent(joinCode)}`,
  adminInvites: (communityId: string) => withId('/admin/pages/invites/index', communityId),
  adminGroupCodes: (communityId: string) => withId('/admin/pages/group-codes/index', communityId),
  couponDetail: (couponId: string) => withId('/pages/coupon-detail/index', couponId),
  messages: (communityId: string) => withId('/pages/messages/index', communityId),
  profile: (communityId: string) => withId('/me/pages/profile/index', communityId),
  adminWriteOff: (communityId: string) => withId('/admin/pages/write-off/index', communityId),
  adminPointsAdjust: (communityId: string) => withId('/admin/pages/points-adjust/index', communityId),
  adminCheckInRule: (communityId: string) => withId('/admin/pages/checkin-rule/index', communityId),
  adminTiers: (communityId: string) => withId('/admin/pages/tiers/index', communityId),
  adminCouponTemplates: (communityId: string) => withId('/admin/pages/coupon-templates/index', communityId),
  adminCouponTemplateEdit: (communityId: string, templateId?: string) =>
    `${withId('/admin/pages/coupon-template-edit/index', communityId)}${templateId ? `&templateId=${encodeURIComponent(templateId)}` : ''}`,
  adminCoupons: (communityId: string) => withId('/admin/pages/coupons/index', communityId),
  adminDormant: (communityId: string, days: number) => withParam(withId('/admin/pages/dormant/index', communityId), 'days', String(days)),
  adminAuditLog: (communityId: string) => withId('/admin/pages/audit-log/index', communityId),
  adminModeration: (communityId: string) => withId('/admin/pages/moderation/index', communityId),
  // activities: `?id=` is the community; the group-buy or form rides along
  questionnaire: (communityId: string) => withId('/pages/questionnaire/index', communityId),
  groupBuys: (communityId: string) => withId('/activity/pages/groupbuy-list/index', communityId),
  groupBuyDetail: (communityId: string, groupBuyId: string) =>
    withParam(withId('/activity/pages/groupbuy-detail/index', communityId), 'groupBuyId', groupBuyId),
  signupForms: (communityId: string) => withId('/activity/pages/signup-list/index', communityId),
  signupDetail: (communityId: string, formId: string) =>
    withParam(withId('/activity/pages/signup-detail/index', communityId), 'formId', formId),
  adminQuestionnaire: (communityId: string) => withId('/admin/pages/questionnaire-edit/index', communityId),
  adminApplications: (communityId: string) => withId('/admin/pages/applications/index', communityId),
  adminPaymentOrders: (communityId: string) => withId('/admin/pages/payment-orders/index', communityId),
  adminGroupBuys: (communityId: string) => withId('/admin/pages/groupbuys/index', communityId),
  adminGroupBuyEdit: (communityId: string, groupBuyId?: string) =>
    withParam(withId('/admin/pages/groupbuy-edit/index', communityId), 'groupBuyId', groupBuyId),
  adminGroupBuyManage: (communityId: string, groupBuyId: string) =>
    withParam(withId('/admin/pages/groupbuy-manage/index', communityId), 'groupBuyId', groupBuyId),
  adminSignups: (communityId: string) => withId('/admin/pages/signups/index', communityId),
  adminSignupEdit: (communityId: string, formId?: string) =>
    withParam(withId('/admin/pages/signup-edit/index', communityId), 'formId', formId),
  adminSignupManage: (communityId: string, formId: string) =>
    withParam(withId('/admin/pages/signup-manage/index', communityId), 'formId', formId),
}

export function openPage(url: string): void {
  navigateTo(url)
}

export function goHome(): void {
  reLaunch(routes.home)
}
