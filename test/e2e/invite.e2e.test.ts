import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { devLoginToken, graphqlRequest } from './helpers/graphql';

// 邀请制 on the H5 build with the demo data: the owner makes the demo community invite-only, 美美 (`mei`)
// shares her invite, a friend joins through the link and checks in, and 美美 gets the referral points.
// `npm run build`, then `npx jest --config test/jest.config.js --selectProjects e2e --runTestsByPath test/e2e/invite.e2e.test.ts`.
jest.setTimeout(180_000);

describe('invite-only entry (H5)', () => {
  let env: E2eEnvironment;
  let communityId: string;
  let inviteCode: string;

  const pointsOf = async (name: string) =>
    (
      await graphqlRequest<{ membership: { points: number } }>(
        env.server.baseUrl,
        'query ($c: ID!) { membership(communityId: $c) { points } }',
        { c: communityId },
        await devLoginToken(env.server.baseUrl, name),
      )
    ).membership.points;

  beforeAll(async () => {
    env = await createE2eEnvironment();
    const { communityPreview } = await graphqlRequest<{ communityPreview: { id: string } }>(
      env.server.baseUrl,
      'query ($code: String!) { communityPreview(joinCode: $code) { id } }',
      { code: 'demo' },
    );
    communityId = communityPreview.id;
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the owner switches the community to 邀请制 on the admin page', async () => {
    const owner = await env.newPhone();
    await owner.openHome('demo');
    await owner.loginAs('owner');
    await owner.memberCard().waitFor();
    await owner.open(`/admin/pages/community/index?id=${communityId}`);
    await owner.current.locator('.qy-nav-row', { hasText: '邀请与入群方式' }).click();
    await owner.current.locator('.qy-choice', { hasText: '邀请制' }).click();
    expect(await owner.waitForModal('专属邀请')).toContain('群公开邀请码不再生效');
    await owner.confirmModal();
    await owner.waitForToast('入群方式已修改');
    await owner.current.locator('.qy-choice.is-selected', { hasText: '邀请制' }).waitFor();
    await owner.waitForToastGone();
    await owner.screenshot('invite-admin-policy');
  });

  it('美美 opens 邀请好友 and sees her poster with her own code', async () => {
    const mei = await env.newPhone();
    await mei.openHome('demo');
    await mei.loginAs('mei');
    await mei.memberCard().waitFor();
    await mei.current.locator('.qy-entry-tile', { hasText: '邀请好友' }).click();
    inviteCode = await mei.textOf('.qy-my-invite__code');
    expect(inviteCode).toMatch(/^[a-z2-9]{10}$/);
    expect(await mei.textOf('.qy-my-invite__from')).toBe('美美爱拿铁 邀请你加入');
    await mei.current.locator('.qy-my-invite__qr img').first().waitFor();
    expect(await mei.textOf('.qy-my-invite__rule')).toContain('50 积分');
    await mei.screenshot('invite-poster');
  });

  it('the public link no longer admits a stranger', async () => {
    const stranger = await env.newPhone();
    await stranger.openHome('demo');
    expect(await stranger.textOf('.qy-invite__notice')).toBe('本群为邀请制，请向群里的朋友要一个专属邀请链接');
    await stranger.loginAs('路人乙');
    expect(await stranger.textOf('.qy-notice__title')).toContain('仅限邀请加入');
    expect(await stranger.textOf('.qy-empty__title')).toBe('还没有加入社群');
    await stranger.screenshot('invite-public-code-refused');
  });

  it('a friend joins through 美美’s link, checks in, and 美美 gets the referral points once', async () => {
    const before = await pointsOf('mei');
    const friend = await env.newPhone();
    await friend.openHome(inviteCode);
    expect(await friend.textOf('.qy-invite__label')).toBe('美美爱拿铁 邀请你加入');
    await friend.screenshot('invite-friend-landing');
    await friend.loginAs('小方');
    await friend.memberCard().waitFor();
    expect(await friend.textOf('.qy-member-card__nickname')).toBe('小方');
    expect(await pointsOf('mei')).toBe(before); // joining alone pays nothing

    await friend.current.locator('.qy-checkin-panel__button').click();
    await friend.current.locator('.qy-checkin-result__reward').first().waitFor();
    expect(await pointsOf('mei')).toBe(before + 50);

    const ownerToken = await devLoginToken(env.server.baseUrl, 'owner');
    const { referrals } = await graphqlRequest<{ referrals: Array<{ inviter: { nickname: string }; invitee: { nickname: string }; status: string; points: number }> }>(
      env.server.baseUrl,
      'query ($c: ID!) { referrals(communityId: $c) { inviter { nickname } invitee { nickname } status points } }',
      { c: communityId },
      ownerToken,
    );
    expect(referrals).toEqual([{ inviter: { nickname: '美美爱拿铁' }, invitee: { nickname: '小方' }, status: 'REWARDED', points: 50 }]);

    const owner = await env.newPhone();
    await owner.openHome('demo');
    await owner.loginAs('owner');
    await owner.memberCard().waitFor();
    await owner.open(`/admin/pages/invites/index?id=${communityId}`);
    await owner.current.locator('.qy-admin-invites__leader', { hasText: '美美爱拿铁' }).waitFor();
    expect(await owner.textOf('.qy-admin-invites__referral')).toContain('美美爱拿铁 → 小方');
    await owner.current.locator('.qy-admin-invites__leader').first().scrollIntoViewIfNeeded();
    await owner.screenshot('invite-admin-leaderboard');
  });
});
