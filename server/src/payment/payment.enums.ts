import { registerEnumType } from 'type-graphql';

export enum PaymentOrderStatus {
  /** Waiting for WeChat Pay; the one open order of its user in its community. */
  OPEN = 'OPEN',
  /** WeChat Pay confirmed it (notification or reconciliation); the member was admitted. */
  PAID = 'PAID',
  /** Expired or closed unpaid. */
  CLOSED = 'CLOSED',
  /** A refund was requested and is being processed by WeChat Pay. */
  REFUNDING = 'REFUNDING',
  REFUNDED = 'REFUNDED',
}

export enum PaymentRefundStatus {
  /** Recorded here, not yet accepted by WeChat Pay (the reconciliation job submits it again). */
  SUBMITTING = 'SUBMITTING',
  PROCESSING = 'PROCESSING',
  SUCCESS = 'SUCCESS',
  /** WeChat Pay could not pay it back (e.g. the payer's card was closed): the merchant settles it by hand. */
  ABNORMAL = 'ABNORMAL',
  CLOSED = 'CLOSED',
}

registerEnumType(PaymentOrderStatus, {
  name: 'PaymentOrderStatus',
  valuesConfig: {
    OPEN: { description: '待支付' },
    PAID: { description: '已支付' },
    CLOSED: { description: '已关闭（未支付）' },
    REFUNDING: { description: '退款中' },
    REFUNDED: { description: '已退款' },
  },
});

registerEnumType(PaymentRefundStatus, { name: 'PaymentRefundStatus' });
