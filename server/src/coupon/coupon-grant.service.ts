import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ServiceContext } from '../service-context';
import { SoldOut } from '../graphql/common-errors';
import { ErrorResult, isErrorResult } from '../graphql/error-result';
import { requireUserId } from '../auth/require-user';
import { isMySql, placeholders, selectRows, SqlTarget } from '../db/sql';
import { inSqlTransaction, RollbackWith } from '../db/transaction';
import { MemberStatus } from '../member/member.enums';
import { MemberNotFound } from '../member/member.types';
import { movedToday } from '../points/operator-daily-moves';
import { AdjustLimitExceeded, AdjustNotAllowed } from '../points/points.types';
import { insertCoupons, takeStock } from './coupon-issue';
import { CouponTemplate } from './coupon-template.entity';
import { Coupon } from './coupon.entity';
import { CouponInactive, CouponTemplateNotFound } from './coupon.types';
import { issuingPaused } from './coupon-issuing';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';

const DONE = Symbol('granted, now or by an earlier call with this requestId');
export const MAX_GRANT_MEMBERS = 200;

export interface CouponGrant {
  coupons: Coupon[];
  template: CouponTemplate;
}

/**
 * 送券 (the second wake-up step): an admin gives one free coupon (no points) of a template to each
 * of up to 200 members. All or nothing in one transaction: the members and the operator locked first
 * in id order (the lock order of every coupon issue: members, then the template's stock, then the
 * inserts), every one must be an ACTIVE member of the community, the perks' face value must fit in
 * what the operator may still move today (the OWNER's daily adjustment cap: a perk is value given
 * away like an adjustment), the stock for all of them taken by one conditional UPDATE, the coupons
 * inserted by one statement. Nobody grants to themselves.
 *
 * A replay is scoped to the caller, the community, the template and this operation: the coupons
 * carry `grant/<operator user id>/<requestId>` (a `/` no client requestId may hold, so no
 * redemption's key can collide with it) and are looked up with the community and the template.
 */
export class CouponGrantService {
  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
  ) {}

  async grant(ctx: ServiceContext, communityId: number, templateId: number, memberIds: number[], requestId: string): Promise<CouponGrant | ErrorResult> {
    const operatorId = requireUserId(ctx);
    const key = `grant/${operatorId}/${requestId}`;
    const ids = [...new Set(memberIds)].sort((a, b) => a - b);
    const template = await ctx.em.findOne(CouponTemplate, { id: templateId, community: communityId });
    if (!template) return new CouponTemplateNotFound();
    const previous = await this.granted(ctx, communityId, templateId, ids, key);
    if (previous) return previous;
    const operator = await this.access.callerMember(ctx, communityId);
    if (!operator) return new MemberNotFound();
    if (ids.includes(operator.id)) return new AdjustNotAllowed('不能给自己送券');
    if (!template.active) return new CouponInactive('这张券已停用，不能赠送');

    const outcome = await inSqlTransaction<typeof DONE | ErrorResult>(ctx, async (tx) => {
      const locked = [...ids, operator.id].sort((a, b) => a - b);
      const rows = await selectRows<{ id: number; status: string }>(
        tx,
        `select id, status from member where community_id = ? and id in (${placeholders(locked.length)}) order by id${isMySql(tx) ? ' for update' : ''}`,
        [communityId, ...locked],
      );
      const members = rows.filter((row) => Number(row.id) !== operator.id);
      // Under the members' locks a concurrent grant of the same requestId has committed or not started.
      const refuse = async (refusal: ErrorResult): Promise<never> => {
        throw new RollbackWith((await this.issuedFor(tx, ids[0], key)) ? DONE : refusal);
      };
      if (members.length !== ids.length || members.some((member) => member.status !== MemberStatus.ACTIVE)) {
        return refuse(new MemberNotFound('所选成员中有人不在本社群或已不是正式成员，未发出任何券'));
      }
      const { adjustDailyLimit: daily, timezone } = operator.community;
      const worth = template.faceValueFen * ids.length;
      const used = await movedToday(tx, { communityId, userId: operatorId, timezone }, this.clock.now());
      if (used + worth > daily) {
        return refuse(new AdjustLimitExceeded(daily, Math.max(0, daily - used), `送出的券面值计入每日调整上限：今天已用 ${used}，本次 ${worth}，上限 ${daily}（100 积分 = ¥1）`));
      }
      if (!(await takeStock(tx, template, ids.length))) {
        const paused = await issuingPaused(tx, communityId);
        if (paused) return refuse(paused);
        const [{ remaining, active }] = await selectRows<{ remaining: number | null; active: unknown }>(tx, 'select stock - issued_count as remaining, active from coupon_template where id = ?', [template.id]);
        if (!Number(active)) return refuse(new CouponInactive('这张券已停用，不能赠送'));
        return refuse(new SoldOut(`库存不足：还剩 ${Math.max(Number(remaining ?? 0), 0)} 张，需要 ${ids.length} 张，未发出任何券`));
      }
      try {
        await insertCoupons(tx, template, ids.map((memberId) => ({ memberId, requestId: key, pointsCost: 0, grantedBy: operatorId })), this.clock.now());
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new RollbackWith(DONE);
        throw error;
      }
      return DONE;
    });
    if (isErrorResult(outcome)) return outcome;
    return (await this.granted(ctx, communityId, templateId, ids, key))!;
  }

  private async issuedFor(tx: SqlTarget, memberId: number, key: string): Promise<boolean> {
    return (await selectRows(tx, 'select id from coupon where member_id = ? and request_id = ?', [memberId, key])).length > 0;
  }

  /** The coupons this caller's requestId granted of this template in this community (found through the unique (member, requestId) key). */
  private async granted(ctx: ServiceContext, communityId: number, templateId: number, memberIds: number[], key: string): Promise<CouponGrant | null> {
    const coupons = await ctx.em.fork().find(
      Coupon,
      { community: communityId, template: templateId, member: { $in: memberIds }, requestId: key },
      { populate: ['template'], orderBy: { id: 'asc' } },
    );
    return coupons.length ? { coupons, template: coupons[0].template } : null;
  }
}
