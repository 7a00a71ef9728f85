import type { ServiceContext } from '../../service-context';
import type { Clock } from '../../common/clock';
import { addDays, localDate } from '../../common/local-date';
import { forbidden } from '../../graphql/graphql-errors';
import { selectRows } from '../../db/sql';
import { MemberStatus } from '../../member/member.enums';
import type { MemberAccessService } from '../../member/member-access.service';
import type { LocalDayRange } from '../../health/local-day-range';
import { PointsEntryType } from '../points.enums';
import { PointsExpiryMode } from './points-expiry.enums';
import { FORECAST_DATES, PointsExpiring, PointsExpiryForecast, PointsExpiryPolicyView, PointsLiability } from './points-expiry.types';
import { dateText, policyOf } from './points-lots';

/** What will expire: the member's own dates (home, ledger, shop), and the community's liability (the dashboard). Reads the lots, never the ledger. */
export class PointsExpiryForecastService {
  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
  ) {}

  async forecast(ctx: ServiceContext, communityId: number): Promise<PointsExpiryForecast> {
    const member = await this.access.callerMemberValues(ctx, communityId);
    if (!member || member.status !== MemberStatus.ACTIVE) throw forbidden('你还不是该社群的成员');
    const today = localDate(this.clock.now(), member.community.timezone);
    const [policy, rows] = await Promise.all([
      policyOf(ctx.em, communityId),
      selectRows<{ expiresOn: unknown; points: number }>(
        ctx.em,
        'select expires_on as expiresOn, remaining as points from points_lot where member_id = ? and remaining > 0 and expires_on >= ? order by expires_on limit ?',
        [member.id, today, FORECAST_DATES],
      ),
    ]);
    const upcoming = rows.map((row) => Object.assign(new PointsExpiring(), { points: Number(row.points), expiresOn: dateText(row.expiresOn) }));
    return Object.assign(new PointsExpiryForecast(), {
      policy: Object.assign(new PointsExpiryPolicyView(), { mode: policy?.mode ?? PointsExpiryMode.NONE, months: policy?.months ?? null }),
      next: upcoming[0] ?? null,
      upcoming,
    });
  }

  /** Admin (the resolver's guard): the balances as money, what expires within 30 and 90 days, what expired in the range. */
  async liability(ctx: ServiceContext, communityId: number, range: LocalDayRange): Promise<PointsLiability> {
    const today = localDate(this.clock.now(), range.timezone);
    const [[outstanding], [expiring], [expired]] = await Promise.all([
      selectRows<{ points: number | null }>(ctx.em, 'select sum(points) as points from member where community_id = ?', [communityId]),
      selectRows<{ in30: number | null; in90: number | null }>(
        ctx.em,
        `select sum(case when expires_on <= ? then remaining else 0 end) as in30, sum(remaining) as in90
           from points_lot where community_id = ? and expires_on >= ? and expires_on <= ?`,
        [addDays(today, 30), communityId, today, addDays(today, 90)],
      ),
      selectRows<{ points: number | null }>(
        ctx.em,
        'select -sum(amount) as points from points_entry where community_id = ? and created_at >= ? and created_at < ? and type = ?',
        [communityId, range.start, range.end, PointsEntryType.POINTS_EXPIRED],
      ),
    ]);
    const outstandingPoints = Number(outstanding?.points ?? 0);
    return Object.assign(new PointsLiability(), {
      outstandingPoints,
      // 100 points = ¥1 = 100 fen: a point is a fen.
      liabilityFen: outstandingPoints,
      expiringWithin30Days: Number(expiring?.in30 ?? 0),
      expiringWithin90Days: Number(expiring?.in90 ?? 0),
      expiredInRange: Number(expired?.points ?? 0),
    });
  }
}
