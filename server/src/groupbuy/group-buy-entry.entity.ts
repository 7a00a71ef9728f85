import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';
import { Member } from '../member/member.entity';
import { GroupBuy } from './group-buy.entity';
import { ContentStatus } from '../content-safety/content-safety.enums';

/** The value of `liveKey` while an entry counts; NULL once cancelled (NULLs never collide in a unique key). */
export const LIVE = 1;

/**
 * One line of the 接龙 list. The unique keys hold the rules: one live entry per member per
 * group-buy, one 接龙 number per group-buy, one entry per (member, requestId).
 */
@ObjectType()
@Entity({ tableName: 'group_buy_entry' })
@Unique({ properties: ['groupBuy', 'seq'] })
@Unique({ properties: ['groupBuy', 'member', 'liveKey'] })
@Unique({ properties: ['member', 'requestId'] })
@Index({ properties: ['groupBuy', 'liveKey', 'seq'] })
@Index({ properties: ['community', 'createdAt'] }) // community stats: group-buy participants in a range
export class GroupBuyEntry extends BaseEntity<'note' | 'noteStatus' | 'pickedUp' | 'pickedUpAt' | 'cancelledAt' | 'liveKey' | 'updatedAt'> {
  @ManyToOne(() => GroupBuy)
  groupBuy!: GroupBuy;

  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => Member)
  member!: Member;

  @Field(() => Int, { description: '接龙号: #1, #2, … in join order' })
  @Property()
  seq!: number;

  @Field(() => Int)
  @Property()
  quantity!: number;

  /** Read through GroupBuyEntryResolver.note: members see it while noteStatus is VISIBLE (content-safety). */
  @Property({ type: 'string', length: 100, nullable: true })
  note?: string | null;

  @Field(() => ContentStatus, { description: 'VISIBLE; REVIEW or HIDDEN: the note is shown to its author and the admins only' })
  @Property({ type: 'string', length: 8, default: ContentStatus.VISIBLE })
  noteStatus: ContentStatus = ContentStatus.VISIBLE;

  @Property({ type: 'string', length: 64 })
  requestId!: string;

  @Property({ type: 'tinyint', nullable: true, default: LIVE })
  liveKey?: number | null = LIVE;

  @Field({ description: '已取货' })
  @Property({ default: false })
  pickedUp: boolean = false;

  @Property({ type: 'datetime', length: 3, nullable: true })
  pickedUpAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Set when the member cancelled; the entry then leaves the 接龙 list' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  cancelledAt?: Date | null;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
