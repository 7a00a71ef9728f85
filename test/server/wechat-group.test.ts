import { decryptWeChatData, GROUP_DATA_MAX_AGE_SECONDS, openGidOf, WeChatDataError } from '../../server/src/wechat/wechat-data.crypto';
import { WeChatGroup } from '../../server/src/wechat/wechat-group.entity';
import { Member } from '../../server/src/member/member.entity';
import { FAKE_APPID, FakeWeChatServer } from '../helpers/fake-wechat';
import { encryptGroupData, groupPayload } from '../helpers/group-data';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/** The sample published with WeChat's open-data decryption demo (WXBizDataCrypt). */
const WECHAT_SAMPLE = {
  appId: 'wx4f4bc4dec97d474b',
  sessionKey: 'tiihtNczf5v6AKRyjwEUhQ==',
  encryptedData:
    'CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==',
  iv: 'r7BXXKkLb8qrSNn05n0qiA==',
};
/** When the sample was sealed (its watermark.timestamp). */
const SAMPLE_TIME = new Date(1477314187 * 1000);

describe('decrypting WeChat open data', () => {
  it("decrypts WeChat's own published sample", () => {
    const payload = decryptWeChatData(WECHAT_SAMPLE.encryptedData, WECHAT_SAMPLE.iv, WECHAT_SAMPLE.sessionKey, WECHAT_SAMPLE.appId, SAMPLE_TIME);
    expect(payload.openId).toBe('oGZUI0egBJY1zhBYw2KhdUfwVJJE');
    expect(payload.nickName).toBe('Band');
    expect(payload.watermark).toEqual({ timestamp: 1477314187, appid: 'wx4f4bc4dec97d474b' });
    expect(openGidOf(payload)).toBeNull(); // user info, not a group
  });

  it('refuses the sample for another appid', () => {
    expect(() => decryptWeChatData(WECHAT_SAMPLE.encryptedData, WECHAT_SAMPLE.iv, WECHAT_SAMPLE.sessionKey, FAKE_APPID, SAMPLE_TIME)).toThrow(
      expect.objectContaining({ reason: 'FOREIGN_APP' }),
    );
  });

  it('reads opengid (getGroupEnterInfo) and openGId (getShareInfo)', () => {
    const key = FakeWeChatServer.sessionKeyFor('x');
    const modern = encryptGroupData(groupPayload('tGabc123', FAKE_APPID), key);
    const legacy = encryptGroupData({ openGId: 'tGlegacy', watermark: { appid: FAKE_APPID, timestamp: Math.floor(Date.now() / 1000) } }, key);
    expect(openGidOf(decryptWeChatData(modern.encryptedData, modern.iv, key, FAKE_APPID, new Date()))).toBe('tGabc123');
    expect(openGidOf(decryptWeChatData(legacy.encryptedData, legacy.iv, key, FAKE_APPID, new Date()))).toBe('tGlegacy');
  });

  it('refuses stale group data (a replay) and data sealed in the future', () => {
    const key = FakeWeChatServer.sessionKeyFor('x');
    const sealedAt = 1_800_000_000;
    const data = encryptGroupData({ opengid: 'tGold', watermark: { appid: FAKE_APPID, timestamp: sealedAt } }, key);
    const at = (seconds: number) => () => decryptWeChatData(data.encryptedData, data.iv, key, FAKE_APPID, new Date(seconds * 1000));
    expect(openGidOf(at(sealedAt + GROUP_DATA_MAX_AGE_SECONDS)())).toBe('tGold');
    expect(at(sealedAt + GROUP_DATA_MAX_AGE_SECONDS + 1)).toThrow(expect.objectContaining({ reason: 'STALE' }));
    expect(at(sealedAt - 3600)).toThrow(expect.objectContaining({ reason: 'STALE' }));
  });

  const key = FakeWeChatServer.sessionKeyFor('y');
  const good = encryptGroupData(groupPayload('tGgood', FAKE_APPID), key);
  const flipped = Buffer.from(good.encryptedData, 'base64');
  flipped[flipped.length - 1] ^= 0x55;
  it.each([
    ['tampered last block', flipped.toString('base64'), good.iv, 'UNDECRYPTABLE'],
    ['truncated', good.encryptedData.slice(0, 24), good.iv, 'MALFORMED'],
    ['not base64', '%%%not-base64%%%', good.iv, 'MALFORMED'],
    ['iv of the wrong size', good.encryptedData, 'AAAA', 'MALFORMED'],
    ['a different iv', good.encryptedData, Buffer.alloc(16, 7).toString('base64'), 'UNDECRYPTABLE'],
    ['empty', '', good.iv, 'MALFORMED'],
  ])('refuses %s data', (_label, data, iv, reason) => {
    let error: unknown;
    try {
      decryptWeChatData(data, iv, key, FAKE_APPID, new Date());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WeChatDataError);
    expect((error as WeChatDataError).reason).toBe(reason);
  });
});

const ENTER = `mutation ($d: String!, $iv: String!) { enterFromGroup(encryptedData: $d, iv: $iv) {
  __typename ... on JoinedCommunity { alreadyMember member { status role } community { id name } } ... on ErrorResult { errorCode message } } }`;
