import { Entity, OneToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity';
import { JsonColumn } from '../common/json.type';
import { Community } from '../community/community.entity';

export interface StreakBonusRow {
  day: number;
  points: number;
}

/** A community's check-in reward: base points × tier multiplier, plus a bonus on some days of the streak cycle. */
@Entity({ tableName: 'checkin_rule' })
export class CheckInRule extends BaseEntity {
  @OneToOne(() => Community, { owner: true, unique: true })
  community!: Community;

  @Property()
  basePoints!: number;

  @Property()
  cycleDays!: number;

  @Property({ type: JsonColumn })
  bonuses!: StreakBonusRow[];
}

export const DEFAULT_CHECKIN_RULE = {
  basePoints: 10,
  cycleDays: 7,
  bonuses: [
    { day: 3, points: 10 },
    { day: 7, points: 30 },
  ],
};
