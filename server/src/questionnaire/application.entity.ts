import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { JsonColumn } from '../db/json.type';
import { Community } from '../community/community.entity';
import { Member } from '../member/member.entity';
import { User } from '../user/user.entity';
import type { AnswerSnapshot } from './questionnaire-definition';
import { ApplicationStatus } from './questionnaire.enums';

/**
 * An applicant's answers to the entry questionnaire, scored by the server. A member's
 * applications are numbered (attempt 1, 2, …; unique), and a new one is allowed only after a
 * rejection, so two simultaneous submissions cannot both be pending.
 */
@ObjectType('Application')
@Entity({ tableName: 'membership_application' })
@Unique({ properties: ['member', 'attempt'] })
@Index({ properties: ['community', 'status', 'id'] })
export class Application extends BaseEntity<'rejectReason' | 'reviewedAt' | 'reviewedBy'> {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => Member)
  member!: Member;

  @Property()
  attempt!: number;

  @Field(() => ApplicationStatus)
  @Property({ type: 'string', length: 12 })
  status!: ApplicationStatus;

  /** Sum of the chosen options' scores, computed by the server; the admins' business (QuestionnaireResolver.score). */
  @Property()
  score!: number;

  /** score ≥ the pass score when it was submitted; the admins' business. */
  @Property()
  passed!: boolean;

  @Property({ type: JsonColumn })
  answers!: AnswerSnapshot[];

  /** Tags of the chosen options; the member gets them on approval. */
  @Property({ type: JsonColumn })
  tags!: string[];

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  rejectReason?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  reviewedAt?: Date | null;

  /** The admin who decided; null when approved automatically. */
  @ManyToOne(() => User, { nullable: true })
  reviewedBy?: User | null;
}
