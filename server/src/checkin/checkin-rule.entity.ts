import { Entity, OneToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { JsonColumn } from '../db/json.type';
import { Community } from '../community/community.entity';

export interface StreakBonusRow {
  day: number;
  points: number;
}

/** 补签 defaults: 30 points a day filled, twice a month. */
export const DEFAULT_MAKE_UP_RULE = { makeUpCost: 30, makeUpMonthlyAllowance: 2 };

/** How far back a missed day may be filled: the last 7 days before today. */
export const MAKE_UP_WINDOW_DAYS = 7;

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

  /** 补签: points one make-up check-in costs. */
  @Property({ default: DEFAULT_MAKE_UP_RULE.makeUpCost })
  makeUpCost: number = DEFAULT_MAKE_UP_RULE.makeUpCost;

  /** 补签: make-up check-ins a member may make per community-local calendar month (0 turns them off). */
  @Property({ default: DEFAULT_MAKE_UP_RULE.makeUpMonthlyAllowance })
  makeUpMonthlyAllowance: number = DEFAULT_MAKE_UP_RULE.makeUpMonthlyAllowance;
}

export const DEFAULT_CHECKIN_RULE = {
  ...DEFAULT_MAKE_UP_RULE,
  basePoints: 10,
  cycleDays: 7,
  bonuses: [
    { day: 3, points: 10 },
    { day: 7, points: 30 },
  ],
};
