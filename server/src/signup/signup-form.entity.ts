import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { JsonColumn } from '../db/json.type';
import { Community } from '../community/community.entity';
import { User } from '../user/user.entity';
import type { SignupFieldDefinition } from './signup-field';

/**
 * 报名表单. confirmedCount changes only by conditional UPDATEs (`confirmed_count < capacity`)
 * made while the row is locked, so confirmed sign-ups never exceed the capacity; the same lock
 * orders the waitlist (lastWaitlistNo) and promotions.
 */
@ObjectType()
@Entity({ tableName: 'signup_form' })
@Index({ properties: ['community', 'createdAt'] })
export class SignupForm extends BaseEntity<'description' | 'deadline' | 'closedAt' | 'confirmedCount' | 'lastWaitlistNo' | 'updatedAt'> {
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

  @Property({ type: JsonColumn })
  fields!: SignupFieldDefinition[];

  @Field(() => Int)
  @Property()
  capacity!: number;

  @Field({ description: 'Beyond the capacity: WAITLISTED (true) or FormFull (false)' })
  @Property()
  waitlist!: boolean;

  @Field(() => Date, { nullable: true, description: 'Sign-ups, edits and cancellations end here' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  deadline?: Date | null;

  /** Closed early by an admin. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  closedAt?: Date | null;

  @Field(() => Int)
  @Property({ default: 0 })
  confirmedCount: number = 0;

  /** The last waitlist number handed out; lower numbers are promoted first. */
  @Property({ default: 0 })
  lastWaitlistNo: number = 0;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
