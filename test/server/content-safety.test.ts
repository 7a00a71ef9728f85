import { ContentTargetType } from '../../server/src/content-safety/content-safety.enums';
import type { ImageTarget } from '../../server/src/content-safety/image-check.service';
import { createGroupBuy, groupBuyInput, joinGroupBuy, UPDATE_ENTRY } from '../helpers/activities';
import { ENTRIES, entriesSeenBy, HIDE, queueOf, REPORT, RESTORE, SET_NICKNAME } from '../helpers/content-safety';
import { REVIEW_MARKER, RISKY_MARKER, signedPushQuery, FAKE_PUSH_TOKEN } from '../helpers/fake-wechat';
import { GraphQLClient } from '../helpers/graphql-client';
import { MY_MESSAGES } from '../helpers/notifications';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

type Member = LoggedIn & { memberId: string };

describe('content safety: WeChat text checks, reports and moderation', () => {
  let env: TestEnvironment;
  let communityId: string;
  let admin: LoggedIn;
  let author: Member;
  let reader: Member;
  let groupBuyId: string;
  let other: { owner: LoggedIn; communityId: string; member: Member };

  const rows = (sql: string, params: unknown[] = []) => env.em().getConnection().execute(sql, params);

  beforeAll(async () => {
    // A msg_sec_check that takes longer than this is no answer: the text is kept for review.
    env = await createTestEnvironment('content_safety', { env: { WECHAT_TEXT_CHECK_TIMEOUT_MS: '400' } });
    const home = await env.createCommunity('cs-owner');
    communityId = home.communityId;
    admin = home.owner;
    author = await env.join('cs-author', home.joinCode);
    reader = await env.join('cs-reader', home.joinCode);
    for (const member of [admin, author, reader]) await member.client.data(SET_NICKNAME, { n: member.name });
    groupBuyId = (await createGroupBuy(admin.client, communityId, groupBuyInput(new Date(), { stock: 100 }))).id;
    const away = await env.createCommunity('cs-away-owner');
    other = { owner: away.owner, communityId: away.communityId, member: await env.join('cs-away-member', away.joinCode) };
  });
  afterAll(() => env.close());

  describe('notes other members read (group-buy entries, scene 2)', () => {
    it('a risky note is refused with ContentRejected and nothing is stored', async () => {
      const before = await rows('select count(*) as n from group_buy_entry');
      const result = await joinGroupBuy(author.client, groupBuyId, 1, `加我微信 ${RISKY_MARKER}`);
      expect(result).toMatchObject({ __typename: 'ContentRejected', errorCode: 'CONTENT_REJECTED' });
      expect(result.message).toMatch(/违规/);
      expect(await rows('select count(*) as n from group_buy_entry')).toEqual(before);
      expect(env.wechat.secChecks.at(-1)).toMatchObject({ version: 2, scene: 2, openid: 'o-cs-author', content: `加我微信 ${RISKY_MARKER}` });
      expect(await rows('select count(*) as n from moderation_item')).toEqual([{ n: 0 }]);
    });

    it('a note in review is stored, shown to its author and the admins only, and queued', async () => {
      const joined = await joinGroupBuy(author.client, groupBuyId, 1, `${REVIEW_MARKER}：周六来取`);
      expect(joined.__typename).toBe('GroupBuyJoined');
      const entryId = joined.entry.id;
      const mine = await entriesSeenBy(author.client, groupBuyId);
      expect(mine.myEntry).toMatchObject({ note: `${REVIEW_MARKER}：周六来取`, noteStatus: 'REVIEW' });
      const seenByReader = (await entriesSeenBy(reader.client, groupBuyId)).entries.find((entry) => entry.id === entryId);
      expect(seenByReader).toMatchObject({ note: null, noteStatus: 'REVIEW' });
      const seenByAdmin = (await entriesSeenBy(admin.client, groupBuyId)).entries.find((entry) => entry.id === entryId);
      expect(seenByAdmin.note).toBe(`${REVIEW_MARKER}：周六来取`);
      const [item] = await queueOf(admin.client, communityId);
      expect(item).toMatchObject({ targetType: 'GROUP_BUY_NOTE', targetId: entryId, inReview: true, reportCount: 0, contentStatus: 'REVIEW', excerpt: `${REVIEW_MARKER}：周六来取`, author: { nickname: 'cs-author' } });

      // The admin keeps it: everyone sees it, the item leaves the open queue.
      expect((await admin.client.data(RESTORE, { c: communityId, t: 'GROUP_BUY_NOTE', id: entryId })).restoreContent).toMatchObject({ contentStatus: 'VISIBLE' });
      expect((await entriesSeenBy(reader.client, groupBuyId)).entries.find((entry) => entry.id === entryId)).toMatchObject({ note: `${REVIEW_MARKER}：周六来取`, noteStatus: 'VISIBLE' });
      expect(await queueOf(admin.client, communityId)).toEqual([]);

      // A risky new note on the same entry is refused and the old one stays.
      const changed = (await author.client.data(UPDATE_ENTRY, { e: entryId, q: 2, n: RISKY_MARKER })).updateGroupBuyEntry;
      expect(changed.__typename).toBe('ContentRejected');
      expect(await rows('select quantity, note from group_buy_entry where id = ?', [Number(entryId)])).toEqual([{ quantity: 1, note: `${REVIEW_MARKER}：周六来取` }]);
    });

    it('when msg_sec_check does not answer in time the note is kept for review: not published, not lost', async () => {
      const late = await env.join('cs-late', (await rows('select join_code from community where id = ?', [Number(communityId)]))[0].join_code);
      env.wechat.secCheckDelayMs = 1500;
      let joined: any;
      try {
        joined = await joinGroupBuy(late.client, groupBuyId, 1, '帮我留一份');
      } finally {
        env.wechat.secCheckDelayMs = 0;
      }
      expect(joined.__typename).toBe('GroupBuyJoined');
      expect(await rows('select note, note_status from group_buy_entry where id = ?', [Number(joined.entry.id)])).toEqual([{ note: '帮我留一份', note_status: 'REVIEW' }]);
      expect((await entriesSeenBy(reader.client, groupBuyId)).entries.find((entry) => entry.id === joined.entry.id).note).toBeNull();
      expect((await queueOf(admin.client, communityId)).map((item) => item.targetId)).toEqual([joined.entry.id]);
      await admin.client.data(RESTORE, { c: communityId, t: 'GROUP_BUY_NOTE', id: joined.entry.id });
    });
  });

  describe('nicknames (scene 1)', () => {
    it('a risky nickname is refused and the old one stays; one in review is shown to others as none and queued', async () => {
      const rejected = (await author.client.data(SET_NICKNAME, { n: `老王${RISKY_MARKER}` })).updateProfile;
      expect(rejected).toMatchObject({ __typename: 'ContentRejected', errorCode: 'CONTENT_REJECTED' });
      expect(env.wechat.secChecks.at(-1)).toMatchObject({ scene: 1, openid: 'o-cs-author' });
      expect(await rows('select nickname, nickname_status from app_user where id = ?', [Number(author.userId)])).toEqual([{ nickname: 'cs-author', nickname_status: 'VISIBLE' }]);

      expect((await author.client.data(SET_NICKNAME, { n: `老王${REVIEW_MARKER}` })).updateProfile).toMatchObject({ __typename: 'User', nickname: `老王${REVIEW_MARKER}` });
      const readerSees = (await entriesSeenBy(reader.client, groupBuyId)).entries.find((entry) => entry.member.id === author.memberId);
      expect(readerSees.member.nickname).toBeNull();
      const adminSees = (await entriesSeenBy(admin.client, groupBuyId)).entries.find((entry) => entry.member.id === author.memberId);
      expect(adminSees.member.nickname).toBe(`老王${REVIEW_MARKER}`);
      const [item] = await queueOf(admin.client, communityId);
      expect(item).toMatchObject({ targetType: 'PROFILE_NICKNAME', targetId: author.memberId, inReview: true, excerpt: `老王${REVIEW_MARKER}` });

      await admin.client.data(RESTORE, { c: communityId, t: 'PROFILE_NICKNAME', id: author.memberId });
      expect((await entriesSeenBy(reader.client, groupBuyId)).entries.find((entry) => entry.member.id === author.memberId).member.nickname).toBe(`老王${REVIEW_MARKER}`);
    });
  });

  describe('reports and moderation', () => {
    let noteEntryId: string;
    beforeAll(async () => {
      const reporterFree = await env.join('cs-noter', (await rows('select join_code from community where id = ?', [Number(communityId)]))[0].join_code);
      noteEntryId = (await joinGroupBuy(reporterFree.client, groupBuyId, 1, '私聊我买更便宜')).entry.id;
    });

    it('a member reports a note once; their own, unknown and other communities’ content is refused', async () => {
      const report = (client: GraphQLClient, id: string, type = 'GROUP_BUY_NOTE') => client.data(REPORT, { t: type, id, r: 'SPAM', d: '广告' }).then((data) => data.reportContent);
      expect(await report(reader.client, noteEntryId)).toMatchObject({ __typename: 'ContentReported', targetId: noteEntryId });
      expect(await report(reader.client, noteEntryId)).toMatchObject({ __typename: 'AlreadyReported', errorCode: 'ALREADY_REPORTED' });
      const ownEntry = (await entriesSeenBy(author.client, groupBuyId)).myEntry.id;
      expect(await report(author.client, ownEntry)).toMatchObject({ __typename: 'CannotReportOwnContent' });
      expect(await report(other.member.client, noteEntryId)).toMatchObject({ __typename: 'ContentNotFound' });
      expect(await report(reader.client, '99999999')).toMatchObject({ __typename: 'ContentNotFound' });
      expect(await report(reader.client, other.member.memberId, 'PROFILE_NICKNAME')).toMatchObject({ __typename: 'ContentNotFound' });
      expect(await report(reader.client, '1', 'MEDIA')).toMatchObject({ __typename: 'ContentNotFound' });
      expect((await reader.client.request(REPORT, { t: 'GROUP_BUY_NOTE', id: noteEntryId, r: 'SPAM', d: 'x'.repeat(201) })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await rows('select count(*) as n from content_report')).toEqual([{ n: 1 }]);

      const [item] = await queueOf(admin.client, communityId);
      expect(item).toMatchObject({ targetType: 'GROUP_BUY_NOTE', targetId: noteEntryId, reportCount: 1, reasons: [{ reason: 'SPAM', count: 1 }], excerpt: '私聊我买更便宜', contentStatus: 'VISIBLE', inReview: false });
    });

    it('only the community’s admins see the queue and hide or restore, each audited; a hidden note disappears for everyone but its author and admins', async () => {
      expect((await reader.client.request(HIDE, { c: communityId, t: 'GROUP_BUY_NOTE', id: noteEntryId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await other.owner.client.request(QUEUE_FIRST, { c: communityId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // Another community's admin naming this community's note under their own community: not found, nothing changes.
      expect((await other.owner.client.data(HIDE, { c: other.communityId, t: 'GROUP_BUY_NOTE', id: noteEntryId })).hideContent).toMatchObject({ __typename: 'ContentNotFound' });
      expect(await rows('select note_status from group_buy_entry where id = ?', [Number(noteEntryId)])).toEqual([{ note_status: 'VISIBLE' }]);

      expect((await admin.client.data(HIDE, { c: communityId, t: 'GROUP_BUY_NOTE', id: noteEntryId })).hideContent).toMatchObject({ __typename: 'ContentModerated', contentStatus: 'HIDDEN' });
      expect((await entriesSeenBy(reader.client, groupBuyId)).entries.find((entry) => entry.id === noteEntryId)).toMatchObject({ note: null, noteStatus: 'HIDDEN' });
      expect((await entriesSeenBy(admin.client, groupBuyId)).entries.find((entry) => entry.id === noteEntryId).note).toBe('私聊我买更便宜');
      expect(await queueOf(admin.client, communityId)).toEqual([]);
      expect(await queueOf(admin.client, communityId, 'RESOLVED')).toContainEqual(expect.objectContaining({ targetId: noteEntryId, decision: 'HIDDEN', contentStatus: 'HIDDEN', reportCount: 1 }));

      // Decided: the reader may report it again later (a new open report), which reopens the item.
      expect((await reader.client.data(REPORT, { t: 'GROUP_BUY_NOTE', id: noteEntryId, r: 'FRAUD' })).reportContent.__typename).toBe('ContentReported');
      expect((await queueOf(admin.client, communityId)).map((item) => [item.targetId, item.reportCount])).toEqual([[noteEntryId, 1]]);

      expect((await admin.client.data(RESTORE, { c: communityId, t: 'GROUP_BUY_NOTE', id: noteEntryId })).restoreContent.contentStatus).toBe('VISIBLE');
      expect((await entriesSeenBy(reader.client, groupBuyId)).entries.find((entry) => entry.id === noteEntryId).note).toBe('私聊我买更便宜');

      const audit = await rows("select action, outcome, target_id from audit_log where community_id = ? and action in ('hideContent', 'restoreContent') order by id", [Number(communityId)]);
      expect(audit.slice(-2)).toEqual([
        { action: 'hideContent', outcome: 'OK', target_id: noteEntryId },
        { action: 'restoreContent', outcome: 'OK', target_id: noteEntryId },
      ]);
      const elsewhere = await rows("select outcome from audit_log where community_id = ? and action = 'hideContent'", [Number(other.communityId)]);
      expect(elsewhere).toEqual([{ outcome: 'CONTENT_NOT_FOUND' }]);
    });

    it('the queue pages by cursor and refuses a forged cursor', async () => {
      const page = (await admin.client.data(QUEUE_FIRST, { c: communityId, s: 'RESOLVED', first: 1 })).moderationQueue;
      expect(page.edges).toHaveLength(1);
      expect(page.pageInfo.hasNextPage).toBe(true);
      const next = (await admin.client.data(QUEUE_FIRST, { c: communityId, s: 'RESOLVED', first: 1, after: page.pageInfo.endCursor })).moderationQueue;
      expect(next.edges[0].node.id).not.toBe(page.edges[0].node.id);
      expect((await admin.client.request(QUEUE_FIRST, { c: communityId, first: 1, after: 'bm90LWEtY3Vyc29y' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await admin.client.request(QUEUE_FIRST, { c: communityId, first: 101 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('image checks: media_check_async and the signed push', () => {
    const withdrawn: ImageTarget[] = [];
    beforeAll(() => {
      env.server.services.imageChecks.onRisky(ContentTargetType.MEDIA, async (_tx, target) => {
        withdrawn.push(target);
      });
    });
    const imageOf = (userId: string) => ({ type: ContentTargetType.MEDIA, id: 4242, communityId: Number(communityId), authorUserId: Number(userId) });
    const checkRow = (traceId: string) => rows('select status from image_check where trace_id = ?', [traceId]);
    const inbox = async (member: LoggedIn) => (await member.client.data(MY_MESSAGES, { c: communityId, first: 10 })).myMessages.edges.map((edge: any) => edge.node.kind);

    it('submits the image (media_type 2, version 2) and records the trace id', async () => {
      const traceId = await env.server.services.imageChecks.submitImageCheck({ openid: 'o-cs-author', mediaUrl: 'https://media.example.com/a.jpg', target: imageOf(author.userId) });
      expect(traceId).toMatch(/^trace-/);
      expect(env.wechat.mediaChecks.at(-1)).toMatchObject({ media_url: 'https://media.example.com/a.jpg', media_type: 2, version: 2, scene: 2, openid: 'o-cs-author', traceId });
      expect(await checkRow(traceId!)).toEqual([{ status: 'PENDING' }]);
    });

    it('a forged or replayed push changes nothing; a good risky push withdraws once and tells the author once', async () => {
      const traceId = (await env.server.services.imageChecks.submitImageCheck({ openid: 'o-cs-author', mediaUrl: 'https://media.example.com/b.jpg', target: imageOf(author.userId) }))!;
      const forged = await env.wechat.pushMediaCheck(env.url, traceId, 'risky', { forge: true });
      const replayed = await env.wechat.pushMediaCheck(env.url, traceId, 'risky', { ageSeconds: 600 });
      expect([forged.status, replayed.status]).toEqual([401, 401]);
      const unsigned = await fetch(`${env.url}/wechat/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Event: 'wxa_media_check', trace_id: traceId, result: { suggest: 'risky' } }) });
      expect(unsigned.status).toBe(401);
      expect(await checkRow(traceId)).toEqual([{ status: 'PENDING' }]);
      expect(withdrawn).toEqual([]);
      expect(await inbox(author)).not.toContain('CONTENT_WITHDRAWN');

      const first = await env.wechat.pushMediaCheck(env.url, traceId, 'risky');
      const again = await env.wechat.pushMediaCheck(env.url, traceId, 'risky');
      expect([first, again]).toEqual([{ status: 200, text: 'success' }, { status: 200, text: 'success' }]);
      expect(await checkRow(traceId)).toEqual([{ status: 'RISKY' }]);
      expect(withdrawn).toEqual([imageOf(author.userId)]);
      expect((await inbox(author)).filter((kind: string) => kind === 'CONTENT_WITHDRAWN')).toHaveLength(1);
    });

    it('a pass verdict withdraws nothing; an unknown trace id is answered and ignored', async () => {
      const traceId = (await env.server.services.imageChecks.submitImageCheck({ openid: 'o-cs-author', mediaUrl: 'https://media.example.com/c.jpg', target: imageOf(author.userId) }))!;
      expect((await env.wechat.pushMediaCheck(env.url, traceId, 'pass')).status).toBe(200);
      expect((await env.wechat.pushMediaCheck(env.url, 'trace-unknown', 'risky')).status).toBe(200);
      expect(await checkRow(traceId)).toEqual([{ status: 'PASS' }]);
      expect(withdrawn).toHaveLength(1);
    });

    it('answers the URL handshake (echostr) only when signed', async () => {
      const good = await fetch(`${env.url}/wechat/events?${new URLSearchParams({ ...signedPushQuery(FAKE_PUSH_TOKEN), echostr: 'hello-wechat' })}`);
      expect([good.status, await good.text()]).toEqual([200, 'hello-wechat']);
      const bad = await fetch(`${env.url}/wechat/events?${new URLSearchParams({ ...signedPushQuery('wrong'), echostr: 'hello-wechat' })}`);
      expect(bad.status).toBe(401);
      expect(await bad.text()).not.toContain('hello-wechat');
    });
  });
});

const QUEUE_FIRST = `query ($c: ID!, $s: ModerationItemStatus, $first: Int, $after: String) { moderationQueue(communityId: $c, status: $s, first: $first, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

describe('content safety without WeChat credentials (the demo)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('content_safety_demo', { env: { WECHAT_LOGIN: 'dev', WECHAT_SECRET: '' } });
  });
  afterAll(() => env.close());

  const devLogin = async (name: string) => new GraphQLClient(env.url, (await env.anonymous.data(`mutation ($c: String!) { login(code: $c) { token } }`, { c: `dev:${name}` })).login.token);

  it('skips the checks: texts are stored as written, WeChat is never asked', async () => {
    const owner = await devLogin('demo-owner');
    const community = (await owner.data(`mutation { createCommunity(input: { name: "演示群", category: INTEREST, joinPolicy: OPEN }) { id joinCode } }`)).createCommunity;
    const member = await devLogin('demo-member');
    await member.data(`mutation ($c: String!) { joinCommunity(joinCode: $c) { __typename } }`, { c: community.joinCode });
    const groupBuyId = (await createGroupBuy(owner, community.id, groupBuyInput(new Date()))).id;
    expect((await joinGroupBuy(member, groupBuyId, 1, `${RISKY_MARKER}${REVIEW_MARKER}`)).__typename).toBe('GroupBuyJoined');
    expect((await member.data(SET_NICKNAME, { n: `昵称${RISKY_MARKER}` })).updateProfile.__typename).toBe('User');
    const entries = (await owner.data(ENTRIES, { id: groupBuyId })).groupBuy.entries;
    expect(entries[0]).toMatchObject({ note: `${RISKY_MARKER}${REVIEW_MARKER}`, noteStatus: 'VISIBLE', member: { nickname: `昵称${RISKY_MARKER}` } });
    expect(env.wechat.secChecks).toEqual([]);
    expect(await env.server.services.imageChecks.submitImageCheck({ openid: 'dev-demo-member', mediaUrl: 'https://x/y.jpg', target: { type: ContentTargetType.MEDIA, id: 1, communityId: Number(community.id), authorUserId: 1 } })).toBeNull();
    expect(env.wechat.mediaChecks).toEqual([]);
  });
});
