import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { placeholders, selectRows } from '../db/sql';
import { CouponStatus } from './coupon.enums';

export function couponLoaders(em: EntityManager) {
  return {
    /** Coupons a member holds of a template (voided ones excluded), keyed `memberId:templateId`. */
    heldCoupons: new DataLoader<string, number>(async (keys) => {
      const pairs = keys.map((key) => key.split(':').map(Number));
      const members = [...new Set(pairs.map(([member]) => member))];
      const templates = [...new Set(pairs.map(([, template]) => template))];
      const rows = await selectRows<{ member: number; template: number; n: string | number }>(
        em,
        `select member_id as member, template_id as template, count(*) as n from coupon
          where member_id in (${placeholders(members.length)}) and template_id in (${placeholders(templates.length)}) and status <> ?
          group by member_id, template_id`,
        [...members, ...templates, CouponStatus.VOID],
      );
      const counts = new Map(rows.map((row) => [`${row.member}:${row.template}`, Number(row.n)]));
      return keys.map((key) => counts.get(key) ?? 0);
    }),
  };
}
