import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { JsonColumn } from '../db/json.type';
import { Community } from '../community/community.entity';
import { User } from '../user/user.entity';
import { GroupBuyOutcome, GroupBuyState } from './group-buy.enums';

/**
 * 团购接龙. soldQuantity, participantCount and lastSeq change only by conditional UPDATEs of
 * this row (group-buy-entry.service.ts), so under any concurrency soldQuantity ≤ stock and the
 * 接龙 numbers are handed out one by one. status, outcome and remaining are field resolvers.
 */
@ObjectType()
@Entity({ tableName: 'group_buy' })
@Index({ properties: ['community', 'startsAt'] })
@Index({ properties: ['state', 'endsAt'] })
export class GroupBuy extends BaseEntity<
  'description' | 'images' | 'originalPriceFen' | 'perMemberLimit' | 'pickupNote' | 'soldQuantity' | 'participantCount' | 'lastSeq' | 'outcome' | 'closedAt' | 'updatedAt'
> {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => User)
  createdBy!: User;

  @Field()
  @Property({ type: 'string', length: 40 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: JsonColumn, nullable: true })
  images?: string[] | null;

  @Field(() => Int)
  @Property()
  priceFen!: number;

  @Field(() => Int, { nullable: true, description: '划线价' })
  @Property({ type: 'integer', nullable: true })
  originalPriceFen?: number | null;

  @Field(() => Int)
  @Property()
  stock!: number;

  @Field(() => Int, { description: 'Units taken by live entries' })
  @Property({ default: 0 })
  soldQuantity: number = 0;

  @Field(() => Int, { description: 'Members with a live entry' })
  @Property({ default: 0 })
  participantCount: number = 0;

  /** The last 接龙 number handed out; entries that were cancelled keep theirs. */
  @Property({ default: 0 })
  lastSeq: number = 0;

  @Field(() => Int, { nullable: true, description: 'Most units one member may take; null = no limit beyond stock' })
  @Property({ type: 'integer', nullable: true })
  perMemberLimit?: number | null;

  @Field(() => Int, { description: '成团人数' })
  @Property()
  minParticipants!: number;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  startsAt!: Date;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: '取货说明' })
  @Property({ type: 'string', length: 500, nullable: true })
  pickupNote?: string | null;

  @Property({ type: 'string', length: 12 })
  state!: GroupBuyState;

  /** Set when the row is closed (by the closing job, or early by an admin). */
  @Property({ type: 'string', length: 12, nullable: true })
  outcome?: GroupBuyOutcome | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  closedAt?: Date | null;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
