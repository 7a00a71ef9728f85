import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Community } from '../community/community.entity';
import { BaseEntity } from '../db/base.entity';
import { ContentTargetType, ModerationItemStatus } from './content-safety.enums';

/**
 * One piece of content in an admin's queue (内容审核): made by the first report or by a `review` verdict,
 * one per target (the unique key: many members reporting at once make one item). `openReports` counts the
 * reports since the last decision (one conditional +1 per report, so the count is exact under races).
 */
@Entity({ tableName: 'moderation_item' })
@Unique({ properties: ['targetType', 'targetId'] })
@Index({ properties: ['community', 'status', 'id'] })
export class ModerationItem extends BaseEntity<'openReports' | 'inReview' | 'decidedAt' | 'decidedById' | 'decision' | 'updatedAt'> {
  @ManyToOne(() => Community)
  community!: Community;

  @Property({ type: 'string', length: 24 })
  targetType!: ContentTargetType;

  @Property()
  targetId!: number;

  @Property()
  authorUserId!: number;

  @Property({ type: 'string', length: 12 })
  status!: ModerationItemStatus;

  @Property({ default: 0 })
  openReports: number = 0;

  /** WeChat's check said `review` (or did not answer) for its current text. */
  @Property({ default: false })
  inReview: boolean = false;

  /** HIDDEN or VISIBLE: what the last admin decided. */
  @Property({ type: 'string', length: 12, nullable: true })
  decision?: string | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'integer', nullable: true })
  decidedById?: number | null;

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
