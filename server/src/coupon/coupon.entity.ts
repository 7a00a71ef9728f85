import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';
import { Member } from '../member/member.entity';
import { User } from '../user/user.entity';
import { CouponTemplate } from './coupon-template.entity';
import { CouponStatus } from './coupon.enums';

/**
 * An issued coupon. Its code is unique and unguessable; one redemption per (member, requestId).
 * It keeps what it was bought as — title, face value, minimum spend and points paid at issue — so an
 * edit of its template never changes a coupon already issued (the counter, my coupons, void refunds
 * and exports read these, never the template's).
 */
@ObjectType()
@Entity({ tableName: 'coupon' })
@Unique({ properties: ['member', 'requestId'] })
@Index({ properties: ['member', 'template'] })
@Index({ properties: ['status', 'expiresAt'] })
@Index({ properties: ['community', 'redeemedAt'] }) // community stats: coupons issued per day
@Index({ properties: ['community', 'usedAt', 'status'] }) // community stats: coupons written off per day (index only)
export class Coupon extends BaseEntity<'usedAt' | 'usedBy' | 'voidedAt' | 'voidedBy' | 'grantedBy'> {
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

  @Property({ type: 'string', length: 80 })
  requestId!: string;

  @Field({ description: 'The title at issue time' })
  @Property({ length: 40 })
  title!: string;

  @Field(() => Int, { description: 'Face value in fen at issue time' })
  @Property()
  faceValueFen!: number;

  @Field(() => Int, { description: '满 X 可用 in fen at issue time (0: no minimum)' })
  @Property()
  minSpendFen!: number;

  @Field(() => Int, { description: 'Points paid for it (0 when granted)' })
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

  /** The admin who granted it (送券); its face value counted against their daily adjustment cap. Null when redeemed. */
  @ManyToOne(() => User, { nullable: true })
  grantedBy?: User | null;
}
