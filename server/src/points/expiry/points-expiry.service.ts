import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Clock } from '../../common/clock';
import { addDays, localDate } from '../../common/local-date';
import { insertIgnoreInto, isMySql, placeholders, runStatement, runStatementsAndCommit, selectRows, SqlTarget } from '../../db/sql';
import { inSqlTransaction } from '../../db/transaction';
import { MemberStatus } from '../../member/member.enums';
import { expiredPointsStatement } from '../../member/member-rows';
import type { NotificationService } from '../../notification/notification.service';
import { pointsExpiringDraft } from '../../notification/notification-drafts';
import { PointsEntryType } from '../points.enums';
import { PointsExpiryMode } from './points-expiry.enums';
import { dateText } from './points-lots';

/** Members per transaction of the expiry job: bounds its locks and its statements' IN lists. */
const CHUNK = 1000;
/** The warnings: this many days before the date. */
export const WARN_DAYS = [30, 7] as const;

interface ExpiringCommunity {
  id: number;
  timezone: string;
}

/**
 * The nightly work of 积分有效期: the points of every lot whose date has passed expire, one
 * POINTS_EXPIRED ledger row per member and date; and members hear 30 and 7 days before.
 *
 * It reads only the lots due (points_lot by community and date), never the ledger, so a night costs
 * what the members with points due cost, whatever the history. Per community, a date at a time, a
 * thousand members a transaction, each transaction a few set-based statements: lock those members
 * (in id order, as any second run does: they queue, not deadlock), claim (member, date) in
 * points_expiry_claim (its primary key lets one run of any number of processes have it), take the
 * claimed points off the balance (never more than the balance; lifetime points and tier untouched),
 * write the ledger rows with the balance they left, empty the lots. Spending takes the same member
 * lock first (member/member-lock.ts), so a redemption either spends the points before they expire or
 * finds them gone: never both.
 */
