import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';
import { Member } from '../member/member.entity';

/** 邀请码: one personal invite per member, made the first time they ask for it. */
@Entity({ tableName: 'member_invite' })
export class MemberInvite extends BaseEntity {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => Member, { unique: true })
  member!: Member;

  /** INVITE_CODE_LENGTH characters: never the length of a community join code, so the two cannot be confused. */
  @Property({ length: 16, unique: true })
  code!: string;
}

export enum ReferralStatus {
  /** The invitee has not checked in yet. */
  PENDING = 'PENDING',
  /** The inviter got the referral points at the invitee's first check-in. */
  REWARDED = 'REWARDED',
  /** The first check-in came when the inviter had reached the daily cap (or the reward was 0): nothing paid, ever. */
  CAPPED = 'CAPPED',
}

/** Who invited whom: one row per invitee (the unique key), whichever invite they came by first. */
@Entity({ tableName: 'referral' })
@Index({ properties: ['inviter', 'status', 'settledOn'] })
@Index({ properties: ['community', 'createdAt'] })
@Unique({ properties: ['invitee'] })
export class Referral extends BaseEntity<'points' | 'settledOn' | 'settledAt' | 'status'> {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => Member)
  inviter!: Member;

  @ManyToOne(() => Member)
  invitee!: Member;

  @Property({ type: 'string', length: 12 })
  status: ReferralStatus = ReferralStatus.PENDING;

  /** Points paid to the inviter (0 unless REWARDED). */
  @Property({ default: 0 })
  points: number = 0;

  /** Community-local date of the invitee's first check-in, when the referral was settled. */
  @Property({ type: 'string', length: 10, nullable: true })
  settledOn?: string | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  settledAt?: Date | null;
}
