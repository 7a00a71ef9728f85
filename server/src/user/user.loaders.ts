import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { byIds } from '../db/by-ids';
import type { SessionUser } from '../auth/session-user';
import { User } from './user.entity';

/** Users by id; the caller's own comes from the session (no statement), mapped only if asked for. */
export function userLoaders(em: EntityManager, caller: SessionUser | null) {
  return {
    user: new DataLoader<number, User | null>(async (ids) => {
      const others = caller ? ids.filter((id) => id !== caller.id) : ids;
      const users = others.length > 0 ? await em.find(User, { id: { $in: [...others] } }) : [];
      if (caller && others.length < ids.length) users.push(caller.user);
      return byIds(users, ids);
    }),
  };
}
