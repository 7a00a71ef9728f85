import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';

/**
 * 会员等级: reached by lifetime points. Level 0 has threshold 0. The multiplier is kept in
 * hundredths (120 = ×1.2) so point arithmetic stays in integers.
 */
@Entity({ tableName: 'member_tier' })
@Unique({ properties: ['community', 'level'] })
export class Tier extends BaseEntity {
  @ManyToOne(() => Community)
  community!: Community;

  @Property()
  level!: number;

  @Property({ type: 'string', length: 16 })
  name!: string;

  @Property()
  threshold!: number;

  @Property()
  multiplierPercent!: number;
}

export const DEFAULT_TIERS = [
  { name: '新人', threshold: 0, multiplierPercent: 100 },
  { name: '达人', threshold: 500, multiplierPercent: 120 },
  { name: '核心成员', threshold: 2000, multiplierPercent: 150 },
];
