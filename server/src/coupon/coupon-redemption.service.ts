import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { LimitReached, NotActiveMember, SoldOut } from '../graphql/common-errors';
import { localDate } from '../common/local-date';
import type { ErrorResult } from '../graphql/error-result';
import { columnsOf, mapPrefixed, valuesOf } from '../db/entity-rows';
import { inKeyOrder } from '../db/by-ids';
import { readTogether } from '../db/read-together';
import { commitIfChanged, deferStatement, placeholders, selectRows, SqlTarget } from '../db/sql';
import { RollbackWith, inSqlTransaction } from '../db/transaction';
import { lockMember } from '../member/member-lock';
import { Member } from '../member/member.entity';
import { MemberStatus } from '../member/member.enums';
import { PointsEntry } from '../points/points-entry.entity';
import { currentBalance } from '../member/member-rows';
import { PointsEntryType } from '../points/points.enums';
import { InsufficientPoints } from '../points/points.types';
import { couponInsertStatement, issuedTermsOf, newCoupons, takeStockStatement, type IssuedTemplate } from './coupon-issue';
import { CouponTemplate, pointsCostOf } from './coupon-template.entity';
import { Community } from '../community/community.entity';
import { Coupon } from './coupon.entity';
import { CouponStatus } from './coupon.enums';
import { CouponInactive, CouponRedeemed, CouponTemplateNotFound, IssuingPaused, TierTooLow } from './coupon.types';
import { issuingPaused } from './coupon-issuing';
import { redemptionReference } from './coupon-redemption-reference';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';
import type { PointsLedgerService } from '../points/points-ledger.service';
import type { TierService } from '../tier/tier.service';

const REPLAYED = Symbol('requestId already used');

/**
 * 积分兑券: points deducted, stock taken, coupon issued and ledger written in one transaction,
 * each by a statement the database itself guards, so concurrent redemptions cannot overspend,
 * oversell or exceed the per-member limit, and a replayed requestId never spends twice.
 * Order matters for InnoDB: member row first (lockMember), then the template's stock, then
 * the inserts whose foreign keys point at both.
 */
