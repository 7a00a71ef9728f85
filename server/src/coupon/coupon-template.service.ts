import type { ServiceContext } from '../service-context';
import { badInput, forbidden } from '../graphql/graphql-errors';
import { runStatement } from '../db/sql';
import { insertNew } from '../db/transaction';
import { ADMIN_ROLES } from '../member/member.enums';
import { Community } from '../community/community.entity';
import { CouponTemplate } from './coupon-template.entity';
import { CouponTemplateInput, CouponTemplateSaved, StockBelowIssued } from './coupon.types';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';

/** What the shop sells. Admins create, edit and (de)activate; members see the active ones. */
export class CouponTemplateService {
  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
  ) {}

  async list(ctx: ServiceContext, communityId: number, includeInactive: boolean, first: number): Promise<CouponTemplate[]> {
    const member = await this.access.requireActiveMember(ctx, communityId);
    if (includeInactive && !ADMIN_ROLES.includes(member.role as (typeof ADMIN_ROLES)[number])) throw forbidden('只有管理员可以查看已下架的券');
    const now = this.clock.now();
    return ctx.em.find(
      CouponTemplate,
      includeInactive
        ? { community: communityId }
        : { community: communityId, active: true, $and: [{ $or: [{ endsAt: null }, { endsAt: { $gt: now } }] }] },
      { orderBy: { active: 'desc', faceValueFen: 'asc', id: 'asc' }, limit: first },
    );
  }

  async create(ctx: ServiceContext, communityId: number, input: CouponTemplateInput): Promise<CouponTemplate> {
    checkWindow(input);
    return insertNew(ctx, CouponTemplate, { community: communityId, ...fields(input), createdAt: this.clock.now() });
  }

  /** Stock may not drop below what was already issued (the conditional UPDATE keeps that true under load). */
  async update(ctx: ServiceContext, templateId: number, input: CouponTemplateInput): Promise<CouponTemplateSaved | StockBelowIssued> {
    checkWindow(input);
    const row = fields(input);
    const { affectedRows } = await runStatement(
      ctx.em,
      `update coupon_template
          set title = ?, description = ?, face_value_fen = ?, min_spend_fen = ?, valid_days = ?, stock = ?,
              per_member_limit = ?, min_tier_level = ?, starts_at = ?, ends_at = ?
        where id = ?${row.stock === null ? '' : ' and issued_count <= ?'}`,
      [
        row.title, row.description, row.faceValueFen, row.minSpendFen, row.validDays, row.stock,
        row.perMemberLimit, row.minTierLevel, row.startsAt, row.endsAt, templateId, ...(row.stock === null ? [] : [row.stock]),
      ],
    );
    const template = await ctx.em.findOneOrFail(CouponTemplate, templateId, { refresh: true });
    if (affectedRows !== 1) return new StockBelowIssued(template.issuedCount);
    return Object.assign(new CouponTemplateSaved(), { template });
  }

  async setActive(ctx: ServiceContext, templateId: number, active: boolean): Promise<CouponTemplate> {
    await runStatement(ctx.em, 'update coupon_template set active = ? where id = ?', [active, templateId]);
    return ctx.em.findOneOrFail(CouponTemplate, templateId, { refresh: true });
  }

  /**
   * 暂停发放 / 恢复发放 (admins; the guard audits it): pausing needs a reason members will read; resuming
   * clears it. The stock UPDATE of every redemption and grant reads the pause (coupon-issue.ts).
   */
  async setIssuingPaused(ctx: ServiceContext, communityId: number, paused: boolean, reason: string | null | undefined): Promise<Community> {
    const why = reason?.trim() ?? '';
    if (paused && !why) throw badInput('请填写暂停原因，成员会在兑换页看到它', 'reason');
    await runStatement(
      ctx.em,
      paused
        ? 'update community set coupon_issuing_paused_at = coalesce(coupon_issuing_paused_at, ?), coupon_issuing_pause_reason = ? where id = ?'
        : 'update community set coupon_issuing_paused_at = null, coupon_issuing_pause_reason = null where id = ?',
      paused ? [this.clock.now(), why, communityId] : [communityId],
    );
    return ctx.em.findOneOrFail(Community, communityId, { refresh: true });
  }
}

function checkWindow(input: CouponTemplateInput): void {
  if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt) throw badInput('结束时间需要晚于开始时间', 'endsAt');
}

function fields(input: CouponTemplateInput) {
  return {
    title: input.title.trim(),
    description: input.description?.trim() || null,
    faceValueFen: input.faceValueFen,
    minSpendFen: input.minSpendFen,
    validDays: input.validDays,
    stock: input.stock ?? null,
    perMemberLimit: input.perMemberLimit ?? null,
    minTierLevel: input.minTierLevel,
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
  };
}
