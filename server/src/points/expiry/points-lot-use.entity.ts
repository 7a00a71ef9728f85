import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What one spend took from which lot: a COUPON_REFUND gives the points back to the lots they came
 * from, with their original expiry. `spendKey` is the redemption's ledger reference (`redeem:<requestId>`).
 */
@Entity({ tableName: 'points_lot_use' })
export class PointsLotUse {
  @PrimaryKey()
  memberId!: number;

  @PrimaryKey({ type: 'string', length: 80 })
  spendKey!: string;

  @PrimaryKey()
  lotId!: number;

  @Property()
  amount!: number;
}