export class CouponRedemptionService {
  /** Templates as redemptions first read them, read together per turn of the event loop (read-together.ts): a popular coupon's rush reads its row once per turn. */
  private readonly templateRows: DataLoader<number, Record<string, unknown> | undefined>;

  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
    private readonly points: PointsLedgerService,
    private readonly tiers: TierService,
    orm: MikroORM,
  ) {
    this.templateRows = readTogether(orm, async (em, ids) => inKeyOrder(await templateRowsById(em, ids), ids, (row) => Number(row.t__id)));
  }

  async redeem(ctx: ServiceContext, templateId: number, requestId: string): Promise<CouponRedeemed | ErrorResult> {
    const row = await this.templateRows.load(templateId);
    if (!row) return new CouponTemplateNotFound();
    const template = termsOf(ctx.em, row);
    const member = await this.access.callerMemberValues(ctx, template.community.id);
    if (!member || member.status !== MemberStatus.ACTIVE) return new NotActiveMember();

    // A replayed requestId answers with its first result, never with what would refuse it now
    // (sold out since, the limit reached by that very coupon…). Replays that pass these checks
    // are caught in the transaction, by the unique (member, requestId) key.
    const refusal = pauseOf(row) ?? (await this.refusal(ctx, template, member.id, member.tierLevel));
    if (refusal) return (await this.previousResult(ctx.em, member.id, requestId)) ?? refusal;

    const outcome = await inSqlTransaction<CouponRedeemed | ErrorResult | typeof REPLAYED>(ctx, async (tx) => {
      const locked = await lockMember(tx, member.id);
      // A refusal may be a replay: under the member's lock the first request's coupon is
      // visible, and the replay answers with the first result.
      const refuse = async (refusal: ErrorResult): Promise<never> => {
        throw new RollbackWith((await this.issuedFor(tx, member.id, requestId)) ? REPLAYED : refusal);
      };
      // Eligibility again, under the lock: the member may have been removed or the tier changed since the early check.
      if (locked.status !== MemberStatus.ACTIVE) return refuse(new NotActiveMember());
      if (locked.tierLevel < template.minTierLevel) return refuse(await this.tierTooLow(ctx, template));
      if (locked.points < template.pointsCost) return refuse(new InsufficientPoints(template.pointsCost, locked.points));
      if (template.perMemberLimit != null) {
        const [{ held }] = await selectRows<{ held: number }>(
          tx,
          'select count(*) as held from coupon where member_id = ? and template_id = ? and status <> ?',
          [member.id, template.id, CouponStatus.VOID],
        );
        if (Number(held) >= template.perMemberLimit) return refuse(new LimitReached(template.perMemberLimit, `每人限兑 ${template.perMemberLimit} 张，你已达到上限`));
      }
      // The member may pay: the stock is taken, and only if it was, the points spent, the ledger row and
      // the coupon written, and the transaction committed, all in one round trip on MySQL. A popular
      // coupon's template row is locked only while the database runs them (commitIfChanged).
      const now = this.clock.now();
      const [issued] = newCoupons(template, [{ memberId: member.id, requestId, pointsCost: template.pointsCost }], now);
      const spend = {
        communityId: template.community.id,
        memberId: member.id,
        amount: -template.pointsCost,
        type: PointsEntryType.COUPON_REDEEM,
        reference: redemptionReference(requestId),
        note: `兑换「${template.title}」`,
        at: now,
      };
      // The points lots (积分有效期) are taken ahead of the stock, holding only the member's lock, and given back if the stock was not taken.
      const lots = this.points.lotSpend(tx, { memberId: member.id, amount: template.pointsCost, spendKey: spend.reference }, locked.points);
      let taken: Awaited<ReturnType<typeof commitIfChanged>>;
      try {
        for (const statement of lots.ahead) await deferStatement(tx, statement.sql, statement.params);
        taken = await commitIfChanged(tx, takeStockStatement(template, 1, { now, tierLevel: locked.tierLevel }), (when) => [
          ...this.points.spendStatements(tx, spend, locked.points, { day: localDate(now, member.community.timezone), alsoOnDay: { couponsIssued: 1 } }, when),
          couponInsertStatement(template, [issued], now, when),
          ...lots.undoUnless(when),
        ]);
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new RollbackWith(REPLAYED);
        throw error;
      }
      if (!taken.changed) {
        const paused = await issuingPaused(tx, template.community.id);
        if (paused) return refuse(paused);
        const current = await this.template(ctx.em.fork(), template.id);
        const why = current ? await this.refusal(ctx, current, member.id, locked.tierLevel) : new CouponTemplateNotFound();
        return refuse(why ?? new SoldOut('这张券已经被兑完了'));
      }
      const [, , , couponInsert] = taken.results; // the gated statements: spend, ledger row, the day's rollup, coupon
      const couponOf = () =>
        Object.assign(new Coupon(), {
          id: couponInsert.insertId,
          community: ctx.em.getReference(Community, template.community.id),
          template: mapPrefixed(ctx.em, CouponTemplate, 't', row),
          member: ctx.em.getReference(Member, member.id),
          code: issued.code,
          status: CouponStatus.UNUSED,
          requestId,
          ...issuedTermsOf(template),
          pointsCost: template.pointsCost,
          redeemedAt: now,
          expiresAt: issued.expiresAt,
          createdAt: now,
        });
      return new CouponRedeemed(couponOf, locked.points - template.pointsCost);
    });
    if (outcome !== REPLAYED) return outcome;
    return (await this.previousResult(ctx.em.fork(), member.id, requestId))!;
  }

  private async template(em: EntityManager, templateId: number): Promise<CouponTemplate | null> {
    const [row] = await templateRowsById(em, [templateId]);
    return row ? mapPrefixed(em, CouponTemplate, 't', row) : null;
  }

  private async issuedFor(tx: SqlTarget, memberId: number, requestId: string): Promise<boolean> {
    return (await selectRows(tx, 'select id from coupon where member_id = ? and request_id = ?', [memberId, requestId])).length > 0;
  }

  /** The first result of a requestId: its coupon and the balance its deduction left. */
  private async previousResult(em: EntityManager, memberId: number, requestId: string): Promise<CouponRedeemed | null> {
    const coupon = await em.findOne(Coupon, { member: memberId, requestId }, { populate: ['template'] });
    if (!coupon) return null;
    const entry = await em.findOne(PointsEntry, { member: memberId, type: PointsEntryType.COUPON_REDEEM, reference: redemptionReference(requestId) });
    return new CouponRedeemed(() => coupon, entry?.balanceAfter ?? (await currentBalance(em, memberId)));
  }

  private async tierTooLow(ctx: ServiceContext, template: TemplateTerms): Promise<ErrorResult> {
    const tiers = await this.tiers.tiersOf(ctx, template.community.id);
    return new TierTooLow(tiers.find((tier) => tier.level === template.minTierLevel) ?? tiers[tiers.length - 1]);
  }

  /** Early answers that need no lock (the transaction re-checks limit and stock authoritatively). */
  private async refusal(ctx: ServiceContext, template: TemplateTerms, memberId: number, tierLevel: number): Promise<ErrorResult | null> {
    const now = this.clock.now();
    if (!template.active || (template.startsAt && template.startsAt > now) || (template.endsAt && template.endsAt <= now)) return new CouponInactive();
    if (tierLevel < template.minTierLevel) return this.tierTooLow(ctx, template);
    if (template.perMemberLimit != null && (await ctx.loaders.heldCoupons.load(`${memberId}:${template.id}`)) >= template.perMemberLimit) {
      return new LimitReached(template.perMemberLimit, `每人限兑 ${template.perMemberLimit} 张，你已达到上限`);
    }
    if (template.stock != null && template.issuedCount >= template.stock) return new SoldOut('这张券已经被兑完了');
    return null;
  }
}

