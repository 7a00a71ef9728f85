import { createSecretKey, KeyObject } from 'node:crypto';
import type DataLoader from 'dataloader';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { AppConfig } from '../config';
import { columnsOf } from '../db/entity-rows';
import { unauthenticated } from '../graphql/graphql-errors';
import { inKeyOrder } from '../db/by-ids';
import { readTogether } from '../db/read-together';
import { placeholders, runStatement, selectRows } from '../db/sql';
import { User } from '../user/user.entity';
import { SessionUser } from './session-user';

const ISSUER = 'qunyou';

/** What a verified token says: whose it is, of which session generation. */
interface VerifiedClaims {
  userId: number;
  generation: unknown;
}

/** Signed, expiring session tokens (HS256). They carry the user id and nothing secret. */
export class SessionTokenService {
  /** Built once: given a string, jsonwebtoken rebuilds a key object (after a failed public-key parse) on every call. */
  private readonly key: KeyObject;
  /**
   * Tokens this process verified, each kept until its own expiry (the entry's ttl): a member's mini-program sends the same token
   * with every request, and checking its signature again cost about 3% of a flash sale's CPU. Only
   * the signature and expiry are remembered; the user row (and its session generation, which logout
   * bumps) is still read on every request, so revocation holds across processes.
   */
  private readonly verified = new LRUCache<string, VerifiedClaims>({ max: 20_000 });

  /**
   * The session users' rows. Every request with a token reads its user's row after it arrived, so a
   * logout (which bumps the generation) holds at once in every process; the requests that
   * authenticate in the same turn of the event loop read theirs in one statement (read-together.ts).
   */
  private readonly userRows: DataLoader<number, Record<string, unknown> | undefined>;

  constructor(
    private readonly settings: AppConfig['session'],
    orm: MikroORM,
  ) {
    this.key = createSecretKey(Buffer.from(settings.secret, 'utf8'));
    this.userRows = readTogether(orm, async (em, ids) => {
      const rows = await selectRows<Record<string, unknown>>(em, `select ${columnsOf(em, User, 'u')} from app_user u where u.id in (${placeholders(ids.length)})`, [...ids]);
      return inKeyOrder(rows, ids, (row) => Number(row.u__id));
    });
  }

  issue(user: Pick<User, 'id' | 'sessionGeneration'>): string {
    return jwt.sign({ gen: user.sessionGeneration }, this.key, {
      algorithm: 'HS256',
      subject: String(user.id),
      issuer: ISSUER,
      expiresIn: this.settings.ttlSeconds,
    });
  }

  /** Resolves `Authorization: Bearer <token>` to the session's user (its entity mapped when first used), or throws UNAUTHENTICATED. */
  async authenticate(em: EntityManager, authorization: string): Promise<SessionUser> {
    const match = /^Bearer\s+([A-Za-z0-9_\-.]{10,2048})$/.exec(authorization.trim());
    if (!match) throw unauthenticated('登录凭证格式不正确，请重新登录');
    const { userId, generation } = this.verify(match[1]);
    const row = await this.userRows.load(userId);
    if (!row) throw unauthenticated('登录凭证无效，请重新登录');
    // Tokens issued before logout existed carry no generation: they stand for generation 0.
    if ((generation ?? 0) !== Number(row.u__session_generation)) throw unauthenticated('已退出登录，请重新登录');
    return new SessionUser(em, userId, row);
  }

  /** The token's claims once its signature, issuer and expiry hold; UNAUTHENTICATED otherwise. */
  private verify(token: string): VerifiedClaims {
    const cached = this.verified.get(token);
    if (cached) return cached;
    let claims: string | jwt.JwtPayload;
    try {
      claims = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER });
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw unauthenticated('登录已过期，请重新登录');
      throw unauthenticated('登录凭证无效，请重新登录');
    }
    const userId = typeof claims === 'string' ? NaN : Number(claims.sub);
    if (typeof claims === 'string' || !Number.isSafeInteger(userId) || userId <= 0) throw unauthenticated('登录凭证无效，请重新登录');
    const verified = { userId, generation: claims.gen };
    if (typeof claims.exp === 'number') this.verified.set(token, verified, { ttl: claims.exp * 1000 - Date.now() });
    return verified;
  }

  /** Revokes every session token of the user, in every process at once (each request reads the generation). */
  async revokeAll(em: EntityManager, userId: number): Promise<void> {
    await runStatement(em, 'update app_user set session_generation = session_generation + 1 where id = ?', [userId]);
  }
}
