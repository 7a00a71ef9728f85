import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';
import { Member } from '../member/member.entity';
import { User } from '../user/user.entity';
import { PointsEntryType } from './points.enums';

/**
 * One row per change of a member's points. Invariants: the member's balance equals the sum of
 * its rows and never goes below zero; lifetime points equal the sum of its positive rows.
 */
@ObjectType()
@Entity({ tableName: 'points_entry' })
@Index({ properties: ['member', 'id'] })
// Community stats sum points per day: type and amount in the index make it an index-only range scan.
@Index({ properties: ['community', 'createdAt', 'type', 'amount'] })
export class PointsEntry extends BaseEntity<'reference' | 'note' | 'operator'> {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => Member)
  member!: Member;

  @Field(() => Int, { description: 'Signed: positive earns, negative spends' })
  @Property()
  amount!: number;

  @Field(() => Int)
  @Property()
  balanceAfter!: number;

  @Field(() => PointsEntryType)
  @Property({ type: 'string', length: 24 })
  type!: PointsEntryType;

  /** What caused it, e.g. `checkin:2026-11-21`, `coupon:42`. */
  @Property({ type: 'string', length: 64, nullable: true })
  reference?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  note?: string | null;

  /** The admin who made an ADMIN_ADJUST. */
  @ManyToOne(() => User, { nullable: true })
  operator?: User | null;
}
