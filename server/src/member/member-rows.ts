import { memberStatsRow, memberStatsRows, recordMemberChange } from '../health/rollups/member-rollups';
import type { EntityManager } from '@mikro-orm/knex';
import { runStatement, selectRows, SqlTarget, type Statement } from '../db/sql';
import { tierLevelFor } from '../tier/tier-rule';
import { ContentStatus } from '../content-safety/content-safety.enums';
import { Member } from './member.entity';
import { MemberRole, MemberStatus } from './member.enums';

/**
 * Every write to the `member` row that other domains need (points, streaks, tiers, admission,
 * founding), here so that the table has one owner. Plain statements (db/sql.ts): they run inside
 * the callers' transactions, on the member row the caller has locked where a lock is needed.
 */

/** Balances and lifetime points stay within the INT columns (2^31 − 1), with no overflow at any step. */
export const MAX_POINTS = 2_147_483_647;

export interface MemberPointsChange {
  communityId: number;
  memberId: number;
  /** Signed; never zero. */
  amount: number;
  /** What of `amount` counts towards lifetime points (and so the tier). */
  earned: number;
  /** A check-in's streak, written by the same UPDATE. */
  streak?: MemberStreak;
  /** For points earned by a rule: the member's rule points of that community-local day after this change (the economy's daily cap). */
  ruleDay?: RulePointsDay;
}

export interface RulePointsDay {
  day: string;
  earned: number;
}

export interface MemberStreak {
  streak: number;
  lastCheckInOn: string;
}

/**
 * Moves the balance (never below zero nor past MAX_POINTS), lifetime points and the tier in one
 * conditional UPDATE. @returns false when the balance would leave 0..MAX_POINTS.
 */
export async function changeMemberPoints(tx: SqlTarget, change: MemberPointsChange): Promise<boolean> {
  const { sql, params } = memberPointsStatement(change);
  return (await runStatement(tx, sql, params)).affectedRows === 1;
}

/** changeMemberPoints's UPDATE, applying only `when` (an SQL condition) holds too: for db/sql.ts commitIfChanged. */
export function memberPointsStatement(change: MemberPointsChange, when: string | null = null): Statement {
  const { streak, ruleDay } = change;
  return {
    // tier_level first: MySQL evaluates SET left to right, so it must read lifetime_points before it moves.
    sql: `update member
        set tier_level = ${tierLevelFor('lifetime_points + ?')},
            points = points + ?,
            lifetime_points = lifetime_points + ?${streak ? ', streak = ?, last_check_in_on = ?' : ''}${ruleDay ? ', rule_points_on = ?, rule_points_that_day = ?' : ''}
      where id = ? and community_id = ? and points + ? between 0 and ? and lifetime_points + ? <= ?${when ? ` and ${when}` : ''}`,
    params: [
      change.earned, change.amount, change.earned, ...(streak ? [streak.streak, streak.lastCheckInOn] : []), ...(ruleDay ? [ruleDay.day, ruleDay.earned] : []),
      change.memberId, change.communityId, change.amount, MAX_POINTS, change.earned, MAX_POINTS,
    ],
  };
}

/**
 * 积分有效期 (points/expiry/points-expiry.service.ts): the balance of each member a run of the expiry job
 * claimed, less what the claim expires (never more than the balance: the claim took the smaller).
 * Lifetime points and the tier stay: expiring is not un-earning.
 */
export function expiredPointsStatement(runId: string, expiresOn: string): Statement {
  return {
    // Each member's claim by its primary key (member, date): by run_id alone, every member would read the whole run's claims.
    sql: `update member set points = points - (select c.amount from points_expiry_claim c where c.member_id = member.id and c.expires_on = ? and c.run_id = ?)
           where id in (select member_id from points_expiry_claim where run_id = ?)`,
    params: [expiresOn, runId, runId],
  };
}

/** A member's balance as the statement sees it (inside a transaction: as that transaction sees it). */
export async function currentBalance(tx: SqlTarget, memberId: number): Promise<number> {
  const [row] = await selectRows<{ points: number }>(tx, 'select points from member where id = ?', [memberId]);
  return Number(row?.points ?? 0);
}

/** A check-in that gave no points still moves the streak. */
export async function recordStreak(tx: SqlTarget, memberId: number, streak: MemberStreak): Promise<void> {
  await runStatement(tx, 'update member set streak = ?, last_check_in_on = ? where id = ?', [streak.streak, streak.lastCheckInOn, memberId]);
}

