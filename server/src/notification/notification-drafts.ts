import { NotificationKind } from './notification.enums';
import type { TemplateData } from './notification-message.entity';
import { clip, phrase, shortDate, thing, time } from './template-values';

/**
 * What each kind says, in the inbox and on the WeChat card. The card's keys are those of the
 * template an operator picks for the kind in the WeChat console (README: "Subscription messages"):
 *   GROUPBUY_RESULT     thing1 团购商品 · phrase2 团购结果 · thing3 温馨提示 · time4 结束时间
 *   COUPON_EXPIRING     thing1 优惠券名称 · time2 过期时间 · thing3 温馨提示
 *   APPLICATION_RESULT  thing1 社群名称 · phrase2 审核结果 · thing3 备注 · time4 审核时间
 *   SIGNUP_PROMOTED     thing1 活动名称 · phrase2 报名状态 · thing3 温馨提示 · time4 通知时间
 *   POINTS_EXPIRING     number1 过期积分 · date2 过期日期 · thing3 温馨提示
 *   CONTENT_WITHDRAWN   thing1 内容类型 · phrase2 处理结果 · thing3 温馨提示 · time4 处理时间
 *   GROUP_QR_EXPIRING   thing1 群名称 · time2 过期时间 · thing3 温馨提示
 *   GROUP_CODE_EXHAUSTED inbox only
 */
export interface MessageDraft {
  communityId: number;
  memberId: number;
  userId: number;
  kind: NotificationKind;
  /** Unique: the same moment told twice is refused by the database. */
  dedupeKey: string;
  refId: number;
  title: string;
  body: string;
  page: string;
  data: TemplateData;
}

export type Recipient = Pick<MessageDraft, 'communityId' | 'memberId' | 'userId'>;

const v = (value: string) => ({ value });

export function groupBuyResultDraft(
  to: Recipient,
  groupBuy: { id: number; title: string; succeeded: boolean; participants: number; minParticipants: number; pickupNote: string | null; closedAt: Date },
  timeZone: string,
): MessageDraft {
  const { succeeded } = groupBuy;
  // The card has 20 characters for it; the pickup note is in the inbox, one tap away.
  const hint = succeeded ? `共${groupBuy.participants}人参团，请按时取货` : `差${groupBuy.minParticipants - groupBuy.participants}人成团，本次未成团`;
  return {
    ...to,
    kind: NotificationKind.GROUPBUY_RESULT,
    dedupeKey: `groupbuy:${groupBuy.id}:member:${to.memberId}`,
    refId: groupBuy.id,
    title: succeeded ? '团购成功' : '团购未成团',
    body: succeeded
      ? clip(`你参加的「${groupBuy.title}」已成团，共 ${groupBuy.participants} 人参团。${groupBuy.pickupNote ? `取货：${groupBuy.pickupNote}` : ''}`, 300)
      : clip(`你参加的「${groupBuy.title}」未达到 ${groupBuy.minParticipants} 人，本次未成团。`, 300),
    page: `activity/pages/groupbuy-detail/index?id=${to.communityId}&groupBuyId=${groupBuy.id}`,
    data: { thing1: v(thing(groupBuy.title)), phrase2: v(phrase(succeeded ? '已成团' : '未成团')), thing3: v(thing(hint)), time4: v(time(groupBuy.closedAt, timeZone)) },
  };
}

export function couponExpiringDraft(to: Recipient, coupon: { id: number; title: string; expiresAt: Date }, timeZone: string): MessageDraft {
  return {
    ...to,
    kind: NotificationKind.COUPON_EXPIRING,
    dedupeKey: `coupon-expiring:${coupon.id}`,
    refId: coupon.id,
    title: '优惠券即将过期',
    body: clip(`你的「${coupon.title}」将于 ${shortDate(coupon.expiresAt, timeZone)} 过期，记得到店使用。`, 300),
    page: `pages/coupon-detail/index?id=${coupon.id}`,
    data: { thing1: v(thing(coupon.title)), time2: v(time(coupon.expiresAt, timeZone)), thing3: v(thing('优惠券快过期了，记得使用')) },
  };
}

export function applicationResultDraft(
  to: Recipient,
  application: { id: number; approved: boolean; reason: string | null; communityName: string; joinCode: string; reviewedAt: Date },
  timeZone: string,
): MessageDraft {
  const { approved } = application;
  return {
    ...to,
    kind: NotificationKind.APPLICATION_RESULT,
    dedupeKey: `application:${application.id}`,
    refId: application.id,
    title: approved ? '入群申请已通过' : '入群申请未通过',
    body: approved
      ? clip(`欢迎加入「${application.communityName}」，快去签到领积分吧。`, 300)
      : clip(`你加入「${application.communityName}」的申请未通过。原因：${application.reason ?? '—'}`, 300),
    page: approved ? `pages/index/index?c=${application.joinCode}` : `pages/questionnaire/index?id=${to.communityId}`,
    data: {
      thing1: v(thing(application.communityName)),
      phrase2: v(phrase(approved ? '已通过' : '未通过')),
      thing3: v(thing(approved ? '欢迎入群，快去签到吧' : `原因：${application.reason ?? '—'}`)),
      time4: v(time(application.reviewedAt, timeZone)),
    },
  };
}

