import { addToDay } from '../health/rollups/rollup-writes';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ServiceContext } from '../service-context';
import { NotActiveMember } from '../graphql/common-errors';
import type { ErrorResult } from '../graphql/error-result';
import { badInput } from '../graphql/graphql-errors';
import { addDays, daysBetween, isDate, localDate, previousDate } from '../common/local-date';
import { runStatement, selectRows, SqlTarget } from '../db/sql';
import { RollbackWith, inSqlTransaction } from '../db/transaction';
import { Member } from '../member/member.entity';
import { lockMember } from '../member/member-lock';
import { recordStreak } from '../member/member-rows';
import { MemberStatus } from '../member/member.enums';
import { PointsEntryType } from '../points/points.enums';
import { InsufficientPoints } from '../points/points.types';
import { MAKE_UP_WINDOW_DAYS } from './checkin-rule.entity';
import { CheckIn } from './checkin.entity';
import { AlreadyCheckedIn, CheckInRuleView, CheckInSuccess, MakeUpOffer } from './checkin.types';
import { MadeUpCheckIn, MakeUpNotAllowed, MakeUpRefusal } from './make-up.types';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';
import type { PointsLedgerService } from '../points/points-ledger.service';
import type { CheckInRuleService } from './checkin-rule.service';
import { PENDING_REFERRAL, type ReferralRewardService } from '../invite/referral-reward.service';

interface DayRow {
  day: string;
  streak: number;
}

/** The streaks of the check-ins that follow a filled day, while they run on without a gap. */
export function streaksAfterFill(filledDay: string, filledStreak: number, laterRows: DayRow[]): DayRow[] {
  const run: DayRow[] = [];
  let expected = addDays(filledDay, 1);
  let streak = filledStreak;
  for (const row of laterRows) {
    if (row.day !== expected) break;
    streak += 1;
    run.push({ day: row.day, streak });
    expected = addDays(expected, 1);
  }
  return run;
}

/** Why a day is outside what 补签 may fill, judged by dates alone (the monthly allowance needs the lock). */
function windowRefusal(day: string, today: string, joinedOn: string, rule: CheckInRuleView): MakeUpNotAllowed | null {
  if (rule.makeUpMonthlyAllowance <= 0) return new MakeUpNotAllowed(MakeUpRefusal.DISABLED, '本社群未开启补签');
  if (day >= today) return new MakeUpNotAllowed(MakeUpRefusal.NOT_PAST, '只能补签今天以前漏签的日子，今天请直接签到');
  if (daysBetween(day, today) > MAKE_UP_WINDOW_DAYS) return new MakeUpNotAllowed(MakeUpRefusal.TOO_OLD, `只能补签最近 ${MAKE_UP_WINDOW_DAYS} 天内漏签的日子`);
  if (day < joinedOn) return new MakeUpNotAllowed(MakeUpRefusal.BEFORE_JOIN, '入群之前的日子不能补签');
  return null;
}

const monthlyLimit = (rule: CheckInRuleView) =>
  new MakeUpNotAllowed(MakeUpRefusal.MONTHLY_LIMIT, `本月补签次数已用完（每月 ${rule.makeUpMonthlyAllowance} 次）`);

async function madeUpThisMonth(tx: SqlTarget, memberId: number, today: string): Promise<number> {
  const month = today.slice(0, 7);
  const [row] = await selectRows<{ used: number }>(
    tx,
    'select count(*) as used from checkin where member_id = ? and made_up_on between ? and ?',
    [memberId, `${month}-01`, `${month}-31`],
  );
  return Number(row?.used ?? 0);
}

const ALREADY = Symbol('day already checked in');

/**
 * 补签: a missed day of the last 7 (never before joining, never today) filled for points. The day
 * counts for the streak and the calendar and earns nothing. Under the member's lock (which the
 * check-in takes too) it checks the month's allowance, inserts the day (the unique key holds once
 * per day), renumbers the check-ins that now run on from it, moves the member's streak when that
 * run reaches the last check-in, and pays the cost through the ledger: one transaction.
 */
