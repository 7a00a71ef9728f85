import { raw } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { Coupon } from './coupon.entity';
import { CouponStatus } from './coupon.enums';

export function couponLoaders(em: EntityManager) {
  return {
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
  };
}
