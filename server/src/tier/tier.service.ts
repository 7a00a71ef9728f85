import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { badInput } from '../graphql/graphql-errors';
import type { TierRow } from './tier.loaders';
import { runStatement } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { VersionedCache } from '../common/versioned-cache';
import { bumpSettingsVersion, settingsVersionOf } from '../community/settings-version';
import type { Member } from '../member/member.entity';
import { retierMembers } from '../member/member-rows';
import { DEFAULT_TIERS, Tier } from './tier.entity';
import { MAX_TIERS, TiersSaved, type TierInput, type TierView } from './tier.types';
import type { EconomyCapExceeded } from '../points/economy-caps.types';
import type { EconomyCapsService } from '../points/economy-caps.service';
import type { Clock } from '../common/clock';

export interface MemberTierStanding {
  tier: TierView;
  nextTier: TierView | null;
  pointsToNextTier: number | null;
}

const ENTRY_TIER: TierView = { level: 0, name: DEFAULT_TIERS[0].name, threshold: 0, multiplier: 1 };

export function tierView(tier: TierRow): TierView {
  return { level: tier.level, name: tier.name, threshold: tier.threshold, multiplier: tier.multiplierPercent / 100 };
}

/**
 * The most one check-in would pay under the community's check-in rule if the highest tier multiplier
 * were this one: the check-in domain's answer (checkInWorstCase), bound in app-services.ts (the check-in
 * rule reads the tiers, so the tiers cannot take its service).
 */
export type CheckInWorstCaseWith = (ctx: ServiceContext, communityId: number, highestMultiplier: number) => Promise<number>;

/** 会员等级: by lifetime points, so spending never demotes. */
export class TierService {
  constructor(
    private readonly clock: Clock,
    private readonly economyCaps: EconomyCapsService,
    private readonly checkInWorstCaseWith: CheckInWorstCaseWith,
  ) {}

  private readonly cache = new VersionedCache<TierView[]>();

  /** Read on every check-in and home page: cached per process under the community's settings version. */
  async tiersOf(ctx: ServiceContext, communityId: number): Promise<TierView[]> {
    const load = async () => {
      const tiers = await ctx.loaders.tiers.load(communityId);
      return tiers.length ? tiers.map(tierView) : [ENTRY_TIER];
    };
    const version = await settingsVersionOf(ctx, communityId);
    return version === null ? load() : this.cache.get(communityId, version, load);
  }

  /** The community's tier at a level (a member's tier_level); the entry tier when the level is gone. */
  async tierAt(ctx: ServiceContext, communityId: number, level: number): Promise<TierView> {
    return tierAtLevel(await this.tiersOf(ctx, communityId), level);
  }

  async standingOf(ctx: ServiceContext, member: Member): Promise<MemberTierStanding> {
    const tiers = await this.tiersOf(ctx, member.community.id);
    const tier = tierAtLevel(tiers, member.tierLevel);
    const nextTier = tiers.find((t) => t.level > tier.level) ?? null;
    return { tier, nextTier, pointsToNextTier: nextTier ? Math.max(nextTier.threshold - member.lifetimePoints, 0) : null };
  }

  /**
   * Replaces the tiers and re-tiers every member of the community in one set-based UPDATE.
   * Thresholds start at 0 and rise strictly; names are distinct.
   */
  async setTiers(ctx: ServiceContext, communityId: number, input: TierInput[]): Promise<TiersSaved | EconomyCapExceeded> {
    if (input.length === 0 || input.length > MAX_TIERS) throw badInput(`等级数量需要在 1 到 ${MAX_TIERS} 个之间`, 'tiers');
    if (input[0].threshold !== 0) throw badInput('第一个等级的门槛必须是 0', 'tiers');
    input.forEach((tier, i) => {
      if (i > 0 && tier.threshold <= input[i - 1].threshold) throw badInput('等级门槛必须逐级升高', 'tiers');
    });
    if (new Set(input.map((t) => t.name.trim())).size !== input.length) throw badInput('等级名称不能重复', 'tiers');
    // The multipliers scale the check-in: its most, at the highest tier, must stay within the OWNER's cap on one action.
    const highestMultiplier = Math.max(...input.map((tier) => Math.round(tier.multiplier * 100) / 100));
    const refusal = await this.economyCaps.refusal(ctx, communityId, { perAction: await this.checkInWorstCaseWith(ctx, communityId, highestMultiplier) });
    if (refusal) return refusal;

    const tiers: TierRow[] = input.map((tier, level) => ({
      level,
      name: tier.name.trim(),
      threshold: tier.threshold,
      multiplierPercent: Math.round(tier.multiplier * 100),
    }));
    const now = this.clock.now();
    await inTransaction(ctx, async (em) => {
      await runStatement(em, 'delete from member_tier where community_id = ?', [communityId]);
      await em.insertMany(
        Tier,
        tiers.map((tier) => ({ ...tier, community: communityId, createdAt: now })),
      );
      await retierMembers(em, communityId);
      await bumpSettingsVersion(em, communityId);
    });
    // What was just written (the request's own settings version predates it).
    return Object.assign(new TiersSaved(), { tiers: tiers.map(tierView) });
  }
}

/** A new community's tiers, in its founding transaction. */
export function createDefaultTiers(em: EntityManager, communityId: number, at: Date): void {
  DEFAULT_TIERS.forEach((tier, level) => em.create(Tier, { community: communityId, level, ...tier, createdAt: at }));
}

function tierAtLevel(tiers: TierView[], level: number): TierView {
  return tiers.find((t) => t.level === level) ?? tiers[0];
}
