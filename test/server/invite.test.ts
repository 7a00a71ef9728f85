import { ManualClock } from '../../server/src/common/clock';
import { checkEconomyInvariants } from '../helpers/invariants';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const MY_INVITE = `query ($c: ID!) { myInvite(communityId: $c) { code url referralPoints invitedCount rewardedCount } }`;
const JOIN = `mutation ($code: String!) { joinCommunity(joinCode: $code) {
  __typename ... on JoinedCommunity { member { id status } community { id } alreadyMember } ... on ErrorResult { errorCode message } } }`;
const PREVIEW = `query ($code: String!) { communityPreview(joinCode: $code) { id joinPolicy invitedBy { id } inviteValid } }`;
const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename ... on CheckInSuccess { balance } } }`;
const MEMBERSHIP = `query ($c: ID!) { membership(communityId: $c) { id points lifetimePoints } }`;
const REFERRALS = `query ($c: ID!) { referrals(communityId: $c) { inviter { id } invitee { id } status points settledAt } }`;
const LEADERBOARD = `query ($c: ID!) { inviteLeaderboard(communityId: $c) { rank member { id } invited checkedIn rewarded points } }`;
const SET_RULE = `mutation ($c: ID!, $p: Int!, $d: Int!) { setReferralRule(communityId: $c, points: $p, dailyLimit: $d) { ... on ReferralRule { points dailyLimit } } }`;
const LEDGER = `query ($c: ID!) { pointsLedger(communityId: $c, first: 20) { edges { node { amount type note } } } }`;

const DAY = 24 * 3600 * 1000;

describe('邀请制: invite-only entry and referral points', () => {
  let env: TestEnvironment;
  const clock = new ManualClock(new Date('2027-03-01T04:00:00Z'));
  beforeAll(async () => {
    env = await createTestEnvironment('invite', { clock });
  });
  afterAll(() => env.close());

  const inviteOf = async (who: LoggedIn, c: string) => (await who.client.data(MY_INVITE, { c })).myInvite;
  async function joinBy(name: string, code: string) {
    const user = await env.login(name);
    const result = (await user.client.data(JOIN, { code })).joinCommunity;
    return { ...user, result, memberId: result.member?.id as string };
  }
  const memberIdOf = async (who: LoggedIn, c: string) => (await who.client.data(MEMBERSHIP, { c })).membership.id as string;

  it('under INVITE the public code admits nobody; personal invites make a chain, and admins see who invited whom', async () => {
    const { owner, joinCode, communityId } = await env.createCommunity('i-owner', { joinPolicy: 'INVITE' });
    const refused = await joinBy('i-walkin', joinCode);
    expect(refused.result).toMatchObject({ __typename: 'InviteRequired', errorCode: 'INVITE_REQUIRED' });
    expect((await refused.client.data(PREVIEW, { code: joinCode })).communityPreview).toMatchObject({ joinPolicy: 'INVITE', invitedBy: null, inviteValid: null });

    const ownerInvite = await inviteOf(owner, communityId);
    expect(ownerInvite.code).toMatch(/^[a-z2-9]{10}$/);
    expect(ownerInvite.url).toBe(`pages/index/index?c=${ownerInvite.code}`);
    expect(await inviteOf(owner, communityId)).toEqual(ownerInvite); // one per member, stable
    const QR = `query ($c: ID!, $o: String) { myInvite(communityId: $c) { qrCodeDataUrl(h5Origin: $o) } }`;
    expect((await owner.client.data(QR, { c: communityId, o: 'https://qunyou.example.com' })).myInvite.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(await owner.client.errorCode(QR, { c: communityId, o: 'javascript:alert(1)//' })).toBe('BAD_USER_INPUT');
    const ownerMemberId = await memberIdOf(owner, communityId);
    const alice = await joinBy('i-alice', ownerInvite.code.toUpperCase()); // codes are read off posters: case does not matter
    expect(alice.result).toMatchObject({ __typename: 'JoinedCommunity', member: { status: 'ACTIVE' }, community: { id: communityId } });
    const aliceInvite = await inviteOf(alice, communityId);
    expect(aliceInvite.code).not.toBe(ownerInvite.code);
    const bobUser = await env.login('i-bob');
    expect((await bobUser.client.data(PREVIEW, { code: aliceInvite.code })).communityPreview).toMatchObject({ id: communityId, invitedBy: { id: alice.memberId }, inviteValid: true });
    const bob = (await bobUser.client.data(JOIN, { code: aliceInvite.code })).joinCommunity;
    expect(bob.member.status).toBe('ACTIVE');
    const carol = await joinBy('i-carol', (await inviteOf({ ...bobUser }, communityId)).code);
    expect(carol.result.member.status).toBe('ACTIVE');
    // Joining again by another invite changes nothing: the first inviter stays.
    expect((await alice.client.data(JOIN, { code: aliceInvite.code })).joinCommunity).toMatchObject({ alreadyMember: true });
    expect((await carol.client.data(JOIN, { code: ownerInvite.code })).joinCommunity).toMatchObject({ alreadyMember: true });

    const referrals = (await owner.client.data(REFERRALS, { c: communityId })).referrals;
    expect(referrals.map((r: any) => [r.inviter.id, r.invitee.id, r.status, r.points])).toEqual([
      [bob.member.id, carol.memberId, 'PENDING', 0],
      [alice.memberId, bob.member.id, 'PENDING', 0],
      [ownerMemberId, alice.memberId, 'PENDING', 0],
    ]);
    expect(await alice.client.errorCode(REFERRALS, { c: communityId })).toBe('FORBIDDEN');
    // The dashboard counts today's joins by invite.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(clock.now());
    const STATS = `query ($c: ID!, $d: String!) { communityStats(communityId: $c, from: $d, to: $d) { newMembers joinsByInvite } }`;
    // the owner, and the three who came by invite
    expect((await owner.client.data(STATS, { c: communityId, d: today })).communityStats).toEqual({ newMembers: 4, joinsByInvite: 3 });
    // An invite of another community's member does not open this one, and an unknown code is a miss.
    const other = await env.createCommunity('i-other-owner');
    const otherInvite = await inviteOf(other.owner, other.communityId);
    expect((await joinBy('i-elsewhere', otherInvite.code)).result.community.id).toBe(other.communityId);
    expect((await joinBy('i-guess', 'zzzzzzzzzz')).result.errorCode).toBe('COMMUNITY_NOT_FOUND');
  });

  it('pays the inviter at the first check-in, not at join, once; the leaderboard counts it', async () => {
    const { owner, communityId } = await env.createCommunity('i-pay-owner', { joinPolicy: 'INVITE' });
    const ownerInvite = await inviteOf(owner, communityId);
    const inviter = await joinBy('i-pay-inviter', ownerInvite.code);
    const invite = await inviteOf(inviter, communityId);
    expect(invite.referralPoints).toBe(50);
    const friend = await joinBy('i-pay-friend', invite.code);
    expect((await inviter.client.data(MEMBERSHIP, { c: communityId })).membership.points).toBe(0); // joining alone pays nothing

    await inviter.client.data(CHECK_IN, { c: communityId }); // the inviter's own first check-in pays the owner
    expect((await friend.client.data(CHECK_IN, { c: communityId })).checkIn.__typename).toBe('CheckInSuccess');
    expect((await friend.client.data(CHECK_IN, { c: communityId })).checkIn.__typename).toBe('AlreadyCheckedIn');
    clock.advance(DAY);
    await friend.client.data(CHECK_IN, { c: communityId });
    expect((await inviter.client.data(MEMBERSHIP, { c: communityId })).membership).toMatchObject({ points: 10 + 50, lifetimePoints: 60 });
    const ledger = (await inviter.client.data(LEDGER, { c: communityId })).pointsLedger.edges.map((e: any) => e.node);
    expect(ledger.filter((row: any) => row.type === 'REFERRAL')).toEqual([{ amount: 50, type: 'REFERRAL', note: '邀请的好友首次签到' }]);
    expect((await inviteOf(inviter, communityId))).toMatchObject({ invitedCount: 1, rewardedCount: 1 });

    const board = (await owner.client.data(LEADERBOARD, { c: communityId })).inviteLeaderboard;
    expect(board.map((row: any) => [row.rank, row.member.id, row.invited, row.checkedIn, row.rewarded, row.points])).toEqual([
      [1, await memberIdOf(owner, communityId), 1, 1, 1, 50],
      [2, inviter.memberId, 1, 1, 1, 50],
    ]);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });

  it('caps the rewarded invitees per inviter per local day (admin-set); the capped ones never pay', async () => {
    clock.set(new Date('2027-04-01T04:00:00Z'));
    const { owner, communityId } = await env.createCommunity('i-cap-owner', { joinPolicy: 'OPEN' });
    expect((await owner.client.data(SET_RULE, { c: communityId, p: 20, d: 2 })).setReferralRule).toEqual({ points: 20, dailyLimit: 2 });
    expect(await owner.client.errorCode(SET_RULE, { c: communityId, p: -1, d: 2 })).toBe('BAD_USER_INPUT');
    const ownerInvite = await inviteOf(owner, communityId);
    const friends = [];
    for (let i = 0; i < 4; i += 1) friends.push(await joinBy(`i-cap-${i}`, ownerInvite.code));
    expect(friends.every((f) => f.result.member.status === 'ACTIVE')).toBe(true); // OPEN: an invite admits at once too
    for (const friend of friends.slice(0, 3)) await friend.client.data(CHECK_IN, { c: communityId });
    clock.advance(DAY);
    await friends[3].client.data(CHECK_IN, { c: communityId });
    await friends[2].client.data(CHECK_IN, { c: communityId }); // capped yesterday: its later check-ins pay nothing either
    const statuses = (await owner.client.data(REFERRALS, { c: communityId })).referrals.map((r: any) => [r.invitee.id, r.status, r.points]);
    expect(statuses).toEqual([
      [friends[3].memberId, 'REWARDED', 20],
      [friends[2].memberId, 'CAPPED', 0],
      [friends[1].memberId, 'REWARDED', 20],
      [friends[0].memberId, 'REWARDED', 20],
    ]);
    expect((await owner.client.data(MEMBERSHIP, { c: communityId })).membership.points).toBe(60);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });

  it('QUESTIONNAIRE still applies to the invited; a removed inviter’s invite no longer admits; a returning member is never referred twice', async () => {
    const screened = await env.createCommunity('i-q-owner', { joinPolicy: 'QUESTIONNAIRE' });
    const invited = await joinBy('i-q-applicant', (await inviteOf(screened.owner, screened.communityId)).code);
    expect(invited.result.member.status).toBe('APPLICANT');
    expect(await invited.client.errorCode(MY_INVITE, { c: screened.communityId })).toBe('FORBIDDEN'); // applicants have no invite
    expect((await screened.owner.client.data(REFERRALS, { c: screened.communityId })).referrals).toHaveLength(1);

    const { owner, communityId } = await env.createCommunity('i-gone-owner', { joinPolicy: 'INVITE' });
    const leaver = await joinBy('i-gone-leaver', (await inviteOf(owner, communityId)).code);
    const leaverCode = (await inviteOf(leaver, communityId)).code;
    await owner.client.data(`mutation ($c: ID!, $m: ID!) { removeMember(communityId: $c, memberId: $m) { __typename } }`, { c: communityId, m: leaver.memberId });
    const late = await env.login('i-gone-late');
    expect((await late.client.data(PREVIEW, { code: leaverCode })).communityPreview).toMatchObject({ inviteValid: false, invitedBy: null });
    expect((await late.client.data(JOIN, { code: leaverCode })).joinCommunity).toMatchObject({ __typename: 'InviteInvalid', errorCode: 'INVITE_INVALID' });

    // The leaver comes back through someone else's invite: still the first referral only.
    const friend = await joinBy('i-gone-friend', (await inviteOf(owner, communityId)).code);
    expect((await leaver.client.data(JOIN, { code: (await inviteOf(friend, communityId)).code })).joinCommunity.member.status).toBe('ACTIVE');
    const rows = (await owner.client.data(REFERRALS, { c: communityId })).referrals.filter((r: any) => r.invitee.id === leaver.memberId);
    expect(rows).toHaveLength(1);
    // Switching the policy is an admin's (audited) act.
    expect((await owner.client.data(`mutation ($c: ID!) { setJoinPolicy(communityId: $c, joinPolicy: OPEN) { joinPolicy } }`, { c: communityId })).setJoinPolicy.joinPolicy).toBe('OPEN');
    const audit = await env.em().getConnection().execute(`select action from audit_log where community_id = ? and action = 'setJoinPolicy'`, [Number(communityId)]);
    expect(audit).toHaveLength(1);
  });
});
