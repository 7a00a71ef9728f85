import { selectRows, SqlTarget } from '../db/sql';
import { IssuingPaused } from './coupon.types';

/**
 * 暂停发放, the operator's emergency stop (a coupon bug, a price mistake): while a community has paused
 * coupon issuing, redemptions and grants are refused with the reason — decided by the stock UPDATE
 * itself (coupon-issue.ts takeStockStatement), read here only to say why an issue was refused.
 * Write-offs of coupons already issued go on.
 */
export async function issuingPaused(tx: SqlTarget, communityId: number): Promise<IssuingPaused | null> {
  const [row] = await selectRows<{ pausedAt: unknown; reason: string | null }>(
    tx,
    'select coupon_issuing_paused_at as pausedAt, coupon_issuing_pause_reason as reason from community where id = ?',
    [communityId],
  );
  return row?.pausedAt ? new IssuingPaused(row.reason ?? '') : null;
}
