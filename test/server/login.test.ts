import { loadConfig, ConfigError } from '../../server/src/config';
import { FakeWeChatServer } from '../helpers/fake-wechat';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';
import { User } from '../../server/src/user/user.entity';

const LOGIN = `mutation ($code: String!) { login(code: $code) { token user { id nickname avatarUrl } } }`;

describe('login through code2Session', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    // A short timeout, so the slow-WeChat test below waits for it; the other files keep the
    // production default, which a loaded machine's burst of logins to the fake WeChat stays under.
    env = await createTestEnvironment('login', { env: { WECHAT_TIMEOUT_MS: '1500' } });
  });
  afterAll(() => env.close());

  it('creates the user once by openid and returns a working session token', async () => {
    const first = await env.anonymous.request(LOGIN, { code: 'ok:alice#1' });
    const second = await env.anonymous.request(LOGIN, { code: 'ok:alice#2' });
    expect(first.errors).toBeUndefined();
    expect(first.data.login.user.id).toBe(second.data.login.user.id);
    expect(await env.em().count(User, { openid: 'o-alice' })).toBe(1);

    const me = await env.anonymous.request(`{ me { id } }`, {});
    expect(me.data.me).toBeNull();
    const { GraphQLClient } = await import('../helpers/graphql-client');
    const client = new GraphQLClient(env.url, first.data.login.token);
    expect((await client.data(`{ me { id } }`)).me.id).toBe(first.data.login.user.id);
  });

  it('keeps session_key on the server: stored, never in a response', async () => {
    const result = await env.anonymous.request(LOGIN, { code: 'ok:bob#1' });
    expect(result.raw).not.toContain(FakeWeChatServer.sessionKeyFor('bob'));
    expect(result.raw).not.toMatch(/session_?key/i);
    const row = await env.em().findOneOrFail(User, { openid: 'o-bob' }, { fields: ['sessionKey'] });
    expect(row.sessionKey).toBe(FakeWeChatServer.sessionKeyFor('bob'));
  });

  it('sends appid, secret, code and grant_type to jscode2session', async () => {
    await env.anonymous.request(LOGIN, { code: 'ok:carol#1' });
    const call = env.wechat.requests.find((url) => url.searchParams.get('js_code') === 'ok:carol#1')!;
    expect(call.pathname).toBe('/sns/jscode2session');
    expect(call.searchParams.get('grant_type')).toBe('authorization_code');
  });

  it.each([
    ['err:40029', 'WECHAT_CODE_INVALID'],
    ['err:40163', 'WECHAT_CODE_USED'],
    ['err:45011', 'WECHAT_RATE_LIMITED'],
    ['err:40226', 'WECHAT_RISKY_USER'],
    ['err:-1', 'WECHAT_BUSY'],
    ['err:40013', 'WECHAT_LOGIN_FAILED'],
    ['http500', 'WECHAT_UNAVAILABLE'],
    ['garbage', 'WECHAT_UNAVAILABLE'],
  ])('maps WeChat answer %s to %s with a Chinese message', async (code, expected) => {
    const before = await env.em().count(User, {});
    const result = await env.anonymous.request(LOGIN, { code });
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.extensions?.code).toBe(expected);
    expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.raw).not.toContain('fake-wechat-secret');
    expect(await env.em().count(User, {})).toBe(before);
  });

  it('refuses a code that was already used', async () => {
    expect((await env.anonymous.request(LOGIN, { code: 'ok:dave#1' })).errors).toBeUndefined();
    const reused = await env.anonymous.request(LOGIN, { code: 'ok:dave#1' });
    expect(reused.errors?.[0]?.extensions?.code).toBe('WECHAT_CODE_USED');
  });

  it('gives up on a WeChat that does not answer in time', async () => {
    const started = Date.now();
    const result = await env.anonymous.request(LOGIN, { code: 'slow:4000' });
    expect(result.errors?.[0]?.extensions?.code).toBe('WECHAT_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(3500);
  });

  it('does not take dev codes when WECHAT_LOGIN=wechat', async () => {
    const result = await env.anonymous.request(LOGIN, { code: 'dev:mallory' });
    expect(result.errors?.[0]?.extensions?.code).toBe('WECHAT_CODE_INVALID');
    expect(await env.em().count(User, { openid: 'dev-mallory' })).toBe(0);
  });

  it.each([[''], ['x'.repeat(129)]])('refuses a malformed code %#', async (code) => {
    const result = await env.anonymous.request(LOGIN, { code });
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('dev login', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('devlogin', { env: { WECHAT_LOGIN: 'dev' } });
  });
  afterAll(() => env.close());

  it('logs dev:<name> in as openid dev-<name> without calling WeChat', async () => {
    const before = env.wechat.requests.length;
    const data = await env.anonymous.data(LOGIN, { code: 'dev:小明' });
    expect(data.login.user.nickname).toBe('小明');
    expect(await env.em().count(User, { openid: 'dev-小明' })).toBe(1);
    expect(env.wechat.requests.length).toBe(before);
  });

  it('is impossible under NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', WECHAT_LOGIN: 'dev', SESSION_SECRET: 'p'.repeat(40) })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) }, { demo: true })).toThrow(ConfigError);
  });

  it('production needs a session secret and WeChat credentials', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) })).toThrow(/WECHAT_APPID/);
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40), WECHAT_APPID: 'wx1', WECHAT_SECRET: 's', PORT: '8080' });
    expect(config.wechat.loginMode).toBe('wechat');
    expect(config.port).toBe(8080);
  });
});