export class MakeUpCheckInService {
  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
    private readonly points: PointsLedgerService,
    private readonly checkInRules: CheckInRuleService,
    private readonly referralRewards: ReferralRewardService,
  ) {}

  async makeUp(ctx: ServiceContext, communityId: number, day: string): Promise<MadeUpCheckIn | ErrorResult> {
    if (!isDate(day)) throw badInput('日期格式应为 YYYY-MM-DD', 'date');
    const member = await this.access.callerMember(ctx, communityId);
    if (!member || member.status !== MemberStatus.ACTIVE) return new NotActiveMember();
    const now = this.clock.now();
    const tz = member.community.timezone;
    const today = localDate(now, tz);
    const rule = await this.checkInRules.ruleOf(ctx, communityId);
    const refused = windowRefusal(day, today, localDate(member.joinedAt, tz), rule);
    if (refused) return refused;

    const outcome = await inSqlTransaction<MadeUpCheckIn | ErrorResult | typeof ALREADY>(ctx, async (tx) => {
      const locked = await lockMember(tx, member.id, PENDING_REFERRAL);
      if (locked.status !== MemberStatus.ACTIVE) throw new RollbackWith(new NotActiveMember());
      const used = await madeUpThisMonth(tx, member.id, today);
      if (used >= rule.makeUpMonthlyAllowance) throw new RollbackWith(monthlyLimit(rule));
      const rows = await selectRows<DayRow>(tx, 'select day, streak from checkin where member_id = ? and day between ? and ? order by day', [
        member.id,
        previousDate(day),
        today,
      ]);
      if (rows.some((row) => row.day === day)) throw new RollbackWith(ALREADY);
      if (locked.points < rule.makeUpCost) throw new RollbackWith(new InsufficientPoints(rule.makeUpCost, locked.points, `补签需要 ${rule.makeUpCost} 积分，当前 ${locked.points}`));

      const before = rows.find((row) => row.day === previousDate(day));
      const filledStreak = (before ? Number(before.streak) : 0) + 1;
      try {
        await runStatement(
          tx,
          'insert into checkin (community_id, member_id, day, streak, points_awarded, bonus_points, made_up_on, created_at) values (?, ?, ?, ?, 0, 0, ?, ?)',
          [communityId, member.id, day, filledStreak, today, now],
        );
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new RollbackWith(ALREADY);
        throw error;
      }
      await addToDay(tx, communityId, member.id, day, { checkIns: 1 }); // the dashboard counts a check-in on the day it fills
      const later = rows.filter((row) => row.day > day).map((row) => ({ day: row.day, streak: Number(row.streak) }));
      const run = streaksAfterFill(day, filledStreak, later);
      for (const row of run) await runStatement(tx, 'update checkin set streak = ? where member_id = ? and day = ?', [row.streak, member.id, row.day]);

      // The member row keeps the streak as of the last check-in: it moves when the filled day is the
      // last one, or when the renumbered run reaches the last one; a later gap leaves it alone.
      const runEnd = run.length ? run[run.length - 1] : { day, streak: filledStreak };
      const last = locked.lastCheckInOn;
      const memberStreak = !last || last < day ? { streak: filledStreak, lastCheckInOn: day } : last === runEnd.day ? { streak: runEnd.streak, lastCheckInOn: last } : undefined;

      let balance = locked.points;
      if (rule.makeUpCost > 0) {
        const applied = await this.points.apply(tx, {
          communityId,
          memberId: member.id,
          amount: -rule.makeUpCost,
          type: PointsEntryType.MAKE_UP_CHECK_IN,
          reference: `makeup:${day}`,
          note: `补签 ${day}`,
          at: now,
          lockedBalance: locked.points,
          streak: memberStreak,
        });
        if (!applied) throw new RollbackWith(new InsufficientPoints(rule.makeUpCost, locked.points));
        balance = applied.balance;
      } else if (memberStreak) {
        await recordStreak(tx, member.id, memberStreak);
      }
      if (!last) await this.referralRewards.settleOnFirstCheckIn(tx, { communityId, timezone: tz, at: now, locked });
      const streakNow = memberStreak ?? { streak: locked.streak, lastCheckInOn: last! };
      const standing = streakNow.lastCheckInOn >= previousDate(today) ? streakNow.streak : 0;
      return Object.assign(new MadeUpCheckIn(), { date: day, streak: standing, balance, cost: rule.makeUpCost, remaining: rule.makeUpMonthlyAllowance - used - 1 });
    });
    if (outcome !== ALREADY) return outcome;
    return new AlreadyCheckedIn(await this.dayResult(ctx, member.id, day), `${day} 已经签到过了`);
  }

  /** The missed days the member may fill now, with the cost and what is left of the month. */
  async offer(ctx: ServiceContext, member: Member, rule: CheckInRuleView): Promise<MakeUpOffer> {
    const tz = member.community.timezone;
    const today = localDate(this.clock.now(), tz);
    const used = await madeUpThisMonth(ctx.em, member.id, today);
    const remaining = Math.max(0, rule.makeUpMonthlyAllowance - used);
    const base = { cost: rule.makeUpCost, remaining, monthlyAllowance: rule.makeUpMonthlyAllowance };
    if (remaining === 0) return { ...base, days: [] };
    const joinedOn = localDate(member.joinedAt, tz);
    const from = addDays(today, -MAKE_UP_WINDOW_DAYS);
    const checked = new Set(
      (await selectRows<{ day: string }>(ctx.em, 'select day from checkin where member_id = ? and day between ? and ?', [member.id, from, today])).map((row) => row.day),
    );
    const days: string[] = [];
    for (let day = from; day < today; day = addDays(day, 1)) if (day >= joinedOn && !checked.has(day)) days.push(day);
    return { ...base, days };
  }

  private async dayResult(ctx: ServiceContext, memberId: number, day: string): Promise<CheckInSuccess> {
    const em = ctx.em.fork();
    const row = await em.findOneOrFail(CheckIn, { member: memberId, day });
    const { points } = await em.findOneOrFail(Member, memberId, { fields: ['points'] });
    return Object.assign(new CheckInSuccess(), { date: day, pointsAwarded: row.pointsAwarded, bonusPoints: row.bonusPoints, streak: row.streak, balance: points, nextBonus: null });
  }
}
