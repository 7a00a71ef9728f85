import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';
import { Member } from '../member/member.entity';

/** 签到: one per member per community-local calendar day, held by the unique key. */
@Entity({ tableName: 'checkin' })
@Unique({ properties: ['member', 'day'] })
@Index({ properties: ['community', 'day'] })
export class CheckIn extends BaseEntity {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => Member)
  member!: Member;

  /** Community-local date, YYYY-MM-DD. */
  @Property({ type: 'string', length: 10 })
  day!: string;

  @Property()
  streak!: number;

  /** Base points after the tier multiplier. */
  @Property()
  pointsAwarded!: number;

  @Property()
  bonusPoints!: number;

  /** 补签: the community-local date the member filled this missed day on (NULL for a check-in on the day itself). */
  @Property({ type: 'string', length: 10, nullable: true })
  madeUpOn?: string | null;
}