/** Every member of the community by the tier rule, in one set-based UPDATE (after the tiers changed). */
export async function retierMembers(tx: SqlTarget, communityId: number): Promise<void> {
  await runStatement(tx, `update member set tier_level = ${tierLevelFor('member.lifetime_points')} where community_id = ?`, [communityId]);
}

/**
 * APPLICANT → ACTIVE, once, with `tags` added to the member's. Read and written with plain
 * statements: a Member managed by the transaction's EntityManager would be flushed back at commit
 * with whatever it held before these UPDATEs. @returns false when the member is no applicant (any more).
 */
export async function admitApplicant(tx: SqlTarget, memberId: number, tags: string[], now: Date): Promise<boolean> {
  const [row] = await selectRows<{ tags: unknown }>(tx, 'select tags from member where id = ? and status = ?', [memberId, MemberStatus.APPLICANT]);
  if (!row) return false;
  const merged = [...new Set([...parseTags(row.tags), ...tags])];
  const { affectedRows } = await runStatement(
    tx,
    'update member set status = ?, tags = ?, joined_at = ?, last_active_at = ? where id = ? and status = ?',
    [MemberStatus.ACTIVE, JSON.stringify(merged), now, now, memberId, MemberStatus.APPLICANT],
  );
  // An applicant counts nowhere on the dashboard: the admitted member counts from now.
  if (affectedRows === 1) await recordMemberChange(tx, null, await memberStatsRow(tx, memberId));
  return affectedRows === 1;
}

/** A member whose entry fee went back leaves (ACTIVE or APPLICANT → REMOVED); the owner never does. */
export async function removeRefundedMember(tx: SqlTarget, communityId: number, userId: number): Promise<void> {
  const [before] = await memberStatsRows(tx, 'community_id = ? and user_id = ?', [communityId, userId]);
  if (!before) return;
  await runStatement(
    tx,
    'update member set status = ? where community_id = ? and user_id = ? and status in (?, ?) and role <> ?',
    [MemberStatus.REMOVED, communityId, userId, MemberStatus.ACTIVE, MemberStatus.APPLICANT, MemberRole.OWNER],
  );
  await recordMemberChange(tx, before, await memberStatsRow(tx, before.id));
}

/** The founder of a new community, its OWNER, in the founding transaction (flushed with the community). */
export async function addFounder(em: EntityManager, communityId: number, userId: number, at: Date): Promise<void> {
  const founder = em.create(Member, { community: communityId, user: userId, role: MemberRole.OWNER, status: MemberStatus.ACTIVE, joinedAt: at });
  await em.flush();
  await recordMemberChange(em, null, { id: founder.id, communityId, status: MemberStatus.ACTIVE, joinedAt: at, leftAt: null });
}

/** The tags column as the driver hands it back: parsed JSON (MySQL), text (MariaDB, SQLite) or NULL. */
function parseTags(value: unknown): string[] {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
}

/** PROFILE_NICKNAME: hides the nickname in the member's community, or shows it again (and ends its review). */
export async function setNicknameStatus(tx: SqlTarget, memberId: number, status: ContentStatus.VISIBLE | ContentStatus.HIDDEN, at: Date): Promise<void> {
  await runStatement(tx, 'update member set nickname_status = ? where id = ?', [status, memberId]);
  if (status === ContentStatus.VISIBLE) {
    await runStatement(tx, "update app_user set nickname_status = 'VISIBLE', updated_at = ? where nickname_status = 'REVIEW' and id = (select user_id from member where id = ?)", [at, memberId]);
  }
}

/** A user's new nickname shows again wherever an admin had hidden the old one; answers the user's active memberships. */
export async function showNicknamesOfUser(tx: SqlTarget, userId: number): Promise<{ memberId: number; communityId: number }[]> {
  await runStatement(tx, 'update member set nickname_status = ? where user_id = ? and nickname_status <> ?', [ContentStatus.VISIBLE, userId, ContentStatus.VISIBLE]);
  const rows = await selectRows<{ id: number; community_id: number }>(tx, 'select id, community_id from member where user_id = ? and status = ?', [userId, MemberStatus.ACTIVE]);
  return rows.map((row) => ({ memberId: Number(row.id), communityId: Number(row.community_id) }));
}
