import { remindExpiringGroupQrs } from '../../server/src/groupcode/group-qr-reminder';
import { ManualClock } from '../../server/src/common/clock';
import { CREATE_GROUP_CODE, GROUP_CODE_STATS, GROUP_CODES, messagesAbout, REPLACE_GROUP_QR, uploadGroupQr, VIEW_GROUP_CODE } from '../helpers/group-codes';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

/** Issue 25, 群活码: the group a visitor is shown, its count, replacement, exhaustion, reminders, and who may do what. */

const SET_ROLE = `mutation ($c: ID!, $m: ID!, $r: MemberRole!) { setMemberRole(communityId: $c, memberId: $m, role: $r) { __typename } }`;
// Noon on 2026-12-10 in Shanghai (the communities' timezone).
const NOON_DEC_10 = '2026-12-10T04:00:00Z';

describe('群活码', () => {
  const clock = new ManualClock(new Date(NOON_DEC_10));
  let env: TestEnvironment;
  let owner: LoggedIn;
  let admin: LoggedIn & { memberId: string };
  let member: LoggedIn & { memberId: string };
  let communityId: string;

  beforeAll(async () => {
    env = await createTestEnvironment('group_code', { clock, env: { WECHAT_TEMPLATE_GROUP_QR_EXPIRING: 'tpl-group-qr' } });
    const home = await env.createCommunity('gc-owner');
    ({ owner, communityId } = home);
    admin = await env.join('gc-admin', home.joinCode);
    await owner.client.data(SET_ROLE, { c: communityId, m: admin.memberId, r: 'ADMIN' });
    member = await env.join('gc-member', home.joinCode);
  });
  beforeEach(() => clock.set(NOON_DEC_10));
  afterAll(() => env.close());

  const group = async (name: string, qrExpiresOn: string, switchAfterScans?: number, by: LoggedIn = owner) => ({
    name,
    qrMediaId: await uploadGroupQr(env, by.token, communityId),
    qrExpiresOn,
    ...(switchAfterScans ? { switchAfterScans } : {}),
  });
  const create = async (name: string, groups: unknown[]) => (await owner.client.data(CREATE_GROUP_CODE, { c: communityId, i: { name, groups } })).createGroupCode;
  const view = async (slug: string) => (await env.anonymous.data(VIEW_GROUP_CODE, { s: slug })).groupCode;
  const scansOf = async (codeId: string) =>
    Object.fromEntries((await owner.client.data(GROUP_CODES, { c: communityId })).groupCodes.find((code: any) => code.id === codeId).groups.map((g: any) => [g.name, g.scans]));

  it('shows the first group below its threshold, then the next; none left: says so and tells each admin once; a replaced QR starts again', async () => {
    const code = await create('读书会活码', [await group('一群', '2026-12-14', 2), await group('二群', '2026-12-14', 3)]);
    expect(code).toMatchObject({ name: '读书会活码', path: `groupcode/pages/view/index?s=${code.slug}`, exhausted: false });
    expect(code.slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(code.groups.map((g: any) => [g.name, g.scans, g.switchAfterScans, g.qrExpiresOn])).toEqual([
      ['一群', 0, 2, '2026-12-14'],
      ['二群', 0, 3, '2026-12-14'],
    ]);

    const shown = [];
    for (let i = 0; i < 7; i += 1) shown.push(await view(code.slug));
    expect(shown.map((v) => v.current?.name ?? null)).toEqual(['一群', '一群', '二群', '二群', '二群', null, null]);
    expect(shown[0].current.qrUrl).toMatch(/^\/media\/|^https?:/);
    expect(shown[6]).toMatchObject({ name: '读书会活码', exhausted: true, current: null });
    expect(await scansOf(code.id)).toEqual({ 一群: 2, 二群: 3 });
    const exhaustedNotices = await messagesAbout(env, 'GROUP_CODE_EXHAUSTED', code.id);
    expect(exhaustedNotices).toHaveLength(2); // the owner and the admin, once
    expect(exhaustedNotices.map((m) => m.memberId)).toContain(Number(admin.memberId));
    expect((await owner.client.data(GROUP_CODES, { c: communityId })).groupCodes.find((c: any) => c.id === code.id).exhausted).toBe(true);

    // The admin replaces the first group's QR: its count starts again, and the next exhaustion is told again.
    const replaced = (await admin.client.data(REPLACE_GROUP_QR, { g: code.groups[0].id, m: await uploadGroupQr(env, admin.token, communityId), d: '2026-12-16' })).replaceGroupQr;
    expect(replaced.groups[0]).toMatchObject({ scans: 0, qrExpiresOn: '2026-12-16' });
    expect((await view(code.slug)).current.name).toBe('一群');
    expect((await view(code.slug)).current.name).toBe('一群');
    expect((await view(code.slug)).exhausted).toBe(true);
    expect(await messagesAbout(env, 'GROUP_CODE_EXHAUSTED', code.id)).toHaveLength(4);

    const audit = await env.em().getConnection().execute(`select action from audit_log where community_id = ? and action in ('createGroupCode', 'replaceGroupQr') order by id`, [Number(communityId)]);
    expect(audit.map((row: any) => row.action)).toEqual(expect.arrayContaining(['createGroupCode', 'replaceGroupQr']));

    const stats = (await owner.client.data(GROUP_CODE_STATS, { id: code.id, days: 7 })).groupCodeStats;
    expect(stats.map((s: any) => [s.day, s.groupName, s.views])).toEqual([
      ['2026-12-10', '一群', 4],
      ['2026-12-10', '二群', 3],
    ]);
  });

  it('never shows a QR on or after its expiry date (community-local), and the default threshold is 180', async () => {
    const code = await create('到期活码', [await group('早到期', '2026-12-11'), await group('晚到期', '2026-12-13')]);
    expect(code.groups.map((g: any) => g.switchAfterScans)).toEqual([180, 180]);
    expect((await view(code.slug)).current.name).toBe('早到期');
    clock.set('2026-12-10T15:59:59Z'); // 23:59:59 on the 10th in Shanghai
    expect((await view(code.slug)).current.name).toBe('早到期');
    clock.set('2026-12-10T16:00:00Z'); // midnight: the 11th
    expect((await view(code.slug)).current.name).toBe('晚到期');
    clock.set('2026-12-12T16:00:00Z'); // the 13th
    expect(await view(code.slug)).toMatchObject({ exhausted: true, current: null });
    expect(await scansOf(code.id)).toEqual({ 早到期: 2, 晚到期: 1 });
  });

  it('an unknown link shows nothing and counts nothing', async () => {
    expect(await view('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(await env.anonymous.errorCode(VIEW_GROUP_CODE, { s: "x' or 1=1 --" })).toBe('BAD_USER_INPUT');
  });

  it('reminds each admin the day before a QR expires: inbox + GROUP_QR_EXPIRING, once however often the job runs', async () => {
    const code = await create('提醒活码', [await group('明天到期', '2026-12-11'), await group('后天到期', '2026-12-12')]);
    const job = () => remindExpiringGroupQrs(env.em(), clock, env.server.services.notifications);
    const runs = [...(await Promise.all([job(), job(), job()])), await job()];
    const tomorrow = await messagesAbout(env, 'GROUP_QR_EXPIRING', code.groups[0].id);
    expect(tomorrow).toHaveLength(2);
    expect(runs.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(2);
    expect(tomorrow.every((m) => m.dedupeKey.startsWith(`group-qr-expiring:${code.groups[0].id}:2026-12-11:`))).toBe(true);
    expect(tomorrow.map((m) => m.state)).not.toContain('INBOX_ONLY'); // a template is configured: it goes to WeChat too
    expect(await messagesAbout(env, 'GROUP_QR_EXPIRING', code.groups[1].id)).toHaveLength(0);
    const inbox = await admin.client.data(`query ($c: ID!) { myMessages(communityId: $c, first: 10) { edges { node { title kind page } } } }`, { c: communityId });
    expect(inbox.myMessages.edges.map((e: any) => e.node)).toContainEqual({ title: '群二维码明天过期', kind: 'GROUP_QR_EXPIRING', page: `admin/pages/group-codes/index?id=${communityId}` });
    // The next day, the other one; the first is not told again.
    clock.set('2026-12-11T04:00:00Z');
    await job();
    expect(await messagesAbout(env, 'GROUP_QR_EXPIRING', code.groups[1].id)).toHaveLength(2);
    expect(await messagesAbout(env, 'GROUP_QR_EXPIRING', code.groups[0].id)).toHaveLength(2);
  });

  describe('who may do what, and bad input', () => {
    const countRows = async () => {
      const rows = await env.em().getConnection().execute(`select (select count(*) from group_code) as codes, (select count(*) from group_code_group) as groups_, (select coalesce(sum(scans), 0) from group_code_group) as scans`);
      return { codes: Number(rows[0].codes), groups: Number(rows[0].groups_), scans: Number(rows[0].scans) };
    };

    it('a member cannot create, list, replace or read stats; another community’s admin neither; nothing changes', async () => {
      const code = await create('权限活码', [await group('一群', '2026-12-14', 5)]);
      const other = await env.createCommunity('gc-other-owner');
      const otherQr = await uploadGroupQr(env, other.owner.token, other.communityId);
      const memberQr = await uploadGroupQr(env, member.token, communityId);
      const before = await countRows();
      for (const caller of [member, other.owner]) {
        const qr = caller === member ? memberQr : otherQr;
        expect(await caller.client.errorCode(CREATE_GROUP_CODE, { c: communityId, i: { name: '越权', groups: [{ name: 'x', qrMediaId: qr, qrExpiresOn: '2026-12-14' }] } })).toBe('FORBIDDEN');
        expect(await caller.client.errorCode(GROUP_CODES, { c: communityId })).toBe('FORBIDDEN');
        expect(await caller.client.errorCode(REPLACE_GROUP_QR, { g: code.groups[0].id, m: qr, d: '2026-12-14' })).toBe('FORBIDDEN');
        expect(await caller.client.errorCode(GROUP_CODE_STATS, { id: code.id })).toBe('FORBIDDEN');
      }
      expect(await env.anonymous.errorCode(GROUP_CODES, { c: communityId })).toBe('UNAUTHENTICATED');
      expect(await other.owner.client.errorCode(REPLACE_GROUP_QR, { g: '999999', m: otherQr, d: '2026-12-14' })).toBe('FORBIDDEN');
      expect(await countRows()).toEqual(before);
    });

    it("refuses someone else's QR, another community's, another purpose's, bad dates and thresholds, too many groups: nothing changes", async () => {
      const code = await create('输入活码', [await group('一群', '2026-12-14', 5)]);
      const other = await env.createCommunity('gc-other-owner-2');
      const ownQr = await uploadGroupQr(env, owner.token, communityId);
      const refusals: Array<[string, unknown]> = [
        ["someone else's upload", { qrMediaId: await uploadGroupQr(env, admin.token, communityId) }],
        ["another community's upload", { qrMediaId: await uploadGroupQr(env, other.owner.token, other.communityId) }],
        ['a POST upload', { qrMediaId: await uploadGroupQr(env, owner.token, communityId, 'POST') }],
        ['an unknown media id', { qrMediaId: '999999' }],
        ['a malformed media id', { qrMediaId: 'abc' }],
        ['yesterday', { qrExpiresOn: '2026-12-09' }],
        ['today', { qrExpiresOn: '2026-12-10' }],
        ['30 February', { qrExpiresOn: '2027-02-30' }],
        ['not a date', { qrExpiresOn: '12/14/2026' }],
        ['two years ahead', { qrExpiresOn: '2028-12-14' }],
        ['threshold 0', { switchAfterScans: 0 }],
        ['threshold 201', { switchAfterScans: 201 }],
        ['an empty name', { name: '' }],
      ];
      const before = await countRows();
      for (const [why, change] of refusals) {
        const groupInput = { name: '一群', qrMediaId: ownQr, qrExpiresOn: '2026-12-14', ...(change as object) };
        expect([why, await owner.client.errorCode(CREATE_GROUP_CODE, { c: communityId, i: { name: '坏输入', groups: [groupInput] } })]).toEqual([why, 'BAD_USER_INPUT']);
        if ('qrMediaId' in (change as object) || 'qrExpiresOn' in (change as object)) {
          const { qrMediaId, qrExpiresOn } = groupInput;
          expect([why, await owner.client.errorCode(REPLACE_GROUP_QR, { g: code.groups[0].id, m: qrMediaId, d: qrExpiresOn })]).toEqual([why, 'BAD_USER_INPUT']);
        }
      }
      const tooMany = Array.from({ length: 21 }, () => ({ name: '群', qrMediaId: ownQr, qrExpiresOn: '2026-12-14' }));
      expect(await owner.client.errorCode(CREATE_GROUP_CODE, { c: communityId, i: { name: '太多', groups: tooMany } })).toBe('BAD_USER_INPUT');
      expect(await owner.client.errorCode(CREATE_GROUP_CODE, { c: communityId, i: { name: '没有群', groups: [] } })).toBe('BAD_USER_INPUT');
      expect(await countRows()).toEqual(before);
      expect((await owner.client.data(GROUP_CODES, { c: communityId })).groupCodes.find((c: any) => c.id === code.id).groups[0].qrExpiresOn).toBe('2026-12-14');
    });
  });
});
