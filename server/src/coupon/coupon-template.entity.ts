import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';

/** 100 points = ¥1: a coupon's price in points equals its face value in fen. */
export const POINTS_PER_FEN = 1;

/** What members trade points for. Stock is taken by a conditional UPDATE on issuedCount. */
@ObjectType()
@Entity({ tableName: 'coupon_template' })
@Index({ properties: ['community', 'active'] })
export class CouponTemplate extends BaseEntity<'description' | 'stock' | 'perMemberLimit' | 'issuedCount' | 'active' | 'startsAt' | 'endsAt' | 'pointsCost'> {
  @ManyToOne(() => Community)
  community!: Community;

  @Field()
  @Property({ type: 'string', length: 40 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  description?: string | null;

  @Field(() => Int)
  @Property()
  faceValueFen!: number;

  @Field(() => Int, { description: '满 X 可用; 0 = no minimum' })
  @Property()
  minSpendFen!: number;

  @Field(() => Int, { description: 'Days a redeemed coupon stays valid' })
  @Property()
  validDays!: number;

  @Field(() => Int, { nullable: true, description: 'Total that may ever be issued; null = unlimited' })
  @Property({ type: 'integer', nullable: true })
  stock?: number | null;

  @Field(() => Int, { description: 'Issued and not voided' })
  @Property({ default: 0 })
  issuedCount: number = 0;

  @Field(() => Int, { nullable: true, description: 'Coupons of this template one member may hold (voided ones excluded); null = unlimited' })
  @Property({ type: 'integer', nullable: true })
  perMemberLimit?: number | null;

  @Field(() => Int)
  @Property({ default: 0 })
  minTierLevel: number = 0;

  @Field()
  @Property({ default: true })
  active: boolean = true;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  endsAt?: Date | null;

  get pointsCost(): number {
    return pointsCostOf(this);
  }
}

/** A template's price in points (the entity's pointsCost, for a template read as values). */
export function pointsCostOf(template: Pick<CouponTemplate, 'faceValueFen'>): number {
  return template.faceValueFen * POINTS_PER_FEN;
}
