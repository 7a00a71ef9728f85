import sharp from 'sharp';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/** Issue 25: the invite poster's 小程序码 from WeChat's getwxacodeunlimit — drawn once per scene, refusals told. */

const MY_INVITE_CODE = `query ($c: ID!) { myInvite(communityId: $c) { code miniProgramCode {
  __typename ... on MiniProgramCode { imageDataUrl } ... on MiniProgramCodeUnavailable { errorCode message wechatErrcode } } } }`;

describe('小程序码 (getwxacodeunlimit)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('wxa_code');
  });
  afterAll(() => env.close());

  it("draws the invite's code once (scene c=<code>, the home page, check_path false) and keeps it for every later poster", async () => {
    const { joinCode } = await env.createCommunity('wxa-owner');
    const member = await env.join('wxa-member', joinCode);
    const communityId = (await member.client.data(`{ myMemberships { community { id } } }`)).myMemberships[0].community.id;
    const calls = env.wechat.wxaCodeCalls.length;
    const answers = await Promise.all(Array.from({ length: 5 }, () => member.client.data(MY_INVITE_CODE, { c: communityId })));
    const { code, miniProgramCode } = answers[0].myInvite;
    expect(miniProgramCode.__typename).toBe('MiniProgramCode');
    expect(new Set(answers.map((answer) => answer.myInvite.miniProgramCode.imageDataUrl)).size).toBe(1);
    const png = Buffer.from(miniProgramCode.imageDataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 430 });
    expect(env.wechat.wxaCodeCalls.slice(calls)).toEqual([{ scene: `c=${code}`, page: 'pages/index/index', checkPath: false, accessToken: expect.any(String) }]);

    // Later posters, on any process: from the table, no call.
    expect((await member.client.data(MY_INVITE_CODE, { c: communityId })).myInvite.miniProgramCode.imageDataUrl).toBe(miniProgramCode.imageDataUrl);
    expect(env.wechat.wxaCodeCalls.length).toBe(calls + 1);
  });

  it('says why when WeChat refuses (41030 page not released, 45009 quota), keeps nothing, and draws it once WeChat agrees', async () => {
    const { joinCode } = await env.createCommunity('wxa-owner-2');
    const member = await env.join('wxa-member-2', joinCode);
    const communityId = (await member.client.data(`{ myMemberships { community { id } } }`)).myMemberships[0].community.id;
    env.wechat.answerWxaCodes([41030]);
    const notReleased = (await member.client.data(MY_INVITE_CODE, { c: communityId })).myInvite.miniProgramCode;
    expect(notReleased).toEqual({ __typename: 'MiniProgramCodeUnavailable', errorCode: 'MINI_PROGRAM_CODE_UNAVAILABLE', wechatErrcode: 41030, message: expect.stringContaining('页面不存在') });
    env.wechat.answerWxaCodes([45009]);
    const quota = (await member.client.data(MY_INVITE_CODE, { c: communityId })).myInvite.miniProgramCode;
    expect([quota.wechatErrcode, quota.message]).toEqual([45009, '今天生成小程序码的次数已用完，请明天再试（45009）']);
    expect(Number((await env.em().getConnection().execute('select count(*) as n from wxa_code'))[0].n)).toBe(1);
    expect((await member.client.data(MY_INVITE_CODE, { c: communityId })).myInvite.miniProgramCode.__typename).toBe('MiniProgramCode');
  });
});

describe('小程序码 without WeChat credentials (the demo)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('wxa_code_dev', { env: { WECHAT_LOGIN: 'dev', WECHAT_SECRET: '' } });
  });
  afterAll(() => env.close());

  it('answers that there is no code, without calling WeChat', async () => {
    const ownerToken = (await env.anonymous.data(`mutation { login(code: "dev:wxa-dev-owner") { token } }`)).login.token;
    const { GraphQLClient } = await import('../helpers/graphql-client');
    const owner = new GraphQLClient(env.url, ownerToken);
    const { createCommunity } = await owner.data(`mutation { createCommunity(input: { name: "演示群", category: PERKS, joinPolicy: OPEN }) { id } }`);
    const answer = (await owner.data(MY_INVITE_CODE, { c: createCommunity.id })).myInvite.miniProgramCode;
    expect(answer).toMatchObject({ __typename: 'MiniProgramCodeUnavailable', message: '未配置小程序凭证，暂时无法生成小程序码' });
    expect(env.wechat.wxaCodeCalls).toEqual([]);
  });
});
