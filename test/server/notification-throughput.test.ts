import { Member } from '../../server/src/member/member.entity';
import { MemberRole, MemberStatus } from '../../server/src/member/member.enums';
import { groupBuyResultDraft } from '../../server/src/notification/notification-drafts';
import { NotificationMessage } from '../../server/src/notification/notification-message.entity';
import { DeliveryState } from '../../server/src/notification/notification.enums';
import { SubscriptionConsent } from '../../server/src/notification/subscription-consent.entity';
import { User } from '../../server/src/user/user.entity';
import { eventually, TEMPLATE_ENV, TEMPLATES } from '../helpers/notifications';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/**
 * The sender's throughput on MariaDB: N queued messages (each member with one accept), two
 * sender processes with the default batch (50) and concurrency (4), a fake WeChat on loopback
 * that answers at once. Every message is sent exactly once. NOTIFY_BENCH_MESSAGES sets N
 * (400 by default; the README's figure is from 3000, run under `flock /tmp/qy-heavy.lock`).
 */
const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;
const MESSAGES = Number(process.env.NOTIFY_BENCH_MESSAGES ?? 400);
jest.setTimeout(300_000);

describeOnMySql('subscription-message sender throughput', () => {
  let env: TestEnvironment;
  let peers: ServerProcess[] = [];

  beforeAll(async () => {
    const common = { ...TEMPLATE_ENV, NOTIFY_SEND_EVERY_MS: '200' };
    env = await createTestEnvironment('notify_bench', { env: { ...common, NOTIFY_SEND_EVERY_MS: '3600000' } });
    peers = await Promise.all([env.startPeerProcess(common), env.startPeerProcess(common)]);
  });
  afterAll(async () => {
    await Promise.all(peers.map((peer) => peer.stop()));
    await env.close();
  });

  it(`sends ${MESSAGES} messages once each across two processes`, async () => {
    const { communityId } = await env.createCommunity('bench-owner');
    const em = env.em();
    const now = new Date();
    const users = Array.from({ length: MESSAGES }, (_, i) => ({ openid: `o-bulk-${i}`, createdAt: now, updatedAt: now }));
    await em.insertMany(User, users);
    // (insertMany answers with the first id only on MySQL: read the ids back.)
    const userIds = (await em.find(User, { openid: { $like: 'o-bulk-%' } }, { orderBy: { id: 'asc' } })).map((user) => user.id);
    await em.insertMany(
      Member,
      userIds.map((user) => ({ community: Number(communityId), user, role: MemberRole.MEMBER, status: MemberStatus.ACTIVE, joinedAt: now, createdAt: now })),
    );
    const memberByUser = new Map((await em.find(Member, { user: { $in: userIds } })).map((member) => [member.user.id, member.id]));
    const memberIds = userIds.map((user) => memberByUser.get(user)!);
    expect(userIds).toHaveLength(MESSAGES);
    await em.insertMany(SubscriptionConsent, userIds.map((user) => ({ user, templateId: TEMPLATES.GROUPBUY_RESULT, remaining: 1, accepted: 1, lastStatus: 'accept', createdAt: now, updatedAt: now })));
    const facts = { id: 1, title: '压测团', succeeded: true, participants: MESSAGES, minParticipants: 1, pickupNote: null, closedAt: now };
    const drafts = userIds.map((userId, i) => groupBuyResultDraft({ communityId: Number(communityId), memberId: memberIds[i], userId }, facts, 'Asia/Shanghai'));

    const started = Date.now();
    await em.transactional((tx) => env.server.services.notifications.enqueue(tx as never, drafts, new Date()));
    await eventually(() => env.wechat.delivered().length, (n) => n >= MESSAGES, Number(process.env.NOTIFY_BENCH_WAIT_MS ?? 240_000), 'all delivered').catch(async (error) => {
      const states = await env.em().getConnection().execute('select state, errcode, count(*) as n from notification_message group by state, errcode');
      throw new Error(`${(error as Error).message}; rows ${JSON.stringify(states)}; sends ${JSON.stringify(env.wechat.sends.slice(0, 3))}; ${peers.map((peer) => peer.output().slice(-1500)).join('\n')}`);
    });
    const seconds = (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 500)); // a duplicate would show up by now

    const delivered = env.wechat.delivered();
    expect(delivered).toHaveLength(MESSAGES);
    expect(new Set(delivered.map((send) => send.touser)).size).toBe(MESSAGES);
    expect(await env.em().count(NotificationMessage, { state: DeliveryState.SENT })).toBe(MESSAGES);
    expect(env.wechat.tokenCalls).toHaveLength(1);
    console.info(`notification sender: ${MESSAGES} messages in ${seconds.toFixed(1)} s = ${Math.round(MESSAGES / seconds)} messages/s (2 processes, batch 50, concurrency 4)`);
  });
});
