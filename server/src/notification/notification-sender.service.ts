import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { NotificationSettings } from '../config';
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import { isMySql, placeholders, runStatement, selectRows, SqlTarget, sqlTransaction } from '../db/sql';
import type { WeChatAccessTokenService } from '../wechat/wechat-access-token.service';
import { NO_ANSWER, SendAnswer, WeChatMessageApi } from '../wechat/wechat-api.client';
import { TOKEN_REJECTED, withAccessToken } from '../wechat/with-access-token';
import { NotificationMessage } from './notification-message.entity';
import { DeliveryState } from './notification.enums';

/** Worth another try later: system busy, daily quota, no answer at all. Token errors are retried at once, once. */
const TRANSIENT = new Set([-1, 45009, NO_ANSWER]);
/** A round claims at most this many batches, so one job run ends and the timer fires again. */
const ROUNDS_PER_RUN = 20;

export interface SenderRun {
  claimed: number;
  sent: number;
}

class LostClaim extends Error {}

/**
 * The outbox's sender; every server process runs it (notification-sender.job.ts).
 *
 * Claim: a short transaction picks due rows with FOR UPDATE SKIP LOCKED (MySQL 8, MariaDB ≥ 10.6),
 * or on SQLite by a conditional UPDATE, and marks them SENDING with this claim's token and a lease
 * (next_attempt_at = now + lease). Two processes never hold the same row; a process that dies
 * leaves its rows SENDING until the lease runs out, and then any process claims them again.
 *
 * Deliver, per row: take one consent (a conditional decrement, in one transaction with the
 * row's `consent_taken` flag, so a retry or a reclaim never takes a second); call WeChat; write
 * the outcome. Every write after the claim is conditional on the claim token.
 *
 * The one window: WeChat accepted the send and this process died (or lost its database) before
 * the SENT update committed. The row is claimed again after the lease and sent a second time;
 * WeChat then answers 43101 unless the member had given a second accept. Rows marked SENT are
 * never claimed again.
 */
export class NotificationSender {
  constructor(
    private readonly orm: MikroORM,
    private readonly settings: NotificationSettings,
    private readonly api: WeChatMessageApi,
    private readonly tokens: WeChatAccessTokenService,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async run(): Promise<SenderRun> {
    const total: SenderRun = { claimed: 0, sent: 0 };
    for (let round = 0; round < ROUNDS_PER_RUN; round += 1) {
      const rows = await this.claim(this.settings.batchSize);
      total.claimed += rows.length;
      let next = 0;
      const worker = async () => {
        while (next < rows.length) {
          const row = rows[next++];
          try {
            if ((await this.deliver(row)) === DeliveryState.SENT) total.sent += 1;
          } catch (error) {
            // The database failed under this row: it stays SENDING and is claimed again after its lease.
            this.log.error({ err: error, messageId: row.id }, 'subscription message: delivery failed');
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, rows.length) }, worker));
      if (rows.length < this.settings.batchSize) break;
    }
    return total;
  }

  /** What the senders have to catch up on: the rows a claim would take now, and since when the oldest was due (the metrics). */
  async backlog(): Promise<{ due: number; oldestDueAt: Date | null }> {
    const [row] = await selectRows<{ due: number | string; oldest: Date | string | null }>(
      this.orm.em.fork() as EntityManager,
      'select count(*) as due, min(next_attempt_at) as oldest from `notification_message` where state in (?, ?) and next_attempt_at <= ?',
      [DeliveryState.QUEUED, DeliveryState.SENDING, this.clock.now()],
    );
    return { due: Number(row?.due ?? 0), oldestDueAt: row?.oldest ? new Date(row.oldest) : null };
  }

