import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { User } from '../user/user.entity';
import { PaymentOrder } from './payment-order.entity';
import { PaymentRefundStatus } from './payment.enums';

/** A full refund of an entry fee: at most one per order (the unique key), so a double tap refunds once. */
@Entity({ tableName: 'payment_refund' })
export class PaymentRefund extends BaseEntity<'status' | 'refundId' | 'settledAt' | 'requestedBy'> {
  @ManyToOne(() => PaymentOrder, { unique: true })
  order!: PaymentOrder;

  /** out_refund_no */
  @Property({ length: 32, unique: true })
  refundNo!: string;

  @Property()
  amountFen!: number;

  @Property({ type: 'string', length: 12 })
  status: PaymentRefundStatus = PaymentRefundStatus.SUBMITTING;

  /** 申请被拒 or the owner's reason. */
  @Property({ length: 80 })
  reason!: string;

  /** The admin who rejected the applicant, or the owner who refunded. */
  @ManyToOne(() => User, { nullable: true })
  requestedBy?: User | null;

  /** WeChat Pay's refund_id. */
  @Property({ type: 'string', length: 32, nullable: true })
  refundId?: string | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  settledAt?: Date | null;
}
