import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { User } from '../user/user.entity';

/**
 * The `accept`s a user gave a one-time template and that no send has used yet. WeChat counts them
 * per user and template for the whole app (not per community), so do we: `remaining` goes up by
 * one per accept (recordSubscriptionConsent) and down by one per send, by conditional UPDATEs.
 */
@Entity({ tableName: 'subscription_consent' })
@Unique({ properties: ['user', 'templateId'] })
export class SubscriptionConsent extends BaseEntity<'remaining' | 'accepted' | 'lastStatus' | 'updatedAt'> {
  @ManyToOne(() => User)
  user!: User;

  @Property({ type: 'string', length: 64 })
  templateId!: string;

  @Property({ default: 0 })
  remaining: number = 0;

  /** Every accept ever given, for the record. */
  @Property({ default: 0 })
  accepted: number = 0;

  /** WeChat's last answer for this template: accept, reject, ban or filter. */
  @Property({ type: 'string', length: 12, nullable: true })
  lastStatus?: string | null;

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
