import { Member } from '../../server/src/member/member.entity';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

const JOIN = `mutation ($c: String!) { joinCommunity(joinCode: $c) {
  __typename ... on JoinedCommunity { alreadyMember member { id status role points } community { id name memberCount } } ... on ErrorResult { errorCode message } } }`;
const SET_ROLE = `mutation ($c: ID!, $m: ID!, $r: MemberRole!) { setMemberRole(communityId: $c, memberId: $m, role: $r) {
  __typename ... on MemberUpdated { member { id role status } } ... on ErrorResult { errorCode message } } }`;
const REMOVE = `mutation ($c: ID!, $m: ID!) { removeMember(communityId: $c, memberId: $m) { __typename ... on MemberUpdated { member { status } } ... on ErrorResult { errorCode } } }`;
const BAN = `mutation ($c: ID!, $m: ID!) { banMember(communityId: $c, memberId: $m) { __typename ... on MemberUpdated { member { status } } ... on ErrorResult { errorCode } } }`;

describe('communities and membership', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('membership');
  });
  afterAll(() => env.close());

  it('createCommunity makes the caller OWNER and gives a join code and share path', async () => {
    const owner = await env.login('m-founder');
    const data = await owner.client.data(
      `mutation { createCommunity(input: { name: "  周末读书会 ", category: LEARNING, joinPolicy: OPEN, description: "每周日共读" }) {
        id name category joinPolicy joinCode sharePath timezone memberCount } }`,
    );
    const community = data.createCommunity;
    expect(community).toMatchObject({ name: '周末读书会', category: 'LEARNING', joinPolicy: 'OPEN', timezone: 'Asia/Shanghai', memberCount: 1 });
    expect(community.joinCode).toMatch(/^[a-z2-9]{8}$/);
    expect(community.sharePath).toBe(`pages/index/index?c=${community.joinCode}`);
    const mine = await owner.client.data(`{ myMemberships { role status community { id } } membership(communityId: ${community.id}) { role points lifetimePoints streak checkedInToday } }`);
    expect(mine.myMemberships).toEqual([{ role: 'OWNER', status: 'ACTIVE', community: { id: community.id } }]);
    expect(mine.membership).toEqual({ role: 'OWNER', points: 0, lifetimePoints: 0, streak: 0, checkedInToday: false });
  });

  it('OPEN: active at once; the code is case-insensitive; joining twice is harmless', async () => {
    const { joinCode, communityId } = await env.createCommunity('m-open');
    const user = await env.login('m-joiner');
    const first = await user.client.data(JOIN, { c: joinCode.toUpperCase() });
    expect(first.joinCommunity).toMatchObject({ __typename: 'JoinedCommunity', alreadyMember: false, member: { status: 'ACTIVE', role: 'MEMBER', points: 0 } });
    expect(first.joinCommunity.community).toMatchObject({ id: communityId, memberCount: 2 });
    const second = await user.client.data(JOIN, { c: joinCode });
    expect(second.joinCommunity.alreadyMember).toBe(true);
  });

  it('QUESTIONNAIRE: applicant; CLOSED: refused; unknown code: not found', async () => {
    const screened = await env.createCommunity('m-screened', { joinPolicy: 'QUESTIONNAIRE' });
    const closed = await env.createCommunity('m-closed', { joinPolicy: 'CLOSED' });
    const user = await env.login('m-applicant');
    expect((await user.client.data(JOIN, { c: screened.joinCode })).joinCommunity.member.status).toBe('APPLICANT');
    expect((await user.client.data(JOIN, { c: closed.joinCode })).joinCommunity.errorCode).toBe('COMMUNITY_CLOSED');
    expect((await user.client.data(JOIN, { c: 'zzzzzzzz' })).joinCommunity.errorCode).toBe('COMMUNITY_NOT_FOUND');
    expect(await user.client.data(`{ communityPreview(joinCode: "${screened.joinCode}") { name joinPolicy memberCount } }`)).toEqual({
      communityPreview: { name: 'm-screened的社群', joinPolicy: 'QUESTIONNAIRE', memberCount: 1 },
    });
    expect((await user.client.data(`{ community(id: ${closed.communityId}) { id } }`)).community).toBeNull();
  });

  it('20 simultaneous joins of one user make one member row', async () => {
    const { joinCode, communityId } = await env.createCommunity('m-race');
    const user = await env.login('m-racer');
    const results = await Promise.all(Array.from({ length: 20 }, () => user.client.request(JOIN, { c: joinCode })));
    expect(results.every((r) => r.data?.joinCommunity?.__typename === 'JoinedCommunity')).toBe(true);
    expect(results.filter((r) => !r.data.joinCommunity.alreadyMember).length).toBeGreaterThanOrEqual(1);
    expect(await env.em().count(Member, { community: Number(communityId), user: Number(user.userId) })).toBe(1);
  });

  it('roles: owner makes an admin; an admin manages staff and members but not admins or the owner', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('m-roles');
    const admin = await env.join('m-admin', joinCode);
    const other = await env.join('m-other-admin', joinCode);
    const member = await env.join('m-plain', joinCode);
    expect((await owner.client.data(SET_ROLE, { c: communityId, m: admin.memberId, r: 'ADMIN' })).setMemberRole.member.role).toBe('ADMIN');
    expect((await owner.client.data(SET_ROLE, { c: communityId, m: other.memberId, r: 'ADMIN' })).setMemberRole.member.role).toBe('ADMIN');

    expect((await admin.client.data(SET_ROLE, { c: communityId, m: member.memberId, r: 'STAFF' })).setMemberRole.member.role).toBe('STAFF');
    expect((await admin.client.data(SET_ROLE, { c: communityId, m: member.memberId, r: 'ADMIN' })).setMemberRole.errorCode).toBe('ROLE_NOT_ALLOWED');
    expect((await admin.client.data(SET_ROLE, { c: communityId, m: other.memberId, r: 'MEMBER' })).setMemberRole.errorCode).toBe('ROLE_NOT_ALLOWED');
    const ownerRow = (await owner.client.data(`{ membership(communityId: ${communityId}) { id } }`)).membership.id;
    expect((await admin.client.data(BAN, { c: communityId, m: ownerRow })).banMember.errorCode).toBe('ROLE_NOT_ALLOWED');
    expect((await owner.client.data(SET_ROLE, { c: communityId, m: ownerRow, r: 'MEMBER' })).setMemberRole.errorCode).toBe('ROLE_NOT_ALLOWED');
    expect((await owner.client.data(SET_ROLE, { c: communityId, m: admin.memberId, r: 'OWNER' })).setMemberRole.errorCode).toBe('ROLE_NOT_ALLOWED');
  });

  it('removed members may come back as members; banned ones may not; both lose their role', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('m-discipline');
    const leaver = await env.join('m-leaver', joinCode);
    const troll = await env.join('m-troll', joinCode);
    await owner.client.data(SET_ROLE, { c: communityId, m: leaver.memberId, r: 'STAFF' });
    expect((await owner.client.data(REMOVE, { c: communityId, m: leaver.memberId })).removeMember.member.status).toBe('REMOVED');
    expect((await owner.client.data(BAN, { c: communityId, m: troll.memberId })).banMember.member.status).toBe('BANNED');

    const back = await leaver.client.data(JOIN, { c: joinCode });
    expect(back.joinCommunity.member).toMatchObject({ status: 'ACTIVE', role: 'MEMBER' });
    expect((await troll.client.data(JOIN, { c: joinCode })).joinCommunity.errorCode).toBe('MEMBER_BANNED');
    expect((await troll.client.data(`{ community(id: ${communityId}) { id } }`)).community).toBeNull();
  });

  it('members lists newest first, filters by status, and every admin action is audited', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('m-list');
    const a = await env.join('m-list-a', joinCode);
    await env.join('m-list-b', joinCode);
    await owner.client.data(BAN, { c: communityId, m: a.memberId });
    const all = await owner.client.data(`{ members(communityId: ${communityId}) { totalCount edges { node { nickname role status } } } }`);
    expect(all.members.edges.map((edge: { node: { status: string } }) => edge.node.status).sort()).toEqual(['ACTIVE', 'ACTIVE', 'BANNED']);
    expect(all.members.totalCount).toBe(3);
    const banned = await owner.client.data(`{ members(communityId: ${communityId}, status: BANNED) { edges { node { id } } } }`);
    expect(banned.members.edges).toEqual([{ node: { id: a.memberId } }]);
    const audit = await owner.client.data(`{ auditLog(communityId: ${communityId}) { edges { node { action targetType targetId outcome actor { id } detail } } } }`);
    expect(audit.auditLog.edges[0].node).toMatchObject({ action: 'banMember', targetType: 'member', targetId: a.memberId, outcome: 'OK', actor: { id: owner.userId } });
  });
});
