import { addDays, localDate } from '../../server/src/common/local-date';
import { remindExpiringGroupQrs } from '../../server/src/groupcode/group-qr-reminder';
import { CREATE_GROUP_CODE, GROUP_CODES, messagesAbout, uploadGroupQr, VIEW_GROUP_CODE } from '../helpers/group-codes';
import { GraphQLClient } from '../helpers/graphql-client';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

/**
 * 群活码 under a crowd, on two server processes. The bound: a group's scans never pass its threshold, not
 * even by the views in flight (0 over): each view is a conditional UPDATE `scans < switch_after_scans`.
 */
describeOnMySql('群活码 under a crowd (MariaDB, two server processes)', () => {
  let env: TestEnvironment;
  let second: ServerProcess;
  let owner: LoggedIn;
  let communityId: string;
  const today = () => localDate(new Date(), 'Asia/Shanghai');

  beforeAll(async () => {
    env = await createTestEnvironment('group_code_race');
    // The peer scans for expiring QRs every 50 ms: its job races the test's own runs.
    second = await env.startPeerProcess({ NOTIFY_COUPON_SCAN_EVERY_MS: '50' });
    ({ owner, communityId } = await env.createCommunity('gcr-owner'));
  });
  afterAll(async () => {
    await second.stop();
    await env.close();
  });

  const group = async (name: string, switchAfterScans: number, expiresInDays = 3) => ({
    name,
    qrMediaId: await uploadGroupQr(env, owner.token, communityId),
    qrExpiresOn: addDays(today(), expiresInDays),
    switchAfterScans,
  });

  it('300 simultaneous views split exactly by the thresholds; 100 more fill the last group to exactly its threshold; the admins are told once', async () => {
    const code = (await owner.client.data(CREATE_GROUP_CODE, { c: communityId, i: { name: '人潮活码', groups: [await group('A', 120), await group('B', 120), await group('C', 100)] } })).createGroupCode;
    const visitors = [new GraphQLClient(env.url), new GraphQLClient(second.url)];
    const crowd = async (n: number) => {
      const answers = await Promise.all(Array.from({ length: n }, (_, i) => visitors[i % 2].request(VIEW_GROUP_CODE, { s: code.slug })));
      expect(answers.filter((a) => a.errors || a.status !== 200)).toEqual([]);
      const tally: Record<string, number> = {};
      for (const answer of answers) {
        const shown = answer.data.groupCode.current?.name ?? 'none';
        tally[shown] = (tally[shown] ?? 0) + 1;
      }
      return tally;
    };
    const scans = async () => Object.fromEntries((await owner.client.data(GROUP_CODES, { c: communityId })).groupCodes[0].groups.map((g: any) => [g.name, g.scans]));

    expect(await crowd(300)).toEqual({ A: 120, B: 120, C: 60 });
    expect(await scans()).toEqual({ A: 120, B: 120, C: 60 });
    expect(await crowd(100)).toEqual({ C: 40, none: 60 });
    expect(await scans()).toEqual({ A: 120, B: 120, C: 100 });
    const [{ views }] = await env.em().getConnection().execute('select sum(views) as views from group_code_view_day where group_code_id = ?', [Number(code.id)]);
    expect(Number(views)).toBe(340);
    expect(await messagesAbout(env, 'GROUP_CODE_EXHAUSTED', code.id)).toHaveLength(1);
  });

  it('the day-before reminder is written once per admin across two processes', async () => {
    const code = (await owner.client.data(CREATE_GROUP_CODE, { c: communityId, i: { name: '提醒活码', groups: [await group('明天到期', 10, 1)] } })).createGroupCode;
    const job = () => remindExpiringGroupQrs(env.em(), { now: () => new Date() }, env.server.services.notifications);
    await Promise.all(Array.from({ length: 5 }, job));
    await new Promise((resolve) => setTimeout(resolve, 500)); // the peer ran its scan several times meanwhile
    await job();
    expect(await messagesAbout(env, 'GROUP_QR_EXPIRING', code.groups[0].id)).toHaveLength(1);
  });
});
