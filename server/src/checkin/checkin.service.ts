import { addToDay } from '../health/rollups/rollup-writes';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ServiceContext } from '../service-context';
import { NotActiveMember } from '../graphql/common-errors';
import type { ErrorResult } from '../graphql/error-result';
import { isMonth, localDate, previousDate } from '../common/local-date';
import { badInput } from '../graphql/graphql-errors';
import { runStatement } from '../db/sql';
import { RollbackWith, inSqlTransaction } from '../db/transaction';
import { Member } from '../member/member.entity';
import { lockMember } from '../member/member-lock';
import { MemberStatus } from '../member/member.enums';
import { PointsEntryType } from '../points/points.enums';
import { capNote, capRuleAwards, earnedByRulesOn } from '../points/economy-caps';
import type { EconomyCapsService } from '../points/economy-caps.service';
import { CheckIn } from './checkin.entity';
import { bonusFor, nextBonusAfter } from './checkin-rule.service';
import { AlreadyCheckedIn, CheckInCalendar, CheckInSuccess } from './checkin.types';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';
import type { PointsLedgerService } from '../points/points-ledger.service';
import type { TierService } from '../tier/tier.service';
import type { CheckInRuleService } from './checkin-rule.service';
import { PENDING_REFERRAL, type ReferralRewardService } from '../invite/referral-reward.service';
import type { MakeUpCheckInService } from './make-up.service';

const ALREADY = Symbol('already checked in');

/** 签到: once per member per community-local day; the unique key (member, day) decides, not a read. */
export class CheckInService {
  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
    private readonly points: PointsLedgerService,
    private readonly tiers: TierService,
    private readonly checkInRules: CheckInRuleService,
    private readonly referralRewards: ReferralRewardService,
    private readonly makeUpCheckIns: MakeUpCheckInService,
    private readonly economyCaps: EconomyCapsService,
  ) {}

  async checkIn(ctx: ServiceContext, communityId: number): Promise<CheckInSuccess | ErrorResult> {
    const member = await this.access.callerMemberValues(ctx, communityId);
    if (!member || member.status !== MemberStatus.ACTIVE) return new NotActiveMember();
    const now = this.clock.now();
    const today = localDate(now, member.community.timezone);
    const rule = await this.checkInRules.ruleOf(ctx, communityId);
    const tier = await this.tiers.tierAt(ctx, communityId, member.tierLevel);
    const caps = await this.economyCaps.capsOf(ctx, communityId);

    const outcome = await inSqlTransaction<CheckInSuccess | typeof ALREADY>(ctx, async (tx) => {
      const locked = await lockMember(tx, member.id, PENDING_REFERRAL);
      if (locked.lastCheckInOn === today) throw new RollbackWith(ALREADY);
      // The member row carries the last check-in (written with it below), so no read of the history.
      const streak = locked.lastCheckInOn === previousDate(today) ? locked.streak + 1 : 1;
      // What the rules pay, cut to the OWNER's economy caps: one action, and the member's day.
      const awards = capRuleAwards(
        [
          { amount: Math.round(rule.basePoints * tier.multiplier), type: PointsEntryType.CHECK_IN, note: `${today} 签到` },
          { amount: bonusFor(rule, streak), type: PointsEntryType.STREAK_BONUS, note: `连续签到第 ${streak} 天奖励` },
        ],
        caps,
        earnedByRulesOn(locked, today),
      );
      const paidAs = (type: PointsEntryType) => awards.find((award) => award.type === type)?.amount ?? 0;
      const pointsAwarded = paidAs(PointsEntryType.CHECK_IN);
      const bonusPoints = paidAs(PointsEntryType.STREAK_BONUS);
      try {
        await runStatement(
          tx,
          'insert into checkin (community_id, member_id, day, streak, points_awarded, bonus_points, created_at) values (?, ?, ?, ?, ?, ?, ?)',
          [communityId, member.id, today, streak, pointsAwarded, bonusPoints, now],
        );
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new RollbackWith(ALREADY);
        throw error;
      }
      await addToDay(tx, communityId, member.id, today, { checkIns: 1 });
      const paid = await this.points.payRuleAwards(tx, {
        communityId,
        memberId: member.id,
        locked,
        day: today,
        at: now,
        reference: `checkin:${today}`,
        awards,
        streak: { streak, lastCheckInOn: today },
      });
      const balance = paid!.balance;
      // The first check-in ever settles the member's referral (the inviter's points); later ones cost nothing extra.
      if (locked.lastCheckInOn === null) {
        await this.referralRewards.settleOnFirstCheckIn(tx, { communityId, timezone: member.community.timezone, at: now, locked });
      }
      const capped = awards.find((award) => award.cappedBy);
      return Object.assign(new CheckInSuccess(), {
        date: today,
        pointsAwarded,
        bonusPoints,
        streak,
        balance,
        nextBonus: nextBonusAfter(rule, streak),
        capNote: capped ? capNote(capped.cappedBy!, caps) : null,
      });
    });
    if (outcome !== ALREADY) return outcome;
    return new AlreadyCheckedIn(await this.todayResult(ctx, member.id, today, rule));
  }

  /** What today's check-in gave (for the second tap of the day), read after the first one committed. */
  private async todayResult(ctx: ServiceContext, memberId: number, today: string, rule: Awaited<ReturnType<CheckInRuleService['ruleOf']>>): Promise<CheckInSuccess> {
    const em = ctx.em.fork();
    const row = await em.findOneOrFail(CheckIn, { member: memberId, day: today });
    const { points } = await em.findOneOrFail(Member, memberId, { fields: ['points'] });
    return Object.assign(new CheckInSuccess(), {
      date: today,
      pointsAwarded: row.pointsAwarded,
      bonusPoints: row.bonusPoints,
      streak: row.streak,
      balance: points,
      nextBonus: nextBonusAfter(rule, row.streak),
    });
  }

  async calendar(ctx: ServiceContext, communityId: number, month: string): Promise<CheckInCalendar> {
    if (!isMonth(month)) throw badInput('月份格式应为 YYYY-MM', 'month');
    const member = await this.access.requireActiveMember(ctx, communityId);
    const rows = await ctx.em.find(
      CheckIn,
      { member: member.id, day: { $gte: `${month}-01`, $lte: `${month}-31` } },
      { fields: ['day', 'madeUpOn'], orderBy: { day: 'asc' } },
    );
    const rule = await this.checkInRules.ruleOf(ctx, communityId);
    return {
      month,
      days: rows.map((row) => row.day),
      madeUpDays: rows.filter((row) => row.madeUpOn).map((row) => row.day),
      streak: this.currentStreak(ctx, member),
      makeUp: await this.makeUpCheckIns.offer(ctx, member, rule),
    };
  }

  /** The streak as it stands today: kept while the last check-in was today or yesterday, else broken. */
  currentStreak(ctx: ServiceContext, member: Member): number {
    if (!member.lastCheckInOn) return 0;
    const today = localDate(this.clock.now(), member.community.timezone);
    return member.lastCheckInOn === today || member.lastCheckInOn === previousDate(today) ? member.streak : 0;
  }

  checkedInToday(ctx: ServiceContext, member: Member): boolean {
    return member.lastCheckInOn === localDate(this.clock.now(), member.community.timezone);
  }
}
