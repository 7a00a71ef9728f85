import { joinGroupBuy, createGroupBuy, groupBuyInput } from '../helpers/activities';
import { queueOf, REPORT } from '../helpers/content-safety';
import { GraphQLClient } from '../helpers/graphql-client';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('reports under a crowd (MariaDB, two server processes)', () => {
  let env: TestEnvironment;
  let second: ServerProcess;
  beforeAll(async () => {
    env = await createTestEnvironment('content_safety_race');
    second = await env.startPeerProcess();
  });
  afterAll(async () => {
    await second.stop();
    await env.close();
  });

  it('24 members reporting one note at once, each twice, split across two processes: one queue item, exactly 24 reports', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('race-owner');
    const author = await env.join('race-author', joinCode);
    const groupBuyId = (await createGroupBuy(owner.client, communityId, groupBuyInput(new Date()))).id;
    const entryId = (await joinGroupBuy(author.client, groupBuyId, 1, '加我微信拿低价')).entry.id;
    const crowd = await env.joinCrowd('race-reporter', joinCode, 24);

    const reports = crowd.flatMap((member, i) =>
      [0, 1].map((attempt) => {
        const client = (i + attempt) % 2 ? new GraphQLClient(second.url, member.token) : member.client;
        return client.request(REPORT, { t: 'GROUP_BUY_NOTE', id: entryId, r: i % 3 ? 'SPAM' : 'FRAUD' });
      }),
    );
    const results = await Promise.all(reports);
    expect(results.filter((result) => result.errors)).toEqual([]);
    const outcomes = results.map((result) => result.data.reportContent.__typename);
    expect(outcomes.filter((name) => name === 'ContentReported')).toHaveLength(24);
    expect(outcomes.filter((name) => name === 'AlreadyReported')).toHaveLength(24);

    const connection = env.em().getConnection();
    expect(await connection.execute('select count(*) as n, max(open_reports) as reports from moderation_item where target_id = ?', [Number(entryId)])).toEqual([{ n: 1, reports: 24 }]);
    expect(await connection.execute('select count(*) as n from content_report where open_key = 1')).toEqual([{ n: 24 }]);
    const [item] = await queueOf(owner.client, communityId);
    expect(item).toMatchObject({ targetId: entryId, reportCount: 24, reasons: [{ reason: 'SPAM', count: 16 }, { reason: 'FRAUD', count: 8 }] });
  });
});
