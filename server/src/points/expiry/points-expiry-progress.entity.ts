import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** How far the expiry job has gone for a community: the dates up to `doneThrough` are done (expired, or warned of). */
@Entity({ tableName: 'points_expiry_progress' })
export class PointsExpiryProgress {
  @PrimaryKey()
  communityId!: number;

  /** EXPIRE, WARN_30, WARN_7. */
  @PrimaryKey({ type: 'string', length: 8 })
  task!: string;

  @Property({ type: 'date' })
  doneThrough!: string;
}
