import { registerEnumType } from 'type-graphql';

export enum PointsEntryType {
  CHECK_IN = 'CHECK_IN',
  STREAK_BONUS = 'STREAK_BONUS',
  WELCOME = 'WELCOME',
  COUPON_REDEEM = 'COUPON_REDEEM',
  COUPON_REFUND = 'COUPON_REFUND',
  ADMIN_ADJUST = 'ADMIN_ADJUST',
  MAKE_UP_CHECK_IN = 'MAKE_UP_CHECK_IN',
  REFERRAL = 'REFERRAL',
  POINTS_EXPIRED = 'POINTS_EXPIRED',
}

registerEnumType(PointsEntryType, {
  name: 'PointsEntryType',
  valuesConfig: {
    CHECK_IN: { description: '每日签到' },
    STREAK_BONUS: { description: '连签奖励' },
    WELCOME: { description: '入群奖励' },
    COUPON_REDEEM: { description: '兑换优惠券' },
    COUPON_REFUND: { description: '优惠券作废退回' },
    ADMIN_ADJUST: { description: '管理员调整' },
    MAKE_UP_CHECK_IN: { description: '补签' },
    REFERRAL: { description: '邀请好友奖励' },
    POINTS_EXPIRED: { description: '积分过期' },
  },
});
