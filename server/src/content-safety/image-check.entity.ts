import { Entity, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { ContentTargetType, ImageCheckStatus } from './content-safety.enums';

/** One media_check_async call: WeChat's push names it by `trace_id`; the target is what a risky verdict withdraws. */
@Entity({ tableName: 'image_check' })
@Index({ properties: ['targetType', 'targetId'] })
export class ImageCheck extends BaseEntity<'decidedAt'> {
  @Property({ length: 64, unique: true })
  traceId!: string;

  @Property({ type: 'string', length: 24 })
  targetType!: ContentTargetType;

  @Property()
  targetId!: number;

  @Property()
  communityId!: number;

  @Property()
  authorUserId!: number;

  @Property({ type: 'string', length: 12 })
  status!: ImageCheckStatus;

  @Property({ type: 'datetime', length: 3, nullable: true })
  decidedAt?: Date | null;
}
