import { raw } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { Community } from '../community/community.entity';
import { Coupon } from '../coupon/coupon.entity';
import { CouponStatus } from '../coupon/coupon.enums';
import { Member } from '../member/member.entity';
import { MemberStatus } from '../member/member.enums';
import { User } from '../user/user.entity';
import type { Tier } from '../tier/tier.entity';
import { placeholders, selectRows } from '../db/sql';

export type TierRow = Pick<Tier, 'level' | 'name' | 'threshold' | 'multiplierPercent'>;

/** Per-request batching: one query per kind of row however many members a list shows. */
export function createLoaders(em: EntityManager) {
  const byIds = <T extends { id: number }>(rows: T[], ids: readonly number[]) => {
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  };
  /** Both counts of a community in one statement: the home page shows them together. */
  const communityCounts = new DataLoader<number, { members: number; groups: number }>(async (ids) => {
    const rows = await selectRows<{ id: number; members: number; groups: number }>(
      em,
      `select c.id,
              (select count(*) from member m where m.community_id = c.id and m.status = ?) as members,
              (select count(*) from wechat_group g where g.community_id = c.id) as ` + "`groups`" + `
         from community c where c.id in (${placeholders(ids.length)})`,
      [MemberStatus.ACTIVE, ...ids],
    );
    const map = new Map(rows.map((row) => [Number(row.id), { members: Number(row.members), groups: Number(row.groups) }]));
    return ids.map((id) => map.get(id) ?? { members: 0, groups: 0 });
  });
  return {
    user: new DataLoader<number, User | null>(async (ids) => byIds(await em.find(User, { id: { $in: [...ids] } }), ids)),
    community: new DataLoader<number, Community | null>(async (ids) =>
      byIds(await em.find(Community, { id: { $in: [...ids] } }), ids),
    ),
    communityCounts,
    member: new DataLoader<number, Member | null>(async (ids) => byIds(await em.find(Member, { id: { $in: [...ids] } }), ids)),
    /** Coupons a member holds of a template (voided ones excluded), keyed `memberId:templateId`. */
    heldCoupons: new DataLoader<string, number>(async (keys) => {
      const pairs = keys.map((key) => key.split(':').map(Number));
      const rows: Array<{ member: number; template: number; n: string | number }> = await em
        .createQueryBuilder(Coupon)
        .select(['member', 'template', raw('count(*) as n')])
        .where({ member: { $in: [...new Set(pairs.map(([m]) => m))] }, template: { $in: [...new Set(pairs.map(([, t]) => t))] }, status: { $ne: CouponStatus.VOID } })
        .groupBy(['member', 'template'])
        .execute();
      const counts = new Map(rows.map((row) => [`${row.member}:${row.template}`, Number(row.n)]));
      return keys.map((key) => counts.get(key) ?? 0);
    }),
    /** A community's tiers, lowest level first (read on every check-in and home page: hand-written SQL). */
    tiers: new DataLoader<number, TierRow[]>(async (ids) => {
      const rows = await selectRows<TierRow & { community_id: number }>(
        em,
        `select community_id, level, name, threshold, multiplier_percent as multiplierPercent
           from member_tier where community_id in (${placeholders(ids.length)}) order by level`,
        [...ids],
      );
      return ids.map((id) => rows.filter((tier) => Number(tier.community_id) === id));
    }),
  };
}

export type RequestLoaders = ReturnType<typeof createLoaders>;
