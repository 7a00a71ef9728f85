import { PointsEntry } from '../../server/src/points/points-entry.entity';
import { CANCEL_SIGNUP, CREATE_SIGNUP_FORM, createGroupBuy, GROUP_BUY, groupBuyInput, joinGroupBuy, signupAnswers, signupFormInput, SUBMIT_SIGNUP } from '../helpers/activities';
import { ADJUST, couponShop, newRequestId, REDEEM, VOID, WRITE_OFF } from '../helpers/economy';
import { checkEconomyInvariants } from '../helpers/invariants';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

/** Issue 20: each hole the review found, attacked as it was found, and the rule that now holds. */

const SET_ROLE = `mutation ($c: ID!, $m: ID!, $r: MemberRole!) { setMemberRole(communityId: $c, memberId: $m, role: $r) { __typename } }`;
const BAN = `mutation ($c: ID!, $m: ID!) { banMember(communityId: $c, memberId: $m) { __typename ... on MemberUpdated { member { status } } } }`;
const MEMBERSHIP = `query ($c: ID!) { membership(communityId: $c) { id points } }`;
const CAP_REFUSAL = `... on EconomyCapExceeded { errorCode cap limit requested message }`;
const SET_CAPS = `mutation ($c: ID!, $a: Int!, $d: Int!) { setEconomyCaps(communityId: $c, input: { maxPointsPerAction: $a, maxRulePointsPerMemberDay: $d }) { maxPointsPerAction maxRulePointsPerMemberDay } }`;
const UPDATE_RULE = `mutation ($c: ID!, $i: CheckInRuleInput!) { updateCheckInRule(communityId: $c, input: $i) { __typename ... on CheckInRule { basePoints } ${CAP_REFUSAL} } }`;
const SET_TIERS = `mutation ($c: ID!, $t: [TierInput!]!) { setTiers(communityId: $c, tiers: $t) { __typename ... on TiersSaved { tiers { multiplier } } ${CAP_REFUSAL} } }`;
const SET_REFERRAL = `mutation ($c: ID!, $p: Int!, $d: Int!) { setReferralRule(communityId: $c, points: $p, dailyLimit: $d) { __typename ... on ReferralRule { points } ${CAP_REFUSAL} } }`;
const SAVE_QUESTIONNAIRE = `mutation ($c: ID!, $w: Int!) { saveQuestionnaire(communityId: $c, input: { title: "问卷", passScore: 0, autoApprove: true, welcomePoints: $w,
  questions: [{ type: TEXT, title: "你好", required: false }] }) { __typename ... on Questionnaire { welcomePoints } ${CAP_REFUSAL} } }`;