  /** Takes up to `limit` due rows for this process: QUEUED ones first, then SENDING ones whose lease ran out. */
  async claim(limit: number): Promise<NotificationMessage[]> {
    const em = this.orm.em.fork() as EntityManager;
    const claimToken = randomUUID();
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.settings.claimLeaseMs);
    const dueRows = (target: SqlTarget, state: DeliveryState, count: number, lock: string) =>
      selectRows<{ id: number }>(target, `select id from \`notification_message\` where state = ? and next_attempt_at <= ? order by next_attempt_at, id limit ?${lock}`, [state, now, count]);
    const hold = async (target: SqlTarget, rows: { id: number }[], stillDue: string, dueParams: unknown[]) =>
      rows.length === 0
        ? 0
        : (
            await runStatement(
              target,
              `update notification_message set state = ?, claim_token = ?, next_attempt_at = ? where id in (${placeholders(rows.length)})${stillDue}`,
              [DeliveryState.SENDING, claimToken, leaseUntil, ...rows.map((row) => row.id), ...dueParams],
            )
          ).affectedRows;
    let taken = 0;
    for (const state of [DeliveryState.QUEUED, DeliveryState.SENDING]) {
      if (taken >= limit) break;
      if (isMySql(em)) {
        // Rows another process holds are skipped, not waited for.
        taken += await sqlTransaction(em, async (tx) => hold(tx, await dueRows(tx, state, limit - taken, ' for update skip locked'), '', []));
      } else {
        taken += await hold(em, await dueRows(em, state, limit - taken, ''), ' and state = ? and next_attempt_at <= ?', [state, now]);
      }
    }
    if (taken === 0) return [];
    return em.find(NotificationMessage, { claimToken }, { populate: ['user'], orderBy: { id: 'asc' }, refresh: true });
  }

  /** One claimed row to WeChat and its outcome recorded; returns the state it ended in (null: the claim was lost). */
  async deliver(row: NotificationMessage): Promise<DeliveryState | null> {
    const em = this.orm.em.fork() as EntityManager;
    try {
      if (!row.consentTaken) {
        const allowed = await this.takeConsent(em, row);
        if (!allowed) return DeliveryState.NO_CONSENT;
      } else if ((await this.settle(em, row, 'next_attempt_at = ?', [this.leaseEnd()])) !== 1) {
        return null;
      }
    } catch (error) {
      if (error instanceof LostClaim) return null;
      throw error;
    }

    const answer = await this.send(row);
    const now = this.clock.now();
    const attempts = row.attempts + 1;
    const errorText = answer.errmsg.slice(0, 200);
    if (answer.errcode === 0) {
      await this.settle(em, row, 'state = ?, sent_at = ?, attempts = ?, claim_token = null, next_attempt_at = null, errcode = 0, error = null', [DeliveryState.SENT, now, attempts]);
      return DeliveryState.SENT;
    }
    const transient = TRANSIENT.has(answer.errcode) || TOKEN_REJECTED.has(answer.errcode);
    if (transient && attempts < this.settings.maxAttempts) {
      const retryAt = new Date(now.getTime() + this.settings.retryBaseMs * 2 ** (attempts - 1));
      await this.settle(em, row, 'state = ?, attempts = ?, claim_token = null, next_attempt_at = ?, errcode = ?, error = ?', [DeliveryState.QUEUED, attempts, retryAt, answer.errcode, errorText]);
      this.log.warn({ messageId: row.id, errcode: answer.errcode, attempts }, 'subscription message: transient failure, retrying');
      return DeliveryState.QUEUED;
    }
    await this.settle(em, row, 'state = ?, attempts = ?, claim_token = null, next_attempt_at = null, errcode = ?, error = ?', [DeliveryState.FAILED, attempts, answer.errcode, errorText]);
    this.log.warn({ messageId: row.id, errcode: answer.errcode, attempts }, 'subscription message refused');
    return DeliveryState.FAILED;
  }

  /**
   * One `accept` of this template used for this row, or NO_CONSENT (inbox only) when none is
   * left. The decrement and the row's flag commit together; a lost claim rolls both back.
   */
  private takeConsent(em: EntityManager, row: NotificationMessage): Promise<boolean> {
    return em.transactional(async (tx) => {
      const now = this.clock.now();
      const took = await runStatement(
        tx as EntityManager,
        'update subscription_consent set remaining = remaining - 1, updated_at = ? where user_id = ? and template_id = ? and remaining > 0',
        [now, row.user.id, row.templateId!],
      );
      const taken = took.affectedRows === 1;
      const settled = taken
        ? await this.settle(tx as EntityManager, row, 'consent_taken = ?, next_attempt_at = ?', [true, this.leaseEnd()])
        : await this.settle(tx as EntityManager, row, 'state = ?, claim_token = null, next_attempt_at = null', [DeliveryState.NO_CONSENT]);
      if (settled !== 1) throw new LostClaim();
      return taken;
    });
  }

  /** Sets `assignments` on the row while this process's claim on it holds. @returns 1, or 0 when the claim was lost. */
  private async settle(target: SqlTarget, row: NotificationMessage, assignments: string, params: unknown[]): Promise<number> {
    const { affectedRows } = await runStatement(
      target,
      `update notification_message set ${assignments} where id = ? and claim_token = ? and state = ?`,
      [...params, row.id, row.claimToken, DeliveryState.SENDING],
    );
    return affectedRows;
  }

  /** The send, with one token refresh when WeChat says the token is invalid or expired. */
  private send(row: NotificationMessage): Promise<SendAnswer> {
    const message = {
      touser: row.user.openid,
      template_id: row.templateId!,
      page: row.page,
      data: row.data,
      miniprogram_state: this.settings.miniprogramState,
      lang: 'zh_CN',
    };
    return withAccessToken(this.tokens, (token) => this.api.sendSubscribeMessage(token, message));
  }

  private leaseEnd(): Date {
    return new Date(this.clock.now().getTime() + this.settings.claimLeaseMs);
  }
}