const BIND = `mutation ($c: ID!, $d: String!, $iv: String!) { bindWeChatGroup(communityId: $c, encryptedData: $d, iv: $iv) {
  __typename ... on WeChatGroupBound { alreadyBound community { id boundGroupCount } } ... on ErrorResult { errorCode message } } }`;

const BIND_COUNTING = `mutation ($c: ID!, $d: String!, $iv: String!) { bindWeChatGroup(communityId: $c, encryptedData: $d, iv: $iv) {
  __typename ... on WeChatGroupBound { alreadyBound otherCommunities } ... on ErrorResult { errorCode message } } }`;
const ENTER_CHOOSING = `mutation ($d: String!, $iv: String!, $c: ID) { enterFromGroup(encryptedData: $d, iv: $iv, communityId: $c) {
  __typename ... on JoinedCommunity { community { id } } ... on ChooseGroupCommunity { choices { communityId name ownerNickname membersFromThisChat memberCount } }
  ... on ErrorResult { errorCode message } } }`;
const GROUPS = `query ($c: ID!) { boundWeChatGroups(communityId: $c) { id boundAt boundByNickname membersFromThisChat otherCommunities } }`;
const UNBIND = `mutation ($c: ID!, $g: ID!) { unbindWeChatGroup(communityId: $c, groupId: $g) { __typename ... on ErrorResult { errorCode } } }`;

