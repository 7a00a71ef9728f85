import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';
import { Member } from '../member/member.entity';
import { User } from '../user/user.entity';
import { CouponTemplate } from './coupon-template.entity';
import { CouponStatus } from './coupon.enums';

/** An issued coupon. Its code is unique and unguessable; one redemption per (member, requestId). */
@ObjectType()
@Entity({ tableName: 'coupon' })
@Unique({ properties: ['member', 'requestId'] })
@Index({ properties: ['member', 'template'] })
@Index({ properties: ['status', 'expiresAt'] })
@Index({ properties: ['community', 'redeemedAt'] }) // community stats: coupons issued per day
@Index({ properties: ['community', 'usedAt', 'status'] }) // community stats: coupons written off per day (index only)
export class Coupon extends BaseEntity<'usedAt' | 'usedBy' | 'voidedAt' | 'voidedBy'> {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => CouponTemplate)
  template!: CouponTemplate;

  @ManyToOne(() => Member)
  member!: Member;

  @Field({ description: 'Shown and scanned at the counter' })
  @Property({ type: 'string', length: 20, unique: true })
  code!: string;

  /** Stored status; UNUSED past expiresAt reads as EXPIRED (see CouponService.effectiveStatus). */
  @Property({ type: 'string', length: 10 })
  status!: CouponStatus;

  @Property({ type: 'string', length: 64 })
  requestId!: string;

  @Field(() => Int)
  @Property()
  pointsCost!: number;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  redeemedAt!: Date;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  usedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  usedBy?: User | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  voidedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  voidedBy?: User | null;
}
