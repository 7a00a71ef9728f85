import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity';
import { Community } from '../community/community.entity';
import { User } from '../user/user.entity';
import { MemberRole, MemberStatus } from './member.enums';

/** 成员: a user in a community. Points are changed only by conditional SQL updates (see points/). */
@ObjectType()
@Entity({ tableName: 'member' })
@Unique({ properties: ['community', 'user'] })
@Index({ properties: ['community', 'status', 'lastActiveAt'] })
export class Member extends BaseEntity<'points' | 'lifetimePoints' | 'streak' | 'joinedAt' | 'lastActiveAt'> {
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

  @Field(() => Int)
  @Property({ default: 0 })
  streak: number = 0;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  joinedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'Last action in the mini-program' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  lastActiveAt?: Date | null;
}