describe('group cards: bindWeChatGroup and enterFromGroup', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('groups');
  });
  afterAll(() => env.close());

  it('an admin binds the chat; a member opening a card from it lands in the community', async () => {
    const { owner, communityId } = await env.createCommunity('g-owner');
    const bindData = encryptGroupData(groupPayload('tGchat-one', FAKE_APPID), FakeWeChatServer.sessionKeyFor('g-owner'));
    const bound = await owner.client.data(BIND, { c: communityId, d: bindData.encryptedData, iv: bindData.iv });
    expect(bound.bindWeChatGroup).toEqual({ __typename: 'WeChatGroupBound', alreadyBound: false, community: { id: communityId, boundGroupCount: 1 } });
    const again = await owner.client.data(BIND, { c: communityId, d: bindData.encryptedData, iv: bindData.iv });
    expect(again.bindWeChatGroup.alreadyBound).toBe(true);

    const member = await env.login('g-member');
    const card = encryptGroupData(groupPayload('tGchat-one', FAKE_APPID), FakeWeChatServer.sessionKeyFor('g-member'));
    const entered = await member.client.data(ENTER, { d: card.encryptedData, iv: card.iv });
    expect(entered.enterFromGroup).toMatchObject({ __typename: 'JoinedCommunity', alreadyMember: false, member: { status: 'ACTIVE', role: 'MEMBER' } });
    expect(entered.enterFromGroup.community.id).toBe(communityId);
  });

  it('a squatter who binds a chat first locks nobody out: members choose, seeing names, owners and members from the chat', async () => {
    const squatter = await env.createCommunity('g-squatter', { name: '抢先绑定的群' });
    const real = await env.createCommunity('g-real', { name: '山茶咖啡会员群' });
    const bindAs = (name: string, c: string, client = name === 'g-squatter' ? squatter.owner.client : real.owner.client) => {
      const data = encryptGroupData(groupPayload('tGcontested', FAKE_APPID), FakeWeChatServer.sessionKeyFor(name));
      return client.data(BIND_COUNTING, { c, d: data.encryptedData, iv: data.iv });
    };
    expect((await bindAs('g-squatter', squatter.communityId)).bindWeChatGroup).toMatchObject({ __typename: 'WeChatGroupBound', otherCommunities: 0 });
    expect((await bindAs('g-real', real.communityId)).bindWeChatGroup).toMatchObject({ __typename: 'WeChatGroupBound', alreadyBound: false, otherCommunities: 1 });

    // a member of the real community already: lands there without a choice
    const regular = await env.join('g-regular', real.joinCode);
    const regularCard = encryptGroupData(groupPayload('tGcontested', FAKE_APPID), FakeWeChatServer.sessionKeyFor('g-regular'));
    const landed = await regular.client.data(ENTER, { d: regularCard.encryptedData, iv: regularCard.iv });
    expect(landed.enterFromGroup).toMatchObject({ __typename: 'JoinedCommunity', alreadyMember: true, community: { id: real.communityId } });

    // a newcomer chooses: the real community shows the chat's member who entered it
    const newcomer = await env.login('g-newcomer');
    const card = encryptGroupData(groupPayload('tGcontested', FAKE_APPID), FakeWeChatServer.sessionKeyFor('g-newcomer'));
    const choice = await newcomer.client.data(ENTER_CHOOSING, { d: card.encryptedData, iv: card.iv });
    expect(choice.enterFromGroup.__typename).toBe('ChooseGroupCommunity');
    expect(choice.enterFromGroup.choices).toEqual([
      expect.objectContaining({ communityId: real.communityId, name: '山茶咖啡会员群', ownerNickname: null, membersFromThisChat: 1, memberCount: 2 }),
      expect.objectContaining({ communityId: squatter.communityId, name: '抢先绑定的群', membersFromThisChat: 0, memberCount: 1 }),
    ]);
    const chosen = await newcomer.client.data(ENTER_CHOOSING, { d: card.encryptedData, iv: card.iv, c: real.communityId });
    expect(chosen.enterFromGroup).toMatchObject({ __typename: 'JoinedCommunity', community: { id: real.communityId } });
    // a community the chat is not bound to cannot be chosen
    const other = await env.createCommunity('g-other');
    expect((await newcomer.client.data(ENTER_CHOOSING, { d: card.encryptedData, iv: card.iv, c: other.communityId })).enterFromGroup.errorCode).toBe('GROUP_NOT_BOUND');

    // each admin sees and unbinds only their own binding
    const realGroups = (await real.owner.client.data(GROUPS, { c: real.communityId })).boundWeChatGroups;
    const squatterGroups = (await squatter.owner.client.data(GROUPS, { c: squatter.communityId })).boundWeChatGroups;
    expect(realGroups).toEqual([expect.objectContaining({ membersFromThisChat: 2, otherCommunities: 1 })]);
    expect((await real.owner.client.data(UNBIND, { c: real.communityId, g: squatterGroups[0].id })).unbindWeChatGroup.errorCode).toBe('GROUP_NOT_BOUND');
    expect((await squatter.owner.client.data(UNBIND, { c: squatter.communityId, g: squatterGroups[0].id })).unbindWeChatGroup.__typename).toBe('WeChatGroupUnbound');
    expect(await env.em().count(WeChatGroup, { openGid: 'tGcontested' })).toBe(1);
    const late = await env.login('g-late');
    const lateCard = encryptGroupData(groupPayload('tGcontested', FAKE_APPID), FakeWeChatServer.sessionKeyFor('g-late'));
    expect((await late.client.data(ENTER, { d: lateCard.encryptedData, iv: lateCard.iv })).enterFromGroup.community.id).toBe(real.communityId);
  });

  it('a card from an unbound chat says so', async () => {
    const visitor = await env.login('g-visitor');
    const card = encryptGroupData(groupPayload('tGnowhere', FAKE_APPID), FakeWeChatServer.sessionKeyFor('g-visitor'));
    const result = await visitor.client.data(ENTER, { d: card.encryptedData, iv: card.iv });
    expect(result.enterFromGroup.errorCode).toBe('GROUP_NOT_BOUND');
  });

  it('refuses tampered, foreign, group-less, other-user and malformed data with a typed answer, writing nothing', async () => {
    const { owner, communityId } = await env.createCommunity('g-guard');
    const user = await env.login('g-attacker');
    const own = FakeWeChatServer.sessionKeyFor('g-attacker');
    const good = encryptGroupData(groupPayload('tGguarded', FAKE_APPID), own);
    const tampered = Buffer.from(good.encryptedData, 'base64');
    tampered[5] ^= 0xff;
    const cases = [
      { d: tampered.toString('base64'), iv: good.iv },
      { d: good.encryptedData, iv: Buffer.alloc(16, 1).toString('base64') },
      { d: good.encryptedData.slice(0, 40), iv: good.iv },
      { d: 'not base64 at all!', iv: good.iv },
      { d: good.encryptedData, iv: 'short' },
      encryptGroupData(groupPayload('tGguarded', 'wx-someone-else'), own),
      encryptGroupData({ watermark: { appid: FAKE_APPID, timestamp: Math.floor(Date.now() / 1000) } }, own),
      encryptGroupData({ opengid: 'tGguarded', watermark: { appid: FAKE_APPID, timestamp: Math.floor(Date.now() / 1000) - 3600 } }, own), // replayed
      encryptGroupData(groupPayload('tGguarded', FAKE_APPID), FakeWeChatServer.sessionKeyFor('g-bystander')), // another user's key, not the caller's
    ].map((c) => ('encryptedData' in c ? { d: c.encryptedData, iv: c.iv } : c));

    const groupsBefore = await env.em().count(WeChatGroup, {});
    const membersBefore = await env.em().count(Member, {});
    for (const variables of cases) {
      const entered = await user.client.request(ENTER, variables);
      expect(entered.status).toBeLessThan(500);
      expect(entered.data.enterFromGroup.errorCode).toBe('INVALID_GROUP_DATA');
      expect(entered.data.enterFromGroup.message).toMatch(/[\u4e00-\u9fff]/);
      const bound = await owner.client.request(BIND, { c: communityId, ...variables });
      expect(bound.data.bindWeChatGroup.errorCode).toBe('INVALID_GROUP_DATA');
    }
    expect(await env.em().count(WeChatGroup, {})).toBe(groupsBefore);
    expect(await env.em().count(Member, {})).toBe(membersBefore);
  });

  it('refuses oversize group data as bad input', async () => {
    const user = await env.login('g-big');
    const result = await user.client.request(ENTER, { d: 'A'.repeat(10000), iv: 'A'.repeat(24) });
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
