import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { JsonColumn } from '../db/json.type';
import { Community } from '../community/community.entity';
import { Member } from '../member/member.entity';
import { User } from '../user/user.entity';
import { DeliveryState, NotificationKind } from './notification.enums';

/** The `data` of a subscription message: `{ thing1: { value } … }` with WeChat's value limits already applied. */
export type TemplateData = Record<string, { value: string }>;

/**
 * One message to one member: an item of their inbox (消息) and, at once, a row of the
 * transactional outbox. The business change that causes it inserts it in its own transaction;
 * the sender job (notification-sender.service.ts) claims due rows and moves them through
 * DeliveryState. `dedupeKey` is unique, so a moment is told once however often its code runs.
 */
@ObjectType('InboxMessage')
@Entity({ tableName: 'notification_message' })
@Index({ properties: ['state', 'nextAttemptAt'] })
@Index({ properties: ['member', 'readAt'] })
@Index({ properties: ['community', 'state'] })
@Index({ properties: ['kind', 'refId'] })
export class NotificationMessage extends BaseEntity<'templateId' | 'nextAttemptAt' | 'claimToken' | 'consentTaken' | 'attempts' | 'errcode' | 'error' | 'sentAt' | 'readAt'> {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => Member)
  member!: Member;

  @ManyToOne(() => User)
  user!: User;

  @Field(() => NotificationKind)
  @Property({ type: 'string', length: 24 })
  kind!: NotificationKind;

  @Property({ type: 'string', length: 120, unique: true })
  dedupeKey!: string;

  /** The business row it tells about: group-buy, coupon, application or sign-up submission id. */
  @Property()
  refId!: number;

  @Field()
  @Property({ type: 'string', length: 40 })
  title!: string;

  @Field()
  @Property({ type: 'string', length: 300 })
  body!: string;

  @Field({ description: 'The mini-program page the message opens (no leading slash, as WeChat takes it)' })
  @Property({ type: 'string', length: 200 })
  page!: string;

  @Property({ type: JsonColumn })
  data!: TemplateData;

  /** The template it goes out with, fixed when the row is written; null = inbox only. */
  @Property({ type: 'string', length: 64, nullable: true })
  templateId?: string | null;

  @Property({ type: 'string', length: 12 })
  state!: DeliveryState;

  /** When a QUEUED row is due, or when a SENDING row's claim runs out. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  nextAttemptAt?: Date | null;

  /** The claim that holds a SENDING row; every later write of the sender is conditional on it. */
  @Property({ type: 'string', length: 40, nullable: true })
  claimToken?: string | null;

  /** One `accept` was used for this row: a retry or a reclaim never takes a second one. */
  @Property({ default: false })
  consentTaken: boolean = false;

  @Property({ default: 0 })
  attempts: number = 0;

  /** WeChat's last errcode (or -2 for a network failure). */
  @Property({ type: 'integer', nullable: true })
  errcode?: number | null;

  @Property({ type: 'string', length: 200, nullable: true })
  error?: string | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  sentAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  readAt?: Date | null;
}
