import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { MikroORM } from '@mikro-orm/core';
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import { runStatement } from '../db/sql';
import { WeChatAccessToken } from './wechat-access-token.entity';
import type { WeChatMessageApi } from './wechat-api.client';

/** WeChat's normal mode renews a token 5 minutes before its end; we stop using it a little earlier. */
const EARLY_MS = 6 * 60_000;
const REFRESH_LEASE_MS = 15_000;
const WAIT_STEP_MS = 100;

/**
 * The access token, cached in the database for every process and in memory for this one. One
 * process at a time refreshes it (a lease taken by a conditional UPDATE), so N processes and M
 * messages cost one /cgi-bin/stable_token call per 2 hours, not N or M.
 */
export class WeChatAccessTokenService {
  private cached: { token: string; usableUntil: number } | null = null;
  /** This process's one lookup in flight: concurrent sends wait for it instead of racing for the lease. */
  private lookup: Promise<string> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly appId: string,
    private readonly api: WeChatMessageApi,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async get(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.cached && this.cached.usableUntil > now) return this.cached.token;
    this.lookup ??= this.load().finally(() => {
      this.lookup = null;
    });
    return this.lookup;
  }

  private async load(): Promise<string> {
    const em = this.orm.em.fork() as EntityManager;
    await this.ensureRow(em);
    const deadline = Date.now() + REFRESH_LEASE_MS + 5000;
    for (;;) {
      const row = await em.findOneOrFail(WeChatAccessToken, { appId: this.appId }, { refresh: true });
      const at = this.clock.now();
      if (row.token && row.expiresAt && row.expiresAt.getTime() > at.getTime()) {
        this.cached = { token: row.token, usableUntil: row.expiresAt.getTime() };
        return row.token;
      }
      if (await this.takeLease(em, at)) return this.refresh(em, row.rejectedToken ?? null);
      if (Date.now() > deadline) throw new Error('access token: another process holds the refresh and never finished');
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }

  /**
   * WeChat said 40001/42001 for `token`: forget it here and in the database (only if it is still
   * the stored one, so a token another process just refreshed is not thrown away).
   */
  async reject(token: string): Promise<void> {
    if (this.cached?.token === token) this.cached = null;
    const em = this.orm.em.fork() as EntityManager;
    await runStatement(em, 'update wechat_access_token set expires_at = null, rejected_token = ?, updated_at = ? where app_id = ? and token = ?', [token, this.clock.now(), this.appId, token]);
  }

  private async ensureRow(em: EntityManager): Promise<void> {
    if (await em.count(WeChatAccessToken, { appId: this.appId })) return;
    try {
      await em.insert(WeChatAccessToken, { appId: this.appId, createdAt: this.clock.now(), updatedAt: this.clock.now() });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
  }

  /**
   * The lease, only while the stored token is still missing or expired: a process that read the row
   * just before another one finished refreshing must not refresh a second time.
   */
  private async takeLease(em: EntityManager, at: Date): Promise<boolean> {
    const { affectedRows } = await runStatement(
      em,
      `update wechat_access_token set refresh_lease_until = ?, updated_at = ?
        where app_id = ? and (refresh_lease_until is null or refresh_lease_until <= ?) and (token is null or expires_at is null or expires_at <= ?)`,
      [new Date(at.getTime() + REFRESH_LEASE_MS), at, this.appId, at, at],
    );
    return affectedRows === 1;
  }

  private async refresh(em: EntityManager, rejected: string | null): Promise<string> {
    try {
      let fresh = await this.api.stableToken(false);
      // Normal mode hands back the current token while it lives; if that is the one WeChat refused, force a new one.
      if (rejected && fresh.accessToken === rejected) fresh = await this.api.stableToken(true);
      const at = this.clock.now().getTime();
      const lifetimeMs = fresh.expiresInSeconds * 1000;
      const usableUntil = at + Math.max(lifetimeMs - EARLY_MS, lifetimeMs / 2);
      await runStatement(
        em,
        'update wechat_access_token set token = ?, expires_at = ?, refresh_lease_until = null, rejected_token = null, updated_at = ? where app_id = ?',
        [fresh.accessToken, new Date(usableUntil), new Date(at), this.appId],
      );
      this.cached = { token: fresh.accessToken, usableUntil };
      this.log.info({ expiresIn: fresh.expiresInSeconds }, 'wechat access token refreshed');
      return fresh.accessToken;
    } catch (error) {
      await runStatement(em, 'update wechat_access_token set refresh_lease_until = null where app_id = ?', [this.appId]).catch(() => undefined);
      throw error;
    }
  }
}