const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename ... on CheckInSuccess { pointsAwarded bonusPoints balance capNote } } }`;
const GRANT = `mutation ($c: ID!, $t: ID!, $m: [ID!]!, $r: String!) { grantCoupon(communityId: $c, templateId: $t, memberIds: $m, requestId: $r) {
  __typename ... on CouponsGranted { grantedCount coupons { id code member { id } } } ... on AdjustLimitExceeded { limit remainingToday } ... on ErrorResult { errorCode message } } }`;
const COUPON_FIELDS = 'id title faceValueFen minSpendFen pointsCost status';

describe('integrity rules that hold everywhere (issue 20)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('integrity');
  });
  afterAll(() => env.close());

  const memberIdOf = async (who: LoggedIn, communityId: string) => (await who.client.data(MEMBERSHIP, { c: communityId })).membership.id as string;
  const promote = async (owner: LoggedIn, communityId: string, name: string, joinCode: string, role = 'ADMIN') => {
    const who = await env.join(name, joinCode);
    await owner.client.data(SET_ROLE, { c: communityId, m: who.memberId, r: role });
    return who;
  };

  describe('a coupon keeps what it was bought as', () => {
    it('an edited template changes nothing of the coupons already issued: my coupons, the counter, void', async () => {
      const shop = await couponShop(env, 'i-coupon', { title: '¥1 小券', faceValueFen: 100, minSpendFen: 0 });
      const buyer = await shop.memberWith('i-coupon-buyer', 300);
      const [first, second] = [
        (await buyer.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.coupon,
        (await buyer.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.coupon,
      ];
      const edit = `mutation ($t: ID!) { updateCouponTemplate(templateId: $t, input: { title: "¥50 大券", faceValueFen: 5000, minSpendFen: 20000, validDays: 30, minTierLevel: 0 }) { __typename } }`;
      expect((await shop.owner.client.data(edit, { t: shop.templateId })).updateCouponTemplate.__typename).toBe('CouponTemplateSaved');

      const bought = { title: '¥1 小券', faceValueFen: 100, minSpendFen: 0, pointsCost: 100, status: 'UNUSED' };
      const mine = (await buyer.client.data(`query ($c: ID!) { myCoupons(communityId: $c) { ${COUPON_FIELDS} template { title faceValueFen } } }`, { c: shop.communityId })).myCoupons;
      expect(mine).toHaveLength(2);
      for (const coupon of mine) expect(coupon).toMatchObject({ ...bought, template: { title: '¥50 大券', faceValueFen: 5000 } });
      const atCounter = (await shop.owner.client.data(`query ($c: ID!, $code: String!) { couponByCode(communityId: $c, code: $code) { ${COUPON_FIELDS} } }`, { c: shop.communityId, code: first.code })).couponByCode;
      expect(atCounter).toMatchObject(bought);
      const writtenOff = (await shop.owner.client.data(`mutation ($c: ID!, $code: String!) { writeOffCoupon(communityId: $c, code: $code) { __typename ... on CouponWrittenOff { coupon { ${COUPON_FIELDS} } } } }`, { c: shop.communityId, code: first.code })).writeOffCoupon;
      expect(writtenOff.coupon).toMatchObject({ ...bought, status: 'USED' });
      // Void refunds what was paid, and says so with the coupon's own title.
      const voided = (await shop.owner.client.data(VOID, { id: second.id })).voidCoupon;
      expect(voided).toMatchObject({ __typename: 'CouponVoidedResult', refundedPoints: 100, balance: 200 });
      const refund = await env.em().findOneOrFail(PointsEntry, { member: Number(buyer.memberId), type: 'COUPON_REFUND' as never });
      expect(refund.note).toBe('「¥1 小券」作废退回');
      // A coupon redeemed now is the new one.
      const fresh = (await buyer.client.data(`mutation ($t: ID!, $r: String!) { redeemCoupon(templateId: $t, requestId: $r) { __typename ... on ErrorResult { errorCode } } }`, { t: shop.templateId, r: newRequestId() })).redeemCoupon;
      expect(fresh).toMatchObject({ __typename: 'InsufficientPoints' });
      expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
    });
  });

  describe('rules cannot mint: the OWNER sets the caps, ADMINs set rules within them', () => {
    it("an ADMIN's rules beyond the caps are refused naming the cap; the OWNER's caps change what is allowed", async () => {
      const { owner, communityId, joinCode } = await env.createCommunity('i-caps');
      const admin = await promote(owner, communityId, 'i-caps-admin', joinCode);
      const ruleOf = (basePoints: number, bonus = 30) => ({ basePoints, cycleDays: 7, bonuses: [{ day: 7, points: bonus }] });

      // The review's attack: one check-in paying 10,000 × 1.5 (the highest tier) + 100,000.
      const minted = (await admin.client.data(UPDATE_RULE, { c: communityId, i: ruleOf(10_000, 100_000) })).updateCheckInRule;
      expect(minted).toMatchObject({ __typename: 'EconomyCapExceeded', errorCode: 'ECONOMY_CAP_EXCEEDED', cap: 'MAX_POINTS_PER_ACTION', limit: 1000, requested: 115_000 });
      expect(minted.message).toContain('1000');
      // Base × the highest multiplier (1.5) + the largest bonus: 600 × 1.5 + 30 = 930 fits, 650 × 1.5 + 30 = 1005 does not.
      expect((await admin.client.data(UPDATE_RULE, { c: communityId, i: ruleOf(600) })).updateCheckInRule).toEqual({ __typename: 'CheckInRule', basePoints: 600 });
      expect((await admin.client.data(UPDATE_RULE, { c: communityId, i: ruleOf(650) })).updateCheckInRule).toMatchObject({ cap: 'MAX_POINTS_PER_ACTION', requested: 1005 });
      // The multipliers scale that rule: 10 would pay 6,030 a check-in.
      const tiers = [{ name: '新人', threshold: 0, multiplier: 1 }, { name: '核心', threshold: 2000, multiplier: 10 }];
      expect((await admin.client.data(SET_TIERS, { c: communityId, t: tiers })).setTiers).toMatchObject({ cap: 'MAX_POINTS_PER_ACTION', requested: 6030 });
      expect((await admin.client.data(SAVE_QUESTIONNAIRE, { c: communityId, w: 100_000 })).saveQuestionnaire).toMatchObject({ cap: 'MAX_POINTS_PER_ACTION', requested: 100_000 });
      expect((await admin.client.data(SET_REFERRAL, { c: communityId, p: 10_000, d: 1000 })).setReferralRule).toMatchObject({ cap: 'MAX_POINTS_PER_ACTION' });
      // 500 per invitee fits one action, but 10 a day is 5,000 for one inviter in a day.
      expect((await admin.client.data(SET_REFERRAL, { c: communityId, p: 500, d: 10 })).setReferralRule).toMatchObject({ cap: 'MAX_RULE_POINTS_PER_MEMBER_DAY', limit: 2000, requested: 5000 });
      expect((await admin.client.data(SET_REFERRAL, { c: communityId, p: 400, d: 5 })).setReferralRule).toEqual({ __typename: 'ReferralRule', points: 400 });

      // Only the OWNER moves the caps (audited); then the same rules pass.
      expect(await admin.client.errorCode(SET_CAPS, { c: communityId, a: 100_000, d: 1_000_000 })).toBe('FORBIDDEN');
      expect((await owner.client.data(SET_CAPS, { c: communityId, a: 7000, d: 10_000 })).setEconomyCaps).toEqual({ maxPointsPerAction: 7000, maxRulePointsPerMemberDay: 10_000 });
      expect((await admin.client.data(SET_TIERS, { c: communityId, t: tiers })).setTiers.__typename).toBe('TiersSaved');
      expect((await admin.client.data(SAVE_QUESTIONNAIRE, { c: communityId, w: 5000 })).saveQuestionnaire).toEqual({ __typename: 'Questionnaire', welcomePoints: 5000 });
      expect((await admin.client.data(`query ($c: ID!) { economyCaps(communityId: $c) { maxPointsPerAction maxRulePointsPerMemberDay } }`, { c: communityId })).economyCaps).toEqual({
        maxPointsPerAction: 7000,
        maxRulePointsPerMemberDay: 10_000,
      });
      const audit = await owner.client.data(`query ($c: ID!) { auditLog(communityId: $c, action: "setEconomyCaps") { edges { node { action outcome } } } }`, { c: communityId });
      expect(audit.auditLog.edges.map((edge: any) => edge.node)).toEqual([{ action: 'setEconomyCaps', outcome: 'OK' }]);
    });

    it('caps lowered under a rule cut what it pays: the check-in says so, the ledger notes it', async () => {
      const { owner, communityId, joinCode } = await env.createCommunity('i-cut');
      await owner.client.data(UPDATE_RULE, { c: communityId, i: { basePoints: 100, cycleDays: 1, bonuses: [{ day: 1, points: 50 }] } });
      await owner.client.data(SET_CAPS, { c: communityId, a: 120, d: 2000 });
      const member = await env.join('i-cut-member', joinCode);
      const paid = (await member.client.data(CHECK_IN, { c: communityId })).checkIn;
      expect(paid).toEqual({ __typename: 'CheckInSuccess', pointsAwarded: 100, bonusPoints: 20, balance: 120, capNote: '单次最多 120 积分' });
      const rows = await env.em().find(PointsEntry, { member: Number(member.memberId) }, { orderBy: { id: 'asc' } });
      expect(rows.map((row) => [row.type, row.amount])).toEqual([['CHECK_IN', 100], ['STREAK_BONUS', 20]]);
      expect(rows[1].note).toBe('连续签到第 1 天奖励（单次最多 120 积分，规则应得 50）');
      expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
    });
  });

  describe('grants mint nothing for the operator', () => {
    it('nobody grants to themselves; a perk counts at face value against the daily adjustment cap', async () => {
      const shop = await couponShop(env, 'i-grant', { title: '¥5 券', faceValueFen: 500 });
      const admin = await promote(shop.owner, shop.communityId, 'i-grant-admin', shop.joinCode);
      const adminMemberId = await memberIdOf(admin, shop.communityId);
      const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => env.join(`i-grant-${n}`, shop.joinCode)));
      const self = (await admin.client.data(GRANT, { c: shop.communityId, t: shop.templateId, m: [a.memberId, adminMemberId], r: newRequestId() })).grantCoupon;
      expect(self).toMatchObject({ __typename: 'AdjustNotAllowed', errorCode: 'ADJUST_NOT_ALLOWED' });

      await shop.owner.client.data(`mutation ($c: ID!) { setPointsAdjustPolicy(communityId: $c, perCallLimit: 1000, dailyLimit: 1200) { dailyLimit } }`, { c: shop.communityId });
      // Two ¥5 perks are 1,000 points of value: within 1,200. A third would make 1,500.
      expect((await admin.client.data(GRANT, { c: shop.communityId, t: shop.templateId, m: [a.memberId, b.memberId], r: newRequestId() })).grantCoupon.grantedCount).toBe(2);
      expect((await admin.client.data(GRANT, { c: shop.communityId, t: shop.templateId, m: [c.memberId], r: newRequestId() })).grantCoupon).toMatchObject({
        __typename: 'AdjustLimitExceeded',
        limit: 1200,
        remainingToday: 200,
      });
      // …and adjustments share the same day's cap.
      expect((await admin.client.data(ADJUST, { c: shop.communityId, m: c.memberId, a: 300, r: '补偿' })).adjustPoints).toMatchObject({ errorCode: 'ADJUST_LIMIT_EXCEEDED' });
      expect((await admin.client.data(ADJUST, { c: shop.communityId, m: c.memberId, a: 200, r: '补偿' })).adjustPoints.__typename).toBe('PointsAdjusted');
      expect((await admin.client.data(`query ($c: ID!) { pointsAdjustPolicy(communityId: $c) { usedToday } }`, { c: shop.communityId })).pointsAdjustPolicy.usedToday).toBe(1200);
    });

    it("a replayed requestId answers only the caller's own grant in its community and template", async () => {
      const home = await couponShop(env, 'i-replay-home', { title: '¥5 券', faceValueFen: 500 });
      const victim = await env.join('i-replay-victim', home.joinCode);
      const requestId = newRequestId();
      const granted = (await home.owner.client.data(GRANT, { c: home.communityId, t: home.templateId, m: [victim.memberId], r: requestId })).grantCoupon;
      expect(granted.grantedCount).toBe(1);
      // The same caller replays: the same coupon, nothing new.
      expect((await home.owner.client.data(GRANT, { c: home.communityId, t: home.templateId, m: [victim.memberId], r: requestId })).grantCoupon.coupons).toEqual(granted.coupons);

      // Another community's admin names the victim's member id and the known requestId in their own community.
      const other = await couponShop(env, 'i-replay-other', { title: '¥5 券', faceValueFen: 500 });
      const crossed = (await other.owner.client.data(GRANT, { c: other.communityId, t: other.templateId, m: [victim.memberId], r: requestId })).grantCoupon;
      expect(crossed).toMatchObject({ __typename: 'MemberNotFound' });
      expect(JSON.stringify(crossed)).not.toContain(granted.coupons[0].code);
      // Another admin of the same community with the same requestId gets a grant of their own, not the first one's coupons.
      const colleague = await promote(home.owner, home.communityId, 'i-replay-admin', home.joinCode);
      const second = await env.join('i-replay-second', home.joinCode);
      const theirs = (await colleague.client.data(GRANT, { c: home.communityId, t: home.templateId, m: [second.memberId], r: requestId })).grantCoupon;
      expect(theirs.grantedCount).toBe(1);
      expect(theirs.coupons[0].code).not.toBe(granted.coupons[0].code);
    });
  });

  describe('who is not ACTIVE does nothing', () => {
    it('a ban gives back group-buy stock and sign-up seats (the waitlist moves up), and the counter refuses their coupons', async () => {
      const shop = await couponShop(env, 'i-ban', { title: '¥5 券', faceValueFen: 500 });
      const rowdy = await shop.memberWith('i-ban-rowdy', 500);
      const waiting = await env.join('i-ban-waiting', shop.joinCode);
      const coupon = (await rowdy.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.coupon;
      const groupBuy = await createGroupBuy(shop.owner.client, shop.communityId, groupBuyInput(new Date(), { stock: 10 }));
      expect((await joinGroupBuy(rowdy.client, groupBuy.id, 3)).__typename).toBe('GroupBuyJoined');
      const form = (await shop.owner.client.data(CREATE_SIGNUP_FORM, { c: shop.communityId, i: signupFormInput({ capacity: 1, waitlist: true }) })).createSignupForm;
      const fieldIds = form.fields.map((field: { id: string }) => field.id);
      expect((await rowdy.client.data(SUBMIT_SIGNUP, { f: form.id, a: signupAnswers(fieldIds, '闹事的') })).submitSignup.submission.status).toBe('CONFIRMED');
      expect((await waiting.client.data(SUBMIT_SIGNUP, { f: form.id, a: signupAnswers(fieldIds, '排队的') })).submitSignup.submission.status).toBe('WAITLISTED');

      expect((await shop.owner.client.data(BAN, { c: shop.communityId, m: rowdy.memberId })).banMember.member.status).toBe('BANNED');

      const after = (await shop.owner.client.data(GROUP_BUY, { id: groupBuy.id })).groupBuy;
      expect(after).toMatchObject({ remaining: 10, soldQuantity: 0, participantCount: 0, entries: [] });
      const seats = (await waiting.client.data(`query ($id: ID!) { signupForm(id: $id) { confirmedCount waitlistCount mySubmission { status } } }`, { id: form.id })).signupForm;
      expect(seats).toEqual({ confirmedCount: 1, waitlistCount: 0, mySubmission: { status: 'CONFIRMED' } });
      // The banned member cannot cancel, and their coupon is refused at the counter (and stays unused).
      expect((await rowdy.client.data(CANCEL_SIGNUP, { f: form.id })).cancelSignup).toMatchObject({ errorCode: 'NOT_ACTIVE_MEMBER' });
      expect((await shop.owner.client.data(WRITE_OFF, { c: shop.communityId, code: coupon.code })).writeOffCoupon).toMatchObject({ errorCode: 'COUPON_HOLDER_BANNED' });
      const held = (await shop.owner.client.data(`query ($c: ID!, $code: String!) { couponByCode(communityId: $c, code: $code) { status } }`, { c: shop.communityId, code: coupon.code })).couponByCode;
      expect(held.status).toBe('UNUSED');
      // A second ban changes nothing and releases nothing twice.
      expect((await shop.owner.client.data(BAN, { c: shop.communityId, m: rowdy.memberId })).banMember.member.status).toBe('BANNED');
      expect((await shop.owner.client.data(GROUP_BUY, { id: groupBuy.id })).groupBuy.remaining).toBe(10);
    });

    it('a removed member cannot cancel a sign-up either', async () => {
      const { owner, communityId, joinCode } = await env.createCommunity('i-removed');
      const gone = await env.join('i-removed-member', joinCode);
      const form = (await owner.client.data(CREATE_SIGNUP_FORM, { c: communityId, i: signupFormInput({ capacity: 3 }) })).createSignupForm;
      await gone.client.data(SUBMIT_SIGNUP, { f: form.id, a: signupAnswers(form.fields.map((field: { id: string }) => field.id), '走了的') });
      await owner.client.data(`mutation ($c: ID!, $m: ID!) { removeMember(communityId: $c, memberId: $m) { __typename } }`, { c: communityId, m: gone.memberId });
      expect((await gone.client.data(CANCEL_SIGNUP, { f: form.id })).cancelSignup).toMatchObject({ errorCode: 'NOT_ACTIVE_MEMBER' });
    });
  });
});
