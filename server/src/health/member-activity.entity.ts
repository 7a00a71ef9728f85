import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row per member per community-local day on which the member did anything in the
 * mini-program: the daily activity the dashboard counts. Written at most once a day per member
 * (see MemberActivityService); the primary key (member, day) makes a second write a no-op.
 * Plain ids, no foreign keys: the row is written on the hot path, and an FK would take a
 * shared lock on the member row inside whatever the request does next.
 */
@Entity({ tableName: 'member_activity_day' })
@Index({ properties: ['communityId', 'day'] })
export class MemberActivityDay {
  @PrimaryKey({ autoincrement: false })
  memberId!: number;

  /** Community-local date, YYYY-MM-DD. */
  @PrimaryKey({ type: 'string', length: 10 })
  day!: string;

  @Property()
  communityId!: number;
}
