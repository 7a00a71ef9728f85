import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { JsonColumn } from '../db/json.type';
import { Community } from '../community/community.entity';
import { Member } from '../member/member.entity';
import type { SignupAnswerSnapshot } from './signup-field';
import { SignupForm } from './signup-form.entity';
import { SignupStatus } from './signup.enums';

/** The value of `liveKey` while a submission counts; NULL once cancelled. */
export const LIVE = 1;

/** One member's sign-up. One live submission per member per form (unique key); cancelled ones stay. */
@ObjectType()
@Entity({ tableName: 'signup_submission' })
@Unique({ properties: ['form', 'member', 'liveKey'] })
@Index({ properties: ['form', 'status', 'waitlistNo'] })
@Index({ properties: ['community', 'createdAt'] }) // community stats: sign-ups in a range
export class SignupSubmission extends BaseEntity<'waitlistNo' | 'liveKey' | 'confirmedAt' | 'cancelledAt' | 'updatedAt'> {
  @ManyToOne(() => SignupForm)
  form!: SignupForm;

  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => Member)
  member!: Member;

  @Field(() => SignupStatus)
  @Property({ type: 'string', length: 12 })
  status!: SignupStatus;

  /** Order in the waitlist (set when it joined the waitlist; kept after promotion). */
  @Property({ type: 'integer', nullable: true })
  waitlistNo?: number | null;

  @Property({ type: JsonColumn })
  answers!: SignupAnswerSnapshot[];

  @Property({ type: 'tinyint', nullable: true, default: LIVE })
  liveKey?: number | null = LIVE;

  @Field(() => Date, { nullable: true, description: 'When it became CONFIRMED (at once, or promoted from the waitlist)' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  confirmedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  cancelledAt?: Date | null;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
