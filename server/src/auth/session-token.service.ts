import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { EntityManager } from '@mikro-orm/knex';
import type { AppConfig } from '../config';
import { columnsOf, mapPrefixed } from '../db/entity-rows';
import { unauthenticated } from '../graphql/graphql-errors';
import { runStatement, selectRows } from '../db/sql';
import { User } from '../user/user.entity';

const ISSUER = 'qunyou';

/** Signed, expiring session tokens (HS256). They carry the user id and nothing secret. */
export class SessionTokenService {
  /** Built once: given a string, jsonwebtoken rebuilds a key object (after a failed public-key parse) on every call. */
  private readonly key: KeyObject;

  constructor(private readonly settings: AppConfig['session']) {
    this.key = createSecretKey(Buffer.from(settings.secret, 'utf8'));
  }

  issue(user: Pick<User, 'id' | 'sessionGeneration'>): string {
    return jwt.sign({ gen: user.sessionGeneration }, this.key, {
      algorithm: 'HS256',
      subject: String(user.id),
      issuer: ISSUER,
      expiresIn: this.settings.ttlSeconds,
    });
  }

  /** Resolves `Authorization: Bearer <token>` to the user, or throws UNAUTHENTICATED. */
  async authenticate(em: EntityManager, authorization: string): Promise<User> {
    const match = /^Bearer\s+([A-Za-z0-9_\-.]{10,2048})$/.exec(authorization.trim());
    if (!match) throw unauthenticated('登录凭证格式不正确，请重新登录');
    let subject: string | undefined;
    let generation: unknown;
    try {
      const claims = jwt.verify(match[1], this.key, { algorithms: ['HS256'], issuer: ISSUER });
      subject = typeof claims === 'string' ? undefined : claims.sub;
      generation = typeof claims === 'string' ? undefined : claims.gen;
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw unauthenticated('登录已过期，请重新登录');
      throw unauthenticated('登录凭证无效，请重新登录');
    }
    const userId = Number(subject);
    if (!Number.isSafeInteger(userId) || userId <= 0) throw unauthenticated('登录凭证无效，请重新登录');
    // Every request with a token runs this: hand-written SQL (see db/sql.ts).
    const [row] = await selectRows<Record<string, unknown>>(em, `select ${columnsOf(em, User, 'u')} from app_user u where u.id = ?`, [userId]);
    if (!row) throw unauthenticated('登录凭证无效，请重新登录');
    const user = mapPrefixed(em, User, 'u', row);
    // Tokens issued before logout existed carry no generation: they stand for generation 0.
    if ((generation ?? 0) !== user.sessionGeneration) throw unauthenticated('已退出登录，请重新登录');
    return user;
  }

  /** Revokes every session token of the user, in every process at once (each request reads the generation). */
  async revokeAll(em: EntityManager, userId: number): Promise<void> {
    await runStatement(em, 'update app_user set session_generation = session_generation + 1 where id = ?', [userId]);
  }
}
