import type { AdminOperation } from './admin-operations';

/** The member economy's admin (and staff) operations, for the authorization suite. */
export const ECONOMY_ADMIN_OPERATIONS: AdminOperation[] = [
  {
    name: 'updateCheckInRule',
    query: `mutation ($c: ID!) { updateCheckInRule(communityId: $c, input: { basePoints: 999, cycleDays: 1, bonuses: [] }) { __typename } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'setTiers',
    query: `mutation ($c: ID!) { setTiers(communityId: $c, tiers: [{ name: "全员", threshold: 0, multiplier: 3 }]) { __typename } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'adjustPoints',
    query: `mutation ($c: ID!, $m: ID!) { adjustPoints(communityId: $c, memberId: $m, amount: 100000, reason: "越权") { __typename } }`,
    variables: (t) => ({ c: t.communityId, m: t.memberId }),
  },
  {
    name: 'createCouponTemplate',
    query: `mutation ($c: ID!) { createCouponTemplate(communityId: $c, input: { title: "越权券", faceValueFen: 1, minSpendFen: 0, validDays: 1, minTierLevel: 0 }) { id } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'updateCouponTemplate',
    query: `mutation ($t: ID!) { updateCouponTemplate(templateId: $t, input: { title: "改价", faceValueFen: 1, minSpendFen: 0, validDays: 1, minTierLevel: 0 }) { __typename } }`,
    variables: (t) => ({ t: t.templateId }),
  },
  {
    name: 'setCouponTemplateActive',
    query: `mutation ($t: ID!) { setCouponTemplateActive(templateId: $t, active: false) { id } }`,
    variables: (t) => ({ t: t.templateId }),
  },
  {
    name: 'setCouponIssuingPaused',
    query: `mutation ($c: ID!) { setCouponIssuingPaused(communityId: $c, paused: true, reason: "越权暂停") { id } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'voidCoupon',
    query: `mutation ($id: ID!) { voidCoupon(couponId: $id) { __typename } }`,
    variables: (t) => ({ id: t.couponId }),
  },
  {
    name: 'communityCoupons',
    query: `query ($c: ID!) { communityCoupons(communityId: $c) { code } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'writeOffCoupon',
    staffAllowed: true,
    query: `mutation ($c: ID!, $code: String!) { writeOffCoupon(communityId: $c, code: $code) { __typename } }`,
    variables: (t) => ({ c: t.communityId, code: t.couponCode }),
  },
  {
    name: 'couponByCode',
    staffAllowed: true,
    query: `query ($c: ID!, $code: String!) { couponByCode(communityId: $c, code: $code) { code } }`,
    variables: (t) => ({ c: t.communityId, code: t.couponCode }),
  },
];
