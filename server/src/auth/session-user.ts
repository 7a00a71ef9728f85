import type { EntityManager } from '@mikro-orm/knex';
import { mapPrefixed, viewOf } from '../db/entity-rows';
import { User } from '../user/user.entity';

/**
 * The caller of a request, as its session token and user row say: the id at once, the entity when
 * something asks for it. Most requests need only the id (the caller's member row, rate limits,
 * authorization); turning the row into a managed entity was 17% of the CPU of `{ __typename }` with
 * a session (test/bench/floor.bench.js), so it waits until a resolver or service wants the user.
 */
export class SessionUser {
  private entity?: User;
  private readOnly?: User;

  constructor(
    private readonly em: EntityManager,
    readonly id: number,
    /** The user's columns under the prefix `u__` (columnsOf). */
    private readonly row: Record<string, unknown>,
  ) {}

  /** The user in the request's EntityManager, mapped once, as if the ORM had loaded it. */
  get user(): User {
    return (this.entity ??= mapPrefixed(this.em, User, 'u', this.row));
  }

  /** The same user as a read-only view (entity-rows.ts viewOf): for answering with its profile, nothing mapped. */
  get view(): User {
    return this.entity ?? (this.readOnly ??= viewOf(this.em, User, 'u', this.row));
  }
}
