import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Surrogate key and creation time shared by every table. DATETIME(3): MariaDB drops
 * milliseconds from a plain DATETIME, and ordering by creation needs them. Its @Field()s are
 * inherited by every GraphQL object type that extends it.
 */
@ObjectType()
export abstract class BaseEntity<Optional extends string = never> {
  [OptionalProps]?: 'createdAt' | Optional;

  @Field(() => ID)
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Field()
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();
}
