import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity';

/**
 * What a member earned that expires on one date, and how much of it is left (FIFO: spending takes
 * the oldest lot first, in id order). Earnings with the same expiry date add to one lot, so a member
 * holds one lot per expiry date: a year of daily check-ins under ANNUAL is one or two lots.
 * Points not in any lot (the balance minus the lots' remaining: what was earned while the policy
 * was NONE) never expire and are spent before every lot. Written only by points/expiry/points-lots.ts.
 */
@Entity({ tableName: 'points_lot' })
@Unique({ properties: ['memberId', 'expiresOn'] })
// A spend reads the member's open lots only.
@Index({ properties: ['memberId', 'remaining'] })
// The nightly job and the forecasts read the lots of a date range, never the ledger.
@Index({ properties: ['communityId', 'expiresOn', 'memberId', 'remaining'] })
export class PointsLot extends BaseEntity {
  @Property()
  communityId!: number;

  @Property()
  memberId!: number;

  /** The last community-local day the points are good for; they expire when it ends. */
  @Property({ type: 'date' })
  expiresOn!: string;

  /** Earned into this lot, in all. */
  @Property()
  amount!: number;

  @Property()
  remaining!: number;
}
