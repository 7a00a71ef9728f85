import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { JsonColumn } from '../db/json.type';
import { Community } from '../community/community.entity';
import { User } from '../user/user.entity';
import type { QuestionDefinition } from './questionnaire-definition';

/** 入群问卷: one per community. Shown through QuestionnaireView, which hides scores from non-admins. */
@Entity({ tableName: 'questionnaire' })
export class Questionnaire extends BaseEntity<'intro' | 'updatedAt'> {
  @ManyToOne(() => Community, { unique: true })
  community!: Community;

  @ManyToOne(() => User)
  updatedBy!: User;

  @Property({ type: 'string', length: 40 })
  title!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  intro?: string | null;

  @Property()
  passScore!: number;

  /** A passing score makes the applicant an active member at once. */
  @Property()
  autoApprove!: boolean;

  /** Points given when an application is approved (0 = none). */
  @Property()
  welcomePoints!: number;

  @Property({ type: JsonColumn })
  questions!: QuestionDefinition[];

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
