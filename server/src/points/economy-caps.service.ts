import type { ServiceContext } from '../service-context';
import { badInput } from '../graphql/graphql-errors';
import { runStatement, selectRows, SqlTarget } from '../db/sql';
import { VersionedCache } from '../common/versioned-cache';
import { bumpSettingsVersion, settingsVersionOf } from '../community/settings-version';
import { DEFAULT_ECONOMY_CAPS } from '../community/community.entity';
import { EconomyCap, type EconomyCaps } from './economy-caps';
import { EconomyCapExceeded, type EconomyCapsInput, EconomyCapsView } from './economy-caps.types';

/** What a rule would pay at most: from one action, and (where the rule itself bounds it) to one member in a day. */
export interface RuleWorstCase {
  perAction: number;
  perMemberDay?: number;
}

/** The OWNER's economy caps: read (cached per process under the settings version), set, and checked against a rule. */
export class EconomyCapsService {
  private readonly cache = new VersionedCache<EconomyCaps>();

  /** Read on every check-in: cached under the community's settings version, which setCaps bumps. */
  async capsOf(ctx: ServiceContext, communityId: number): Promise<EconomyCaps> {
    const version = await settingsVersionOf(ctx, communityId);
    if (version === null) return DEFAULT_ECONOMY_CAPS;
    return this.cache.get(communityId, version, () => readCaps(ctx.em, communityId));
  }

  async view(ctx: ServiceContext, communityId: number): Promise<EconomyCapsView> {
    return Object.assign(new EconomyCapsView(), await readCaps(ctx.em, communityId));
  }

  /** OWNER only (the resolver's guard, which also audits). Rules set before keep working: what they pay is cut to the new caps. */
  async setCaps(ctx: ServiceContext, communityId: number, input: EconomyCapsInput): Promise<EconomyCapsView> {
    if (input.maxPointsPerAction > input.maxRulePointsPerMemberDay) throw badInput('单次上限不能大于每日上限', 'maxPointsPerAction');
    await runStatement(ctx.em, 'update community set max_points_per_action = ?, max_rule_points_per_member_day = ? where id = ?', [
      input.maxPointsPerAction,
      input.maxRulePointsPerMemberDay,
      communityId,
    ]);
    await bumpSettingsVersion(ctx.em, communityId);
    return this.view(ctx, communityId);
  }

  /** Why a rule may not be set (the cap it passes), or null when it stays within the caps. */
  async refusal(ctx: ServiceContext, communityId: number, worst: RuleWorstCase): Promise<EconomyCapExceeded | null> {
    const caps = await readCaps(ctx.em, communityId);
    if (worst.perAction > caps.maxPointsPerAction) return new EconomyCapExceeded(EconomyCap.MAX_POINTS_PER_ACTION, caps.maxPointsPerAction, worst.perAction);
    if (worst.perMemberDay !== undefined && worst.perMemberDay > caps.maxRulePointsPerMemberDay) {
      return new EconomyCapExceeded(EconomyCap.MAX_RULE_POINTS_PER_MEMBER_DAY, caps.maxRulePointsPerMemberDay, worst.perMemberDay);
    }
    return null;
  }
}

/** The caps as they are now (setting a rule reads them fresh, never from a cache). */
export async function readCaps(tx: SqlTarget, communityId: number): Promise<EconomyCaps> {
  const [row] = await selectRows<{ perAction: number; perDay: number }>(
    tx,
    'select max_points_per_action as perAction, max_rule_points_per_member_day as perDay from community where id = ?',
    [communityId],
  );
  return row ? { maxPointsPerAction: Number(row.perAction), maxRulePointsPerMemberDay: Number(row.perDay) } : DEFAULT_ECONOMY_CAPS;
}
