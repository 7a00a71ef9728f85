import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { badInput } from '../graphql/graphql-errors';
import { JsonColumn } from '../db/json.type';
import { selectRows } from '../db/sql';
import { VersionedCache } from '../common/versioned-cache';
import { bumpSettingsVersion, settingsVersionOf } from '../community/settings-version';
import { CheckInRule, DEFAULT_CHECKIN_RULE, StreakBonusRow } from './checkin-rule.entity';

const bonusesColumn = new JsonColumn<StreakBonusRow[]>();
import { CheckInRuleView, type CheckInRuleInput, type NextBonus } from './checkin.types';
import type { EconomyCapExceeded } from '../points/economy-caps.types';
import type { EconomyCapsService } from '../points/economy-caps.service';
import type { TierService } from '../tier/tier.service';
import type { Clock } from '../common/clock';

/** The day of the cycle a streak falls on: day 8 of a 7-day cycle is day 1 again. */
export function cycleDay(rule: CheckInRuleView, streak: number): number {
  return ((streak - 1) % rule.cycleDays) + 1;
}

export function bonusFor(rule: CheckInRuleView, streak: number): number {
  const day = cycleDay(rule, streak);
  return rule.bonuses.find((bonus) => bonus.day === day)?.points ?? 0;
}

/** The next bonus after a streak of `streak` days, if the rule has any. */
export function nextBonusAfter(rule: CheckInRuleView, streak: number): NextBonus | null {
  for (let inDays = 1; inDays <= rule.cycleDays; inDays += 1) {
    const points = bonusFor(rule, streak + inDays);
    if (points > 0) return { day: cycleDay(rule, streak + inDays), inDays, points };
  }
  return null;
}

/**
 * The most one check-in can pay under a rule (base × the highest tier multiplier, plus the largest
 * streak bonus): what the OWNER's maxPointsPerAction must allow for the rule to be set.
 */
export function checkInWorstCase(rule: Pick<CheckInRuleView, 'basePoints' | 'bonuses'>, highestMultiplier: number): number {
  return Math.round(rule.basePoints * highestMultiplier) + Math.max(0, ...rule.bonuses.map((bonus) => bonus.points));
}

export class CheckInRuleService {
  constructor(
    private readonly clock: Clock,
    private readonly tiers: TierService,
    private readonly economyCaps: EconomyCapsService,
  ) {}

  /** checkInWorstCase of the community's rule as it is, under tiers with this highest multiplier (for setTiers). */
  async worstCaseWith(ctx: ServiceContext, communityId: number, highestMultiplier: number): Promise<number> {
    return checkInWorstCase(await this.load(ctx.em, communityId), highestMultiplier);
  }

  private readonly cache = new VersionedCache<CheckInRuleView>();

  /** Read on every check-in and home page: cached per process under the community's settings version. */
  async ruleOf(ctx: ServiceContext, communityId: number): Promise<CheckInRuleView> {
    const version = await settingsVersionOf(ctx, communityId);
    if (version === null) return DEFAULT_CHECKIN_RULE;
    return this.cache.get(communityId, version, () => this.load(ctx.em, communityId));
  }

  private async load(em: EntityManager, communityId: number): Promise<CheckInRuleView> {
    const [rule] = await selectRows<{ basePoints: number; cycleDays: number; bonuses: unknown; makeUpCost: number; makeUpMonthlyAllowance: number }>(
      em,
      `select base_points as basePoints, cycle_days as cycleDays, bonuses, make_up_cost as makeUpCost, make_up_monthly_allowance as makeUpMonthlyAllowance
         from checkin_rule where community_id = ?`,
      [communityId],
    );
    if (!rule) return { ...DEFAULT_CHECKIN_RULE, bonuses: DEFAULT_CHECKIN_RULE.bonuses.map((bonus) => ({ ...bonus })) };
    return {
      basePoints: Number(rule.basePoints),
      cycleDays: Number(rule.cycleDays),
      bonuses: bonusesColumn.convertToJSValue(rule.bonuses) ?? [],
      makeUpCost: Number(rule.makeUpCost),
      makeUpMonthlyAllowance: Number(rule.makeUpMonthlyAllowance),
    };
  }

  /** Admins set the rule within the OWNER's economy caps: one check-in, at the highest tier and with the largest bonus, pays at most maxPointsPerAction. */
  async update(ctx: ServiceContext, communityId: number, input: CheckInRuleInput): Promise<CheckInRuleView | EconomyCapExceeded> {
    const days = input.bonuses.map((bonus) => bonus.day);
    if (days.some((day) => day > input.cycleDays)) throw badInput('奖励日不能超过连签周期', 'bonuses');
    if (new Set(days).size !== days.length) throw badInput('同一天只能设置一个奖励', 'bonuses');
    const bonuses = [...input.bonuses].sort((a, b) => a.day - b.day).map(({ day, points }) => ({ day, points }));
    const highestMultiplier = Math.max(...(await this.tiers.tiersOf(ctx, communityId)).map((tier) => tier.multiplier));
    const refusal = await this.economyCaps.refusal(ctx, communityId, { perAction: checkInWorstCase({ basePoints: input.basePoints, bonuses }, highestMultiplier) });
    if (refusal) return refusal;
    // The make-up terms are optional in the input: a client that does not send them keeps the current ones.
    const current = await this.load(ctx.em, communityId);
    const makeUpCost = input.makeUpCost ?? current.makeUpCost;
    const makeUpMonthlyAllowance = input.makeUpMonthlyAllowance ?? current.makeUpMonthlyAllowance;
    await ctx.em.upsert(
      CheckInRule,
      { community: communityId, basePoints: input.basePoints, cycleDays: input.cycleDays, bonuses, makeUpCost, makeUpMonthlyAllowance, createdAt: this.clock.now() },
      {
        onConflictFields: ['community'],
        onConflictAction: 'merge',
        onConflictMergeFields: ['basePoints', 'cycleDays', 'bonuses', 'makeUpCost', 'makeUpMonthlyAllowance'],
      },
    );
    await bumpSettingsVersion(ctx.em, communityId);
    return Object.assign(new CheckInRuleView(), { basePoints: input.basePoints, cycleDays: input.cycleDays, bonuses, makeUpCost, makeUpMonthlyAllowance });
  }
}

/** A new community's check-in rule, in its founding transaction. */
export function createDefaultCheckInRule(em: EntityManager, communityId: number, at: Date): void {
  em.create(CheckInRule, { community: communityId, ...DEFAULT_CHECKIN_RULE, createdAt: at });
}
