import type { ServiceContext } from '../../service-context';
import { badInput } from '../../graphql/graphql-errors';
import { runStatement } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import { PointsExpiryMode } from './points-expiry.enums';
import { PointsExpiryPolicyInput, PointsExpiryPolicyView } from './points-expiry.types';
import { policyOf } from './points-lots';

/**
 * 积分有效期. A policy applies to points earned from the moment it is set: switching NONE → ANNUAL or
 * ROLLING leaves the points already held never expiring (they are spent first); switching between
 * ANNUAL and ROLLING, or changing the months, leaves the dates already given; switching to NONE
 * stops every future expiry (the lots are dropped, so all points held never expire).
 */
export class PointsExpiryPolicyService {
  async view(ctx: ServiceContext, communityId: number): Promise<PointsExpiryPolicyView> {
    const policy = await policyOf(ctx.em, communityId);
    return Object.assign(new PointsExpiryPolicyView(), { mode: policy?.mode ?? PointsExpiryMode.NONE, months: policy?.months ?? null });
  }

  /** OWNER only (the resolver's guard, which also audits). */
  async setPolicy(ctx: ServiceContext, communityId: number, input: PointsExpiryPolicyInput): Promise<PointsExpiryPolicyView> {
    const months = input.months ?? null;
    if (input.mode === PointsExpiryMode.ROLLING && months === null) throw badInput('滚动有效期需要设置月数（6–36）', 'months');
    if (input.mode !== PointsExpiryMode.ROLLING && months !== null) throw badInput('只有滚动有效期需要设置月数', 'months');
    await inTransaction(ctx, async (em) => {
      // The UPDATE waits for every earning in flight (each reads the policy under a shared lock on this row), and they for it.
      await runStatement(em, 'update community set points_expiry_mode = ?, points_expiry_months = ? where id = ?', [input.mode, months, communityId]);
      if (input.mode === PointsExpiryMode.NONE) {
        await runStatement(em, 'delete from points_lot_use where member_id in (select id from member where community_id = ?)', [communityId]);
        await runStatement(em, 'delete from points_lot where community_id = ?', [communityId]);
        await runStatement(em, 'delete from points_expiry_progress where community_id = ?', [communityId]);
      }
    });
    return this.view(ctx, communityId);
  }
}
