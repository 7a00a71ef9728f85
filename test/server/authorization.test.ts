import { AuditLog } from '../../server/src/audit/audit-log.entity';
import { Community } from '../../server/src/community/community.entity';
import { CouponTemplate } from '../../server/src/coupon/coupon-template.entity';
import { Coupon } from '../../server/src/coupon/coupon.entity';
import { CouponStatus } from '../../server/src/coupon/coupon.enums';
import { PointsEntry } from '../../server/src/points/points-entry.entity';
import { Tier } from '../../server/src/tier/tier.entity';
import { ADJUST, CREATE_TEMPLATE, newRequestId, REDEEM } from '../helpers/economy';
import { Member } from '../../server/src/member/member.entity';
import { WeChatGroup } from '../../server/src/wechat/wechat-group.entity';
import { ModerationItem } from '../../server/src/content-safety/moderation-item.entity';
import { ADMIN_OPERATIONS } from '../helpers/admin-operations';
import { ActivityFixtures, activitySnapshot, prepareActivityFixtures } from '../helpers/activity-admin-operations';
import { GraphQLClient } from '../helpers/graphql-client';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const SET_ROLE = `mutation ($c: ID!, $m: ID!, $r: MemberRole!) { setMemberRole(communityId: $c, memberId: $m, role: $r) { __typename } }`;

describe('authorization of admin operations', () => {
  let env: TestEnvironment;
  let communityId: string;
  let targetMemberId: string;
  const economy: { templateId?: string; couponId?: string; couponCode?: string } = {};
  const activities: ActivityFixtures = {};
  const callers: Record<string, LoggedIn> = {};

  beforeAll(async () => {
    env = await createTestEnvironment('authz');
    const home = await env.createCommunity('z-owner');
    communityId = home.communityId;
    const target = await env.join('z-target', home.joinCode);
    targetMemberId = target.memberId;
    economy.templateId = (await home.owner.client.data(CREATE_TEMPLATE, {
      c: communityId,
      i: { title: '¥5 券', faceValueFen: 500, minSpendFen: 0, validDays: 30, minTierLevel: 0 },
    })).createCouponTemplate.id;
    await home.owner.client.data(ADJUST, { c: communityId, m: target.memberId, a: 500, r: '准备' });
    const redeemed = (await target.client.data(REDEEM, { t: economy.templateId, r: newRequestId() })).redeemCoupon.coupon;
    economy.couponId = redeemed.id;
    economy.couponCode = redeemed.code;
    Object.assign(activities, await prepareActivityFixtures(env, home));
    callers.member = await env.join('z-member', home.joinCode);
    const staff = await env.join('z-staff', home.joinCode);
    await home.owner.client.data(SET_ROLE, { c: communityId, m: staff.memberId, r: 'STAFF' });
    callers.staff = staff;
    const applicantHome = await env.createCommunity('z-other-owner');
    callers.otherCommunityAdmin = applicantHome.owner;
    callers.stranger = await env.login('z-stranger');
    const banned = await env.join('z-banned', home.joinCode);
    await home.owner.client.data(SET_ROLE, { c: communityId, m: banned.memberId, r: 'ADMIN' });
    await home.owner.client.data(`mutation ($c: ID!, $m: ID!) { banMember(communityId: $c, memberId: $m) { __typename } }`, { c: communityId, m: banned.memberId });
    callers.bannedFormerAdmin = banned;
    const admin = await env.join('z-admin', home.joinCode);
    await home.owner.client.data(SET_ROLE, { c: communityId, m: admin.memberId, r: 'ADMIN' });
    callers.admin = admin;
  });
  afterAll(() => env.close());

  const snapshot = async () => {
    const em = env.em();
    return {
      audit: await em.count(AuditLog, {}),
      groups: await em.count(WeChatGroup, {}),
      target: await em.findOneOrFail(Member, Number(targetMemberId)).then((m) => `${m.role}/${m.status}/${m.points}/${m.nicknameStatus}`),
      moderation: await em.count(ModerationItem, {}),
      community: await em.findOneOrFail(Community, Number(communityId)).then((c) => `${c.adjustPerCallLimit}/${c.adjustDailyLimit}/${c.maxPointsPerAction}/${c.maxRulePointsPerMemberDay}/${c.couponIssuingPausedAt}`),
      ledger: await em.count(PointsEntry, {}),
      coupons: await em.count(Coupon, { status: CouponStatus.UNUSED }),
      templates: await em.count(CouponTemplate, { active: true }),
      tiers: await em.count(Tier, {}),
      activities: await activitySnapshot(em),
    };
  };

  const callerKinds = ['member', 'staff', 'otherCommunityAdmin', 'stranger', 'bannedFormerAdmin'];
  for (const operation of ADMIN_OPERATIONS) {
    for (const kind of operation.ownerOnly ? [...callerKinds, 'admin'] : callerKinds) {
      if (operation.staffAllowed && kind === 'staff') continue;
      it(`${operation.name} is refused to a ${kind}, and nothing changes`, async () => {
        const before = await snapshot();
        const caller = callers[kind];
        const result = await caller.client.request(operation.query, operation.variables({ communityId, memberId: targetMemberId, callerName: caller.name, ...economy, ...activities }));
        expect(result.status).toBeLessThan(500);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(result.data?.[operation.name] ?? null).toBeNull();
        expect(await snapshot()).toEqual(before);
      });
    }
    it(`${operation.name} needs a login`, async () => {
      const result = await new GraphQLClient(env.url).request(operation.query, operation.variables({ communityId, memberId: targetMemberId, callerName: 'nobody', ...economy, ...activities }));
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  }

  it("an admin cannot reach another community's member through their own community id", async () => {
    const admin = callers.otherCommunityAdmin;
    const ownCommunity = (await admin.client.data(`{ myMemberships { community { id } } }`)).myMemberships[0].community.id;
    const result = await admin.client.data(`mutation ($c: ID!, $m: ID!) { banMember(communityId: $c, memberId: $m) { __typename ... on ErrorResult { errorCode } } }`, {
      c: ownCommunity,
      m: targetMemberId,
    });
    expect(result.banMember.errorCode).toBe('MEMBER_NOT_FOUND');
    expect((await snapshot()).target).toBe('MEMBER/ACTIVE/0/VISIBLE');
  });
});