export function signupPromotedDraft(to: Recipient, submission: { id: number; formId: number; formTitle: string; at: Date }, timeZone: string): MessageDraft {
  return {
    ...to,
    kind: NotificationKind.SIGNUP_PROMOTED,
    dedupeKey: `signup-promoted:${submission.id}`,
    refId: submission.id,
    title: '候补成功，报名已确认',
    body: clip(`有人取消了报名，你在「${submission.formTitle}」的候补已转为正式名额。`, 300),
    page: `activity/pages/signup-detail/index?id=${to.communityId}&formId=${submission.formId}`,
    data: { thing1: v(thing(submission.formTitle)), phrase2: v(phrase('报名成功')), thing3: v(thing('候补已转为正式名额')), time4: v(time(submission.at, timeZone)) },
  };
}

/** 30 and 7 days before a date of 积分有效期 (points/expiry/points-expiry.service.ts): once per member, date and warning. */
export function pointsExpiringDraft(to: Recipient, expiring: { points: number; expiresOn: string; daysBefore: number }): MessageDraft {
  const [year, month, day] = expiring.expiresOn.split('-').map(Number);
  return {
    ...to,
    kind: NotificationKind.POINTS_EXPIRING,
    dedupeKey: `points-expiring:${to.memberId}:${expiring.expiresOn}:${expiring.daysBefore}`,
    refId: to.memberId,
    title: '积分即将过期',
    body: clip(`你有 ${expiring.points} 积分将于 ${expiring.expiresOn} 过期，快去积分商城兑换优惠券吧。`, 300),
    page: `pages/coupon-shop/index?id=${to.communityId}`,
    data: { number1: v(String(expiring.points)), date2: v(`${year}年${month}月${day}日`), thing3: v(thing('积分快过期了，去兑换优惠券吧')) },
  };
}

/** WeChat's image check said risky: the image was withdrawn everywhere. `checkId` makes a repeated verdict one message. */
export function contentWithdrawnDraft(to: Recipient, check: { id: number; at: Date }, timeZone: string): MessageDraft {
  return {
    ...to,
    kind: NotificationKind.CONTENT_WITHDRAWN,
    dedupeKey: `content-withdrawn:image:${check.id}`,
    refId: check.id,
    title: '你发布的图片已被撤下',
    body: '你发布的一张图片未通过微信内容安全检测，已被撤下，其他群友不再能看到。请遵守社群规范。',
    page: `pages/messages/index?id=${to.communityId}`,
    data: { thing1: v(thing('图片')), phrase2: v(phrase('已撤下')), thing3: v(thing('未通过内容安全检测')), time4: v(time(check.at, timeZone)) },
  };
}

export function groupQrExpiringDraft(
  to: Recipient,
  group: { id: number; name: string; codeName: string; qrExpiresOn: string; expiresAt: Date; page: string },
  timeZone: string,
): MessageDraft {
  return {
    ...to,
    kind: NotificationKind.GROUP_QR_EXPIRING,
    dedupeKey: `group-qr-expiring:${group.id}:${group.qrExpiresOn}:${to.memberId}`,
    refId: group.id,
    title: '群二维码明天过期',
    body: clip(`活码「${group.codeName}」里「${group.name}」的群二维码将于 ${shortDate(group.expiresAt, timeZone)} 过期，请在群聊里重新生成并替换。`, 300),
    page: group.page,
    data: { thing1: v(thing(group.name)), time2: v(time(group.expiresAt, timeZone)), thing3: v(thing('请替换新的群二维码')) },
  };
}

export function groupCodeExhaustedDraft(to: Recipient, code: { id: number; name: string; exhaustion: number; page: string }): MessageDraft {
  return {
    ...to,
    kind: NotificationKind.GROUP_CODE_EXHAUSTED,
    dedupeKey: `group-code-exhausted:${code.id}:${code.exhaustion}:${to.memberId}`,
    refId: code.id,
    title: '群活码没有可用的群了',
    body: clip(`活码「${code.name}」的群都已满员或二维码已过期，扫码的人暂时进不了群。请添加新群或替换二维码。`, 300),
    page: code.page,
    data: {},
  };
}
