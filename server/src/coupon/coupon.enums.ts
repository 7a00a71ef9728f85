import { registerEnumType } from 'type-graphql';

export enum CouponStatus {
  UNUSED = 'UNUSED',
  USED = 'USED',
  EXPIRED = 'EXPIRED',
  VOID = 'VOID',
}

registerEnumType(CouponStatus, {
  name: 'CouponStatus',
  valuesConfig: {
    UNUSED: { description: '未使用' },
    USED: { description: '已使用 (written off at the counter)' },
    EXPIRED: { description: '已过期' },
    VOID: { description: '已作废 (points refunded)' },
  },
});
