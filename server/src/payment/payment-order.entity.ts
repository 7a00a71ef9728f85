import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';
import { User } from '../user/user.entity';
import { PaymentOrderStatus } from './payment.enums';

/**
 * 入群费订单: one JSAPI order of WeChat Pay. Money in integer fen. `openKey` is
 * `<communityId>:<userId>` while the order is OPEN and NULL afterwards: its unique key makes
 * "one open order per user per community" a fact of the database (NULLs never collide).
 */
@Entity({ tableName: 'payment_order' })
@Index({ properties: ['community', 'createdAt'] })
@Index({ properties: ['status', 'createdAt'] })
export class PaymentOrder extends BaseEntity<'status' | 'openKey' | 'inviterMemberId' | 'prepayId' | 'transactionId' | 'paidAt' | 'closedAt'> {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => User)
  user!: User;

  /** out_trade_no: what WeChat Pay knows the order by. */
  @Property({ length: 32, unique: true })
  orderNo!: string;

  @Property()
  amountFen!: number;

  @Property({ type: 'string', length: 12 })
  status: PaymentOrderStatus = PaymentOrderStatus.OPEN;

  @Property({ type: 'string', length: 40, nullable: true, unique: true })
  openKey?: string | null;

  /** The member whose personal invite the payer came by (recorded as the referral once paid). */
  @Property({ type: 'integer', nullable: true })
  inviterMemberId?: number | null;

  @Property({ type: 'string', length: 64, nullable: true })
  prepayId?: string | null;

  /** WeChat Pay's transaction_id, once paid. */
  @Property({ type: 'string', length: 32, nullable: true, unique: true })
  transactionId?: string | null;

  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  @Property({ type: 'datetime', length: 3, nullable: true })
  paidAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  closedAt?: Date | null;
}
