import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One member's expiry of one date, claimed once: the primary key lets only one run (of however many
 * processes) write its POINTS_EXPIRED ledger row. `runId` marks the rows a run claimed.
 */
@Entity({ tableName: 'points_expiry_claim' })
@Index({ properties: ['runId'] })
export class PointsExpiryClaim {
  @PrimaryKey()
  memberId!: number;

  @PrimaryKey({ type: 'date' })
  expiresOn!: string;

  @Property()
  communityId!: number;

  /** What expired: the lot's remaining, never more than the balance. */
  @Property()
  amount!: number;

  @Property({ type: 'string', length: 36 })
  runId!: string;

  @Property({ type: 'datetime', length: 3 })
  createdAt!: Date;
}
