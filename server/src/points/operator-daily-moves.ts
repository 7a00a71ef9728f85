import { localDate, localMidnight } from '../common/local-date';
import { selectRows, SqlTarget } from '../db/sql';
import { PointsEntryType } from './points.enums';

export interface Operator {
  communityId: number;
  userId: number;
  timezone: string;
}

/**
 * What an operator has moved today (since the community-local midnight), against the OWNER's daily
 * adjustment cap: the absolute sum of their adjustments, plus the face value of the coupons they granted
 * (a perk is worth its face value in points, 100 per ¥1, so 1 point per fen). Read under the operator's
 * member lock, so simultaneous moves of one operator on several processes cannot pass the cap together.
 */
export async function movedToday(tx: SqlTarget, operator: Operator, now: Date): Promise<number> {
  const since = localMidnight(localDate(now, operator.timezone), operator.timezone);
  const [row] = await selectRows<{ adjusted: number | string | null; granted: number | string | null }>(
    tx,
    `select (select sum(abs(amount)) from points_entry where community_id = ? and operator_id = ? and type = ? and created_at >= ?) as adjusted,
            (select sum(face_value_fen) from coupon where community_id = ? and granted_by_id = ? and redeemed_at >= ?) as granted`,
    [operator.communityId, operator.userId, PointsEntryType.ADMIN_ADJUST, since, operator.communityId, operator.userId, since],
  );
  return Number(row?.adjusted ?? 0) + Number(row?.granted ?? 0);
}
