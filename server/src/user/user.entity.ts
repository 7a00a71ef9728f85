import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';

/** A WeChat user, known only by the openid that code2Session returned. */
@ObjectType()
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity<'updatedAt' | 'nickname' | 'avatarUrl' | 'avatarMediaId' | 'nicknameStatus' | 'sessionGeneration'> {
  @Property({ length: 64, unique: true })
  openid!: string;

  /** WeChat's session_key: decrypts group data. Never a GraphQL field, never serialized, never logged. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true, lazy: true })
  sessionKey?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 32, nullable: true })
  nickname?: string | null;

  /** The public URL of the avatar image (avatarMediaId) in our media store: never a URL a client sent. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 512, nullable: true })
  avatarUrl?: string | null;

  /** The uploaded image (media) behind avatarUrl: withdrawing it clears both. */
  @Property({ type: 'integer', nullable: true, index: true })
  avatarMediaId?: number | null;
  /** VISIBLE, or REVIEW while WeChat's check of the nickname asks for a human (others then see no nickname). */
  @Property({ type: 'string', length: 8, default: 'VISIBLE' })
  nicknameStatus: string = 'VISIBLE';

  /** Session tokens carry the generation they were issued in; logout moves it on, revoking them all in every process. */
  @Property({ default: 0 })
  sessionGeneration: number = 0;

  @Property({ type: 'datetime', length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
