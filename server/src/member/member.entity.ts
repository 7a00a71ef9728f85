import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { JsonColumn } from '../db/json.type';
import { Community } from '../community/community.entity';
import { User } from '../user/user.entity';
import { MemberRole, MemberStatus } from './member.enums';

/** 成员: a user in a community. Points are changed only by conditional SQL updates (see points/). */
@ObjectType()
@Entity({ tableName: 'member' })
@Unique({ properties: ['community', 'user'] })
@Index({ properties: ['community', 'status', 'lastActiveAt'] })
@Index({ properties: ['community', 'joinedAt'] }) // community stats: new members and the retention cohort
@Index({ properties: ['community', 'status', 'joinedAt'] }) // the admin member list, by status, newest first
export class Member extends BaseEntity<'points' | 'lifetimePoints' | 'streak' | 'joinedAt' | 'lastActiveAt' | 'tierLevel' | 'lastCheckInOn' | 'tags' | 'rulePointsThatDay' | 'nicknameStatus'> {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => User)
  user!: User;

  @Field(() => MemberRole)
  @Property({ type: 'string', length: 16 })
  role!: MemberRole;

  @Field(() => MemberStatus)
  @Property({ type: 'string', length: 16 })
  status!: MemberStatus;

  @Field(() => Int)
  @Property({ default: 0 })
  points: number = 0;

  @Field(() => Int, { description: 'Sum of every point ever earned; decides the tier; spending never lowers it' })
  @Property({ default: 0 })
  lifetimePoints: number = 0;

  /** The streak as of the last check-in; Member.streak in the API is the one that stands today. */
  @Property({ default: 0 })
  streak: number = 0;

  /** Level of the member's tier (see tier/): kept in step with lifetimePoints by the same UPDATE. */
  @Property({ default: 0 })
  tierLevel: number = 0;

  /** Community-local date (YYYY-MM-DD) of the last check-in. */
  @Property({ type: 'string', length: 10, nullable: true })
  lastCheckInOn?: string | null;

  /** VISIBLE, or HIDDEN once an admin hid this member's nickname in this community (content-safety: PROFILE_NICKNAME). */
  @Property({ type: 'string', length: 8, default: 'VISIBLE' })
  nicknameStatus: string = 'VISIBLE';

  /** The community-local day `rulePointsThatDay` counts (the economy's daily cap; points/economy-caps.ts). */
  @Property({ type: 'string', length: 10, nullable: true })
  rulePointsOn?: string | null;

  /** Points earned from rules on `rulePointsOn`, kept with the balance by the same UPDATE. */
  @Property({ default: 0 })
  rulePointsThatDay: number = 0;

  /** Tags from the entry questionnaire; NULL until a questionnaire tags the member (the API says []). */
  @Property({ type: JsonColumn, nullable: true })
  tags?: string[] | null;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  joinedAt: Date = new Date();

  /** When the member last stopped being ACTIVE (removed or banned); NULL while ACTIVE or never ACTIVE. Community stats count a member ACTIVE in joined_at..left_at. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  leftAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last action in the mini-program' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  lastActiveAt?: Date | null;
}
