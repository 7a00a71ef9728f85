import { loadConfig } from '../../server/src/config';
import { NotificationMessage } from '../../server/src/notification/notification-message.entity';
import { DeliveryState, NotificationKind } from '../../server/src/notification/notification.enums';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/**
 * `/metrics` (Prometheus) on METRICS_PORT: the counters move as requests are made, the labels stay
 * bounded, the pool, outbox and process are there, and the public port serves none of it.
 */

/** The value of one sample (`name{labels}`) in Prometheus's text format; 0 when the series is not there yet. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('metrics', () => {
  let env: TestEnvironment;
  const scrape = async () => {
    const response = await fetch(env.server.metricsUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };

  beforeAll(async () => {
    env = await createTestEnvironment('metrics', {
      env: { METRICS_PORT: '0', RATE_LIMIT_JOIN_CODE_MISSES: '2/600', NOTIFY_SEND_EVERY_MS: '3600000' },
    });
  });
  afterAll(async () => env.close());

  it('counts requests and times them per operation name, errors by code and refusals by errorCode', async () => {
    const { joinCode, communityId } = await env.createCommunity('m-owner');
    const member = await env.join('m-member', joinCode);
    const before = await scrape();

    const CHECK_IN = 'mutation CheckIn($c: ID!) { checkIn(communityId: $c) { __typename ... on ErrorResult { errorCode } } }';
    const first = await member.client.data(CHECK_IN, { c: communityId });
    const second = await member.client.data(CHECK_IN, { c: communityId });
    expect(first.checkIn.__typename).toBe('CheckInSuccess');
    const refusalCode: string = second.checkIn.errorCode;
    expect(await member.client.errorCode('query Broken { noSuchField }')).toBe('GRAPHQL_VALIDATION_FAILED');

    const after = await scrape();
    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('qunyou_graphql_requests_total{operation="CheckIn"}')).toBe(2);
    expect(moved('qunyou_graphql_request_duration_seconds_count{operation="CheckIn"}')).toBe(2);
    expect(moved('qunyou_graphql_request_duration_seconds_bucket{le="+Inf",operation="CheckIn"}')).toBe(2);
    expect(sample(after, 'qunyou_graphql_request_duration_seconds_sum{operation="CheckIn"}')).toBeGreaterThan(0);
    expect(moved(`qunyou_business_refusals_total{errorCode="${refusalCode}"}`)).toBe(1);
    expect(moved('qunyou_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
  });

  it('counts failed WeChat calls by errcode', async () => {
    const series = 'qunyou_wechat_call_errors_total{call="jscode2session",errcode="40029"}';
    const before = sample(await scrape(), series);
    expect(await env.anonymous.errorCode('mutation { login(code: "err:40029") { token } }')).toBe('WECHAT_CODE_INVALID');
    expect(sample(await scrape(), series) - before).toBe(1);
  });

  it('keeps operation labels bounded: anonymous operations and names past the limit share one label', async () => {
    const client = (await env.login('m-namer')).client;
    const before = await scrape();
    await client.data('{ __typename }');
    for (let i = 0; i < 220; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => client.data(`query Made_up_${i + j} { __typename }`)));
    const after = await scrape();
    const operations = new Set([...after.matchAll(/^qunyou_graphql_requests_total\{operation="([^"]+)"\}/gm)].map((m) => m[1]));
    expect(operations.size).toBeLessThanOrEqual(201);
    expect(operations.has('_other')).toBe(true);
    // the anonymous one, and at least the 20 made-up names past the 200 distinct names
    expect(sample(after, 'qunyou_graphql_requests_total{operation="_other"}') - sample(before, 'qunyou_graphql_requests_total{operation="_other"}')).toBeGreaterThanOrEqual(21);
  });

  it('reports the database pool, the outbox backlog and the process', async () => {
    const { joinCode, communityId } = await env.createCommunity('m-outbox');
    const member = await env.join('m-waiting', joinCode);
    const em = env.em();
    em.create(NotificationMessage, {
      community: Number(communityId),
      member: Number(member.memberId),
      user: Number(member.userId),
      kind: NotificationKind.COUPON_EXPIRING,
      dedupeKey: `metrics-test-${member.memberId}`,
      refId: 1,
      title: '测试消息',
      body: '测试',
      page: 'pages/index/index',
      data: {},
      templateId: 'tpl-test',
      state: DeliveryState.QUEUED,
      nextAttemptAt: new Date(Date.now() - 120_000),
    });
    await em.flush();

    const text = await scrape();
    expect(sample(text, 'qunyou_outbox_due')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'qunyou_outbox_oldest_due_age_seconds')).toBeGreaterThanOrEqual(119);
    for (const gauge of ['qunyou_db_pool_in_use', 'qunyou_db_pool_idle', 'qunyou_db_pool_waiting', 'qunyou_db_pool_max']) expect(text).toMatch(new RegExp(`^${gauge} `, 'm'));
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  // last of the tests that join: the join-code misses are counted per client address, the tests' one
  it('counts rate-limit refusals by rule', async () => {
    const guesser = await env.login('m-guesser');
    const JOIN = 'mutation Join($c: String!) { joinCommunity(joinCode: $c) { __typename } }';
    const before = await scrape();
    const codes: Array<string | undefined> = [];
    for (const code of ['NOPE0001', 'NOPE0002', 'NOPE0003']) codes.push(await guesser.client.errorCode(JOIN, { c: code }));
    expect(codes).toEqual([undefined, undefined, 'RATE_LIMITED']);
    const after = await scrape();
    expect(sample(after, 'qunyou_rate_limit_refusals_total{rule="joinCodeMisses"}') - sample(before, 'qunyou_rate_limit_refusals_total{rule="joinCodeMisses"}')).toBe(1);
    expect(sample(after, 'qunyou_graphql_errors_total{code="RATE_LIMITED"}') - sample(before, 'qunyou_graphql_errors_total{code="RATE_LIMITED"}')).toBe(1);
  });

  it('is never served on the public port', async () => {
    const response = await fetch(`${env.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('qunyou_graphql_requests_total');
    expect((await fetch(env.server.metricsUrl!.replace('/metrics', '/graphql'))).status).toBe(404);
  });

  it('is off unless METRICS_PORT is set, and never on PORT', () => {
    const base = { NODE_ENV: 'test', WECHAT_LOGIN: 'dev' };
    expect(loadConfig(base).metricsPort).toBeNull();
    expect(loadConfig({ ...base, METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    expect(() => loadConfig({ ...base, PORT: '4000', METRICS_PORT: '4000' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ ...base, METRICS_PORT: 'metrics' })).toThrow(/METRICS_PORT/);
  });
});
