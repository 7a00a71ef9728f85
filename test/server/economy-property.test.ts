import fc from 'fast-check';
import { ManualClock } from '../../server/src/common/clock';
import { ADJUST, couponShop, CREATE_TEMPLATE, newRequestId, REDEEM, VOID, WRITE_OFF } from '../helpers/economy';
import { checkEconomyInvariants } from '../helpers/invariants';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

type Step =
  | { kind: 'adjust'; member: number; amount: number }
  | { kind: 'checkIn'; member: number }
  | { kind: 'nextDay' }
  | { kind: 'redeem'; member: number; template: number }
  | { kind: 'void'; pick: number }
  | { kind: 'writeOff'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('adjust' as const), member: fc.nat(2), amount: fc.integer({ min: -900, max: 1500 }).filter((n) => n !== 0) }),
  fc.record({ kind: fc.constant('checkIn' as const), member: fc.nat(2) }),
  fc.record({ kind: fc.constant('nextDay' as const) }),
  fc.record({ kind: fc.constant('redeem' as const), member: fc.nat(2), template: fc.nat(1) }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('writeOff' as const), pick: fc.nat(50) }),
);

describe('the points economy under random sequences of actions (fast-check)', () => {
  let env: TestEnvironment;
  const clock = new ManualClock(new Date('2026-11-21T02:00:00Z'));
  beforeAll(async () => {
    env = await createTestEnvironment('economy_property', { clock });
  });
  afterAll(() => env.close());

  it('keeps balance = ledger sum ≥ 0, lifetime = earned, issued ≤ stock after every step, and matches a model', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        run += 1;
        const shop = await couponShop(env, `p${run}`, { faceValueFen: 300, stock: 4, perMemberLimit: 3 });
        const second = await shop.owner.client.data(CREATE_TEMPLATE, {
          c: shop.communityId,
          i: { title: '¥10 券', faceValueFen: 1000, minSpendFen: 0, validDays: 30, stock: null, perMemberLimit: null, minTierLevel: 0 },
        });
        const templates = [{ id: shop.templateId, cost: 300 }, { id: second.createCouponTemplate.id, cost: 1000 }];
        const members = await Promise.all([0, 1, 2].map((i) => shop.memberWith(`p${run}-m${i}`, 0)));
        const model = members.map(() => 0);
        const coupons: Array<{ id: string; code: string; member: number; cost: number; live: boolean }> = [];

        for (const action of steps) {
          switch (action.kind) {
            case 'adjust': {
              const r = (await shop.owner.client.data(ADJUST, { c: shop.communityId, m: members[action.member].memberId, a: action.amount, r: '随机' })).adjustPoints;
              if (model[action.member] + action.amount >= 0) {
                model[action.member] += action.amount;
                expect(r.member.points).toBe(model[action.member]);
              } else {
                expect(r.errorCode).toBe('INSUFFICIENT_POINTS');
              }
              break;
            }
            case 'checkIn': {
              const r = (await members[action.member].client.data(`mutation ($c: ID!) { checkIn(communityId: $c) { __typename ... on CheckInSuccess { pointsAwarded bonusPoints balance } } }`, { c: shop.communityId })).checkIn;
              if (r.__typename === 'CheckInSuccess') {
                model[action.member] += r.pointsAwarded + r.bonusPoints;
                expect(r.balance).toBe(model[action.member]);
              }
              break;
            }
            case 'nextDay':
              clock.advance(24 * 3600 * 1000);
              break;
            case 'redeem': {
              const template = templates[action.template];
              const r = (await members[action.member].client.data(REDEEM, { t: template.id, r: newRequestId() })).redeemCoupon;
              if (r.__typename === 'CouponRedeemed') {
                model[action.member] -= template.cost;
                expect(r.balance).toBe(model[action.member]);
                coupons.push({ id: r.coupon.id, code: r.coupon.code, member: action.member, cost: template.cost, live: true });
              } else {
                expect(['INSUFFICIENT_POINTS', 'SOLD_OUT', 'LIMIT_REACHED']).toContain(r.errorCode);
                if (r.errorCode === 'INSUFFICIENT_POINTS') expect(model[action.member]).toBeLessThan(template.cost);
              }
              break;
            }
            case 'void':
            case 'writeOff': {
              const coupon = coupons[action.pick % Math.max(coupons.length, 1)];
              if (!coupon) break;
              if (action.kind === 'void') {
                const r = (await shop.owner.client.data(VOID, { id: coupon.id })).voidCoupon;
                if (r.__typename === 'CouponVoidedResult') {
                  expect(coupon.live).toBe(true);
                  coupon.live = false;
                  model[coupon.member] += coupon.cost;
                  expect(r.balance).toBe(model[coupon.member]);
                } else expect(coupon.live).toBe(false);
              } else {
                const r = (await shop.owner.client.data(WRITE_OFF, { c: shop.communityId, code: coupon.code })).writeOffCoupon;
                if (r.__typename === 'CouponWrittenOff') {
                  expect(coupon.live).toBe(true);
                  coupon.live = false;
                } else expect(coupon.live).toBe(false);
              }
              break;
            }
          }
          const report = await checkEconomyInvariants(env.em());
          expect(report.violations).toEqual([]);
        }
        for (const [i, member] of members.entries()) {
          expect((await member.client.data(`{ membership(communityId: ${shop.communityId}) { points } }`)).membership.points).toBe(model[i]);
        }
      }),
      { numRuns: 12, seed: Number(process.env.FC_SEED ?? Date.now() % 100000), verbose: true },
    );
  });
});