export class PointsExpiryService {
  constructor(
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  /** The periodic job: expire what is due, then warn of what comes. */
  async run(em: EntityManager): Promise<{ expired: number; warned: number }> {
    let expired = 0;
    let warned = 0;
    for (const community of await expiringCommunities(em)) {
      expired += await this.expireDue(em, community);
      for (const days of WARN_DAYS) warned += await this.warn(em, community, days);
    }
    return { expired, warned };
  }

  /** Every lot of the community whose last day is before today (community-local). @returns the members whose points expired. */
  async expireDue(em: EntityManager, community: ExpiringCommunity): Promise<number> {
    const now = this.clock.now();
    const today = localDate(now, community.timezone);
    const done = await progressOf(em, community.id, 'EXPIRE');
    const dates = await dueDates(em, community.id, done, addDays(today, -1));
    let expired = 0;
    for (const date of dates) {
      for (let after = 0; ; ) {
        const members = await membersWithPointsOn(em, community.id, date, after);
        if (members.length === 0) break;
        expired += await inSqlTransaction({ em }, (tx) => expireLots(tx, community.id, date, members, now));
        after = members[members.length - 1];
      }
    }
    await recordProgress(em, community.id, 'EXPIRE', addDays(today, -1));
    return expired;
  }

  /** POINTS_EXPIRING to each member with points whose date is `days` days away (or less, for dates a stopped server missed), once per member, date and warning. */
  async warn(em: EntityManager, community: ExpiringCommunity, days: number): Promise<number> {
    const now = this.clock.now();
    const today = localDate(now, community.timezone);
    const task = `WARN_${days}`;
    const until = addDays(today, days);
    const done = (await progressOf(em, community.id, task)) ?? addDays(until, -1);
    let warned = 0;
    for (const date of await dueDates(em, community.id, done > today ? done : addDays(today, -1), until)) {
      for (let after = 0; ; ) {
        const rows = await selectRows<{ memberId: number; userId: number; points: number }>(
          em,
          `select l.member_id as memberId, m.user_id as userId, l.remaining as points from points_lot l join member m on m.id = l.member_id
            where l.community_id = ? and l.expires_on = ? and l.remaining > 0 and l.member_id > ? and m.status = ? order by l.member_id limit ?`,
          [community.id, date, after, MemberStatus.ACTIVE, CHUNK],
        );
        if (rows.length === 0) break;
        const drafts = rows.map((row) =>
          pointsExpiringDraft({ communityId: community.id, memberId: Number(row.memberId), userId: Number(row.userId) }, { points: Number(row.points), expiresOn: date, daysBefore: days }),
        );
        warned += await this.enqueueOnce(em, drafts, now);
        after = Number(rows[rows.length - 1].memberId);
      }
    }
    await recordProgress(em, community.id, task, until);
    return warned;
  }

  /** The drafts at once; when another run told some of them already (their unique dedupe key), one by one. */
  private async enqueueOnce(em: EntityManager, drafts: Parameters<NotificationService['enqueue']>[1], now: Date): Promise<number> {
    try {
      return await this.notifications.enqueue(em.fork({ clear: true }) as EntityManager, drafts, now);
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    let told = 0;
    for (const draft of drafts) {
      try {
        told += await this.notifications.enqueue(em.fork({ clear: true }) as EntityManager, [draft], now);
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
    return told;
  }
}

export function expiringCommunities(em: EntityManager): Promise<ExpiringCommunity[]> {
  return selectRows<ExpiringCommunity>(em, 'select id, timezone from community where points_expiry_mode <> ?', [PointsExpiryMode.NONE]).then((rows) =>
    rows.map((row) => ({ id: Number(row.id), timezone: row.timezone })),
  );
}

/** The dates after `after` (null: any) up to `through` with points left in some lot. */
async function dueDates(em: EntityManager, communityId: number, after: string | null, through: string): Promise<string[]> {
  const rows = await selectRows<{ expiresOn: unknown }>(
    em,
    `select distinct expires_on as expiresOn from points_lot where community_id = ? and expires_on > ? and expires_on <= ? and remaining > 0 order by expires_on`,
    [communityId, after ?? '0001-01-01', through],
  );
  return rows.map((row) => dateText(row.expiresOn));
}

async function membersWithPointsOn(em: EntityManager, communityId: number, date: string, after: number): Promise<number[]> {
  const rows = await selectRows<{ memberId: number }>(
    em,
    'select member_id as memberId from points_lot where community_id = ? and expires_on = ? and member_id > ? and remaining > 0 order by member_id limit ?',
    [communityId, date, after, CHUNK],
  );
  return rows.map((row) => Number(row.memberId));
}

/** One transaction: these members' lots of `date` expire (see the class comment). @returns how many members' points expired. */
async function expireLots(tx: SqlTarget, communityId: number, date: string, members: number[], now: Date): Promise<number> {
  const mysql = isMySql(tx);
  const ids = placeholders(members.length);
  if (mysql) await selectRows(tx, `select id from member where id in (${ids}) order by id for update`, members);
  const runId = randomUUID();
  const least = mysql ? 'least' : 'min';
  const claimed = `select member_id from points_expiry_claim where run_id = ?`;
  const [claims] = await runStatementsAndCommit(tx, [
    {
      sql: `${insertIgnoreInto(tx)} points_expiry_claim (member_id, expires_on, community_id, amount, run_id, created_at)
            select l.member_id, l.expires_on, l.community_id, ${least}(l.remaining, m.points), ?, ? from points_lot l join member m on m.id = l.member_id
             where l.community_id = ? and l.expires_on = ? and l.remaining > 0 and l.member_id in (${ids})`,
      params: [runId, now, communityId, date, ...members],
    },
    expiredPointsStatement(runId, date),
    {
      sql: `insert into points_entry (community_id, member_id, amount, balance_after, type, reference, note, created_at)
            select c.community_id, c.member_id, -c.amount, m.points, ?, ?, ?, ? from points_expiry_claim c join member m on m.id = c.member_id
             where c.run_id = ? and c.amount > 0`,
      params: [PointsEntryType.POINTS_EXPIRED, `expired:${date}`, `${date} 到期的积分已过期`, now, runId],
    },
    // The chunk's own ids bound the index range read (community, date, member); the claims say which of them this run expired.
    {
      sql: `update points_lot set remaining = 0 where community_id = ? and expires_on = ? and member_id in (${ids}) and member_id in (${claimed})`,
      params: [communityId, date, ...members, runId],
    },
  ]);
  return claims.affectedRows;
}

async function progressOf(em: EntityManager, communityId: number, task: string): Promise<string | null> {
  const [row] = await selectRows<{ doneThrough: unknown }>(em, 'select done_through as doneThrough from points_expiry_progress where community_id = ? and task = ?', [communityId, task]);
  return row ? dateText(row.doneThrough) : null;
}

/** Forward only: a slower run finishing late never moves it back. */
async function recordProgress(em: EntityManager, communityId: number, task: string, through: string): Promise<void> {
  await runStatement(em, `${insertIgnoreInto(em)} points_expiry_progress (community_id, task, done_through) values (?, ?, ?)`, [communityId, task, through]);
  await runStatement(em, 'update points_expiry_progress set done_through = ? where community_id = ? and task = ? and done_through < ?', [through, communityId, task, through]);
}