/** Coupon templates' columns (prefix `t__`) by id, with their community's 暂停发放 (`paused_at`, `pause_reason`), in one statement. */
function templateRowsById(em: EntityManager, ids: readonly number[]): Promise<Record<string, unknown>[]> {
  return selectRows<Record<string, unknown>>(
    em,
    `select ${columnsOf(em, CouponTemplate, 't')}, c.coupon_issuing_paused_at as paused_at, c.coupon_issuing_pause_reason as pause_reason
       from coupon_template t join community c on c.id = t.community_id where t.id in (${placeholders(ids.length)})`,
    [...ids],
  );
}

/** The pause the template's row was read with: the early answer (the stock UPDATE decides again under its lock). */
function pauseOf(row: Record<string, unknown>): IssuingPaused | null {
  return row.paused_at ? new IssuingPaused(String(row.pause_reason ?? '')) : null;
}

/** What a redemption decides on of its template: the entity, or the same values out of its row. */
type TemplateTerms = IssuedTemplate & Pick<CouponTemplate, 'title' | 'pointsCost' | 'stock' | 'issuedCount' | 'perMemberLimit' | 'minTierLevel' | 'active' | 'startsAt' | 'endsAt'>;

/** The terms out of a row of templateRowsById, converted as the ORM converts them, without mapping the entity (a redemption that succeeds maps none). */
function termsOf(em: EntityManager, row: Record<string, unknown>): TemplateTerms {
  const values = valuesOf(em, CouponTemplate, 't', row, ['id', 'title', 'faceValueFen', 'minSpendFen', 'validDays', 'stock', 'issuedCount', 'perMemberLimit', 'minTierLevel', 'active', 'startsAt', 'endsAt']);
  return { ...values, pointsCost: pointsCostOf(values), community: { id: Number(row.t__community_id) } };
}

