import type { LoggedIn, TestEnvironment } from './test-env';

export const REDEEM = `mutation ($t: ID!, $r: String!) { redeemCoupon(templateId: $t, requestId: $r) {
  __typename
  ... on CouponRedeemed { balance coupon { id code status pointsCost expiresAt template { id title faceValueFen } } }
  ... on InsufficientPoints { required balance }
  ... on LimitReached { limit }
  ... on TierTooLow { requiredTier { name level } }
  ... on ErrorResult { errorCode message } } }`;

export const WRITE_OFF = `mutation ($c: ID!, $code: String!) { writeOffCoupon(communityId: $c, code: $code) {
  __typename ... on CouponWrittenOff { coupon { id status usedAt } } ... on ErrorResult { errorCode message } } }`;

export const VOID = `mutation ($id: ID!) { voidCoupon(couponId: $id) {
  __typename ... on CouponVoidedResult { refundedPoints balance coupon { status template { title } member { nickname } } }
  ... on ErrorResult { errorCode message } } }`;

export const ADJUST = `mutation ($c: ID!, $m: ID!, $a: Int!, $r: String!) { adjustPoints(communityId: $c, memberId: $m, amount: $a, reason: $r) {
  __typename ... on PointsAdjusted { member { points lifetimePoints } entry { amount balanceAfter type note } }
  ... on InsufficientPoints { required balance } ... on ErrorResult { errorCode message } } }`;

export const CREATE_TEMPLATE = `mutation ($c: ID!, $i: CouponTemplateInput!) { createCouponTemplate(communityId: $c, input: $i) { id pointsCost remaining } }`;

export interface TemplateInput {
  title?: string;
  faceValueFen?: number;
  minSpendFen?: number;
  validDays?: number;
  stock?: number | null;
  perMemberLimit?: number | null;
  minTierLevel?: number;
}

/** A community with an owner, a shop template and a way to hand members points. */
export async function couponShop(env: TestEnvironment, label: string, template: TemplateInput = {}) {
  const { owner, communityId, joinCode } = await env.createCommunity(label);
  const created = await owner.client.data(CREATE_TEMPLATE, {
    c: communityId,
    i: { title: '¥5 无门槛券', faceValueFen: 500, minSpendFen: 0, validDays: 30, stock: null, perMemberLimit: null, minTierLevel: 0, ...template },
  });
  const templateId: string = created.createCouponTemplate.id;
  const grant = async (member: { memberId: string }, amount: number) =>
    owner.client.data(ADJUST, { c: communityId, m: member.memberId, a: amount, r: '测试发放' });
  const memberWith = async (name: string, points: number): Promise<LoggedIn & { memberId: string }> => {
    const member = await env.join(name, joinCode);
    if (points) await grant(member, points);
    return member;
  };
  /** `count` new members `<prefix>-0` … with `points` each, joined and granted eight at a time (env.joinCrowd). */
  const crowdWith = async (prefix: string, count: number, points: number) => {
    const crowd = await env.joinCrowd(prefix, joinCode, count);
    for (let i = 0; i < crowd.length; i += 8) await Promise.all(crowd.slice(i, i + 8).map((member) => grant(member, points)));
    return crowd;
  };
  return { owner, communityId, joinCode, templateId, grant, memberWith, crowdWith };
}

let requestCounter = 0;
export const newRequestId = () => `req-${Date.now()}-${(requestCounter += 1)}`;
