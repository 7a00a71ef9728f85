import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The dashboard's daily rollups (see rollup-writes.ts for who writes them and docs/architecture.md
 * "Community health" for why they are written in the transactions that change the raw rows).
 * Plain ids, no foreign keys: these rows are written on the hot paths.
 */

/**
 * One community-local day's counters, split over a few shards (member id mod ROLLUP_SHARDS) so that
 * simultaneous check-ins and redemptions of one community do not queue on one row: the dashboard sums
 * the shards. `newMembers`, `leftMembers` and `retained7` are by the member's current join / leave day.
 */
@Entity({ tableName: 'community_day_stats' })
export class CommunityDayStatsRow {
  @PrimaryKey({ autoincrement: false })
  communityId!: number;

  /** Community-local date, YYYY-MM-DD. */
  @PrimaryKey({ type: 'string', length: 10 })
  day!: string;

  @PrimaryKey({ type: 'smallint', autoincrement: false })
  shard!: number;

  @Property({ default: 0 })
  checkIns: number = 0;

  /** Members active on the day (member_activity_day rows of the day). */
  @Property({ default: 0 })
  activeMembers: number = 0;

  /** Members (not APPLICANT) whose joined_at falls on the day. */
  @Property({ default: 0 })
  newMembers: number = 0;

  /** Of those counted in newMembers anywhere, the REMOVED / BANNED ones whose left_at falls on the day (their join day when left_at is unknown). */
  @Property({ default: 0 })
  leftMembers: number = 0;

  /** Of the day's newMembers, those active on one of the 7 days after it. */
  @Property({ default: 0 })
  retained7: number = 0;

  @Property({ type: 'bigint', default: 0 })
  pointsIssued: number = 0;

  @Property({ type: 'bigint', default: 0 })
  pointsSpent: number = 0;

  @Property({ default: 0 })
  couponsIssued: number = 0;

  @Property({ default: 0 })
  couponsUsed: number = 0;
}

/**
 * Members active on `day` whose previous active day was `since` ('' when none, or more than a
 * range's length before): the distinct members active in from..to are the rows of its days with
 * `since` before `from`, a sum over at most a few hundred rows a day whatever the member count.
 */
@Entity({ tableName: 'community_return_day' })
export class CommunityReturnDay {
  @PrimaryKey({ autoincrement: false })
  communityId!: number;

  @PrimaryKey({ type: 'string', length: 10 })
  day!: string;

  @PrimaryKey({ type: 'string', length: 10 })
  since!: string;

  @Property({ default: 0 })
  members: number = 0;
}

/** Members counted now (Σ newMembers − leftMembers over all days), sharded like the day rows. */
@Entity({ tableName: 'community_member_tally' })
export class CommunityMemberTally {
  @PrimaryKey({ autoincrement: false })
  communityId!: number;

  @PrimaryKey({ type: 'smallint', autoincrement: false })
  shard!: number;

  @Property({ default: 0 })
  members: number = 0;
}
