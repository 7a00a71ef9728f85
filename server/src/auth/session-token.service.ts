import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { EntityManager } from '@mikro-orm/knex';
import type { AppConfig } from '../config';
import { columnsOf, mapPrefixed } from '../common/entity-rows';
import { unauthenticated } from '../common/graphql-errors';
import { selectRows } from '../common/sql';
import { User } from '../user/user.entity';

const ISSUER = 'qunyou';

/** Signed, expiring session tokens (HS256). They carry the user id and nothing secret. */
export class SessionTokenService {
  /** Built once: given a string, jsonwebtoken rebuilds a key object (after a failed public-key parse) on every call. */
  private readonly key: KeyObject;

  constructor(private readonly settings: AppConfig['session']) {
    this.key = createSecretKey(Buffer.from(settings.secret, 'utf8'));
  }

  issue(userId: number): string {
    return jwt.sign({}, this.key, {
      algorithm: 'HS256',
      subject: String(userId),
      issuer: ISSUER,
      expiresIn: this.settings.ttlSeconds,
    });
  }

  /** Resolves `Authorization: Bearer <token>` to the user, or throws UNAUTHENTICATED. */
  async authenticate(em: EntityManager, authorization: string): Promise<User> {
    const match = /^Bearer\s+([A-Za-z0-9_\-.]{10,2048})$/.exec(authorization.trim());
    if (!match) throw unauthenticated('登录凭证格式不正确，请重新登录');
    let subject: string | undefined;
    try {
      const claims = jwt.verify(match[1], this.key, { algorithms: ['HS256'], issuer: ISSUER });
      subject = typeof claims === 'string' ? undefined : claims.sub;
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw unauthenticated('登录已过期，请重新登录');
      throw unauthenticated('登录凭证无效，请重新登录');
    }
    const userId = Number(subject);
    if (!Number.isSafeInteger(userId) || userId <= 0) throw unauthenticated('登录凭证无效，请重新登录');
    // Every request with a token runs this: hand-written SQL (see common/sql.ts).
    const [row] = await selectRows<Record<string, unknown>>(em, `select ${columnsOf(em, User, 'u')} from app_user u where u.id = ?`, [userId]);
    if (!row) throw unauthenticated('登录凭证无效，请重新登录');
    return mapPrefixed(em, User, 'u', row);
  }
}
