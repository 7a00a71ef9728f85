import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Community } from '../community/community.entity';
import { BaseEntity } from '../db/base.entity';
import { JsonColumn } from '../db/json.type';
import { User } from '../user/user.entity';

/** One row per admin mutation: who, what, on which target, when, and how it ended. */
@ObjectType('AuditEntry')
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['community', 'createdAt'] })
export class AuditLog extends BaseEntity<'targetType' | 'targetId' | 'detail'> {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => User)
  actor!: User;

  /** The GraphQL mutation, e.g. setMemberRole. */
  @Field()
  @Property({ length: 64 })
  action!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 32, nullable: true })
  targetType?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  targetId?: string | null;

  /** OK, or the errorCode of the business failure it answered. */
  @Field()
  @Property({ length: 48 })
  outcome!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The arguments, secrets and ciphertext left out' })
  @Property({ type: JsonColumn, nullable: true })
  detail?: Record<string, unknown> | null;
}
