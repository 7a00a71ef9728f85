import { ManualClock } from '../../server/src/common/clock';
import { localDate } from '../../server/src/common/local-date';
import { Member } from '../../server/src/member/member.entity';
import { GroupBuyEntry } from '../../server/src/groupbuy/group-buy-entry.entity';
import { GroupBuy } from '../../server/src/groupbuy/group-buy.entity';
import { GroupBuyState } from '../../server/src/groupbuy/group-buy.enums';
import {
  CANCEL_ENTRY,
  createGroupBuy,
  GROUP_BUY,
  GROUP_BUYS,
  groupBuyInput,
  HOUR,
  JOIN_GROUP_BUY,
  joinGroupBuy,
  newRequestId,
  SAVE_GROUP_BUY_RESULT,
  UPDATE_ENTRY,
} from '../helpers/activities';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

type Joined = LoggedIn & { memberId: string };

describe('group-buy 接龙', () => {
  let env: TestEnvironment;
  const clock = new ManualClock(new Date());
  let admin: LoggedIn;
  let communityId: string;
  let joinCode: string;
  let alice: Joined;
  let bob: Joined;
  let carol: Joined;

  beforeAll(async () => {
    env = await createTestEnvironment('groupbuy', { clock });
    ({ owner: admin, communityId, joinCode } = await env.createCommunity('g-owner'));
    [alice, bob, carol] = await Promise.all(['g-alice', 'g-bob', 'g-carol'].map((name) => env.join(name, joinCode)));
  });
  afterAll(() => env.close());

  /** Sum of live quantities, sold counter, participants and every 接龙 number ever handed out. */
  async function ledgerOf(groupBuyId: string) {
    const em = env.em();
    const groupBuy = await em.findOneOrFail(GroupBuy, Number(groupBuyId));
    const entries = await em.find(GroupBuyEntry, { groupBuy: groupBuy.id }, { orderBy: { seq: 'asc' } });
    const live = entries.filter((entry) => entry.liveKey === 1);
    return {
      stock: groupBuy.stock,
      sold: groupBuy.soldQuantity,
      liveQuantity: live.reduce((sum, entry) => sum + entry.quantity, 0),
      participants: groupBuy.participantCount,
      liveEntries: live.length,
      liveMembers: new Set(live.map((entry) => entry.member.id)).size,
      seqs: entries.map((entry) => entry.seq),
      lastSeq: groupBuy.lastSeq,
    };
  }

  function expectConsistent(ledger: Awaited<ReturnType<typeof ledgerOf>>) {
    expect(ledger.liveQuantity).toBe(ledger.sold);
    expect(ledger.sold).toBeLessThanOrEqual(ledger.stock);
    expect(ledger.participants).toBe(ledger.liveEntries);
    expect(ledger.liveMembers).toBe(ledger.liveEntries);
    expect(ledger.seqs).toEqual(Array.from({ length: ledger.seqs.length }, (_, i) => i + 1));
    expect(ledger.lastSeq).toBe(ledger.seqs.length);
  }

  it('an admin publishes; members see it with prices, stock and the empty 接龙 list', async () => {
    const created = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 20, perMemberLimit: 5 }));
    expect(created).toMatchObject({ status: 'OPEN', started: true, remaining: 20, soldQuantity: 0, participantCount: 0, outcome: null, entries: [], myEntry: null });
    expect(created).toMatchObject({ priceFen: 5990, originalPriceFen: 7990, images: ['https://img.example.com/strawberry.jpg'], pickupNote: '周六 10:00-18:00 到店自提' });
    const seen = await alice.client.data(GROUP_BUY, { id: created.id });
    expect(seen.groupBuy).toMatchObject({ id: created.id, title: '丹东草莓 3 斤装', remaining: 20 });
    const list = await alice.client.data(GROUP_BUYS, { c: communityId });
    expect(list.groupBuys.map((g: { id: string }) => g.id)).toContain(created.id);
  });

  it('joining hands out 接龙 numbers in order; everyone sees the list; the caller sees their entry', async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 10 }));
    const a = await joinGroupBuy(alice.client, gb.id, 2, '  要大果  ');
    expect(a).toMatchObject({ __typename: 'GroupBuyJoined', entry: { seq: 1, quantity: 2, note: '要大果' }, groupBuy: { remaining: 8, soldQuantity: 2, participantCount: 1 } });
    const b = await joinGroupBuy(bob.client, gb.id, 3);
    expect(b.entry.seq).toBe(2);
    const seen = (await carol.client.data(GROUP_BUY, { id: gb.id })).groupBuy;
    expect(seen.entries.map((e: any) => [e.seq, e.member.nickname === null ? 'anon' : e.member.nickname, e.quantity, e.note])).toEqual([
      [1, 'anon', 2, '要大果'],
      [2, 'anon', 3, null],
    ]);
    expect(seen.entries.map((e: any) => e.member.id)).toEqual([alice.memberId, bob.memberId]);
    expect(seen.myEntry).toBeNull();
    expect((await alice.client.data(GROUP_BUY, { id: gb.id })).groupBuy.myEntry).toMatchObject({ seq: 1, quantity: 2 });
  });

  it("a join is the member's activity of the day, and its answer can show the caller's own entry", async () => {
    // The flash sale's join (MySQL) decides on the rows it read without mapping the caller's member;
    // what it records and answers must not differ from a join that maps it.
    const dave = await env.join('g-dave', joinCode);
    clock.set(new Date(clock.now().getTime() + 25 * HOUR)); // dave's first request of a new day is the join
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 10 }));
    const joined = await dave.client.data(
      `mutation ($g: ID!, $r: String!) { joinGroupBuy(groupBuyId: $g, quantity: 1, requestId: $r) {
        __typename ... on GroupBuyJoined { entry { seq member { id } } groupBuy { myEntry { seq } } } } }`,
      { g: gb.id, r: newRequestId() },
    );
    expect(joined.joinGroupBuy).toEqual({ __typename: 'GroupBuyJoined', entry: { seq: 1, member: { id: dave.memberId } }, groupBuy: { myEntry: { seq: 1 } } });
    const member = await env.em().findOneOrFail(Member, Number(dave.memberId), { populate: ['community'] });
    expect(member.lastActiveAt?.getTime()).toBe(clock.now().getTime());
    const days: { day: string }[] = await env.em().getConnection().execute('select day from member_activity_day where member_id = ? order by day', [Number(dave.memberId)]);
    expect(days.map((row) => row.day)).toContain(localDate(clock.now(), member.community.timezone));
  });

  it('a second join answers AlreadyJoined; the same requestId replays the first result', async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 10 }));
    const requestId = newRequestId();
    const first = await joinGroupBuy(alice.client, gb.id, 1, undefined, requestId);
    const replay = await joinGroupBuy(alice.client, gb.id, 1, undefined, requestId);
    expect(replay).toMatchObject({ __typename: 'GroupBuyJoined', entry: { id: first.entry.id, seq: 1 } });
    const again = await joinGroupBuy(alice.client, gb.id, 4);
    expect(again).toMatchObject({ __typename: 'AlreadyJoined', errorCode: 'ALREADY_JOINED', entry: { id: first.entry.id } });
    const other = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now()));
    const reused = await alice.client.request(JOIN_GROUP_BUY, { g: other.id, q: 1, n: null, r: requestId });
    expect(reused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await ledgerOf(gb.id)).toMatchObject({ sold: 1, liveEntries: 1, seqs: [1] });
  });

  it('once sold out, the member who took the last unit still gets AlreadyJoined, and their requestId still replays', async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 1 }));
    const requestId = newRequestId();
    const first = await joinGroupBuy(alice.client, gb.id, 1, undefined, requestId);
    expect(first.__typename).toBe('GroupBuyJoined');
    expect(await joinGroupBuy(alice.client, gb.id, 1)).toMatchObject({ __typename: 'AlreadyJoined', entry: { id: first.entry.id } });
    expect(await joinGroupBuy(alice.client, gb.id, 1, undefined, requestId)).toMatchObject({ __typename: 'GroupBuyJoined', entry: { id: first.entry.id, seq: 1 } });
    expect(await joinGroupBuy(bob.client, gb.id, 1)).toMatchObject({ __typename: 'SoldOut', message: '已经抢光了' });
    expect(await ledgerOf(gb.id)).toMatchObject({ sold: 1, liveEntries: 1, seqs: [1] });
  });

  it('per-member limit and stock: LimitReached with the limit, SoldOut with what is left', async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 3, perMemberLimit: 2 }));
    expect(await joinGroupBuy(alice.client, gb.id, 3)).toMatchObject({ __typename: 'LimitReached', errorCode: 'LIMIT_REACHED', limit: 2 });
    expect((await joinGroupBuy(alice.client, gb.id, 2)).__typename).toBe('GroupBuyJoined');
    const soldOut = await joinGroupBuy(bob.client, gb.id, 2);
    expect(soldOut).toMatchObject({ __typename: 'SoldOut', errorCode: 'SOLD_OUT' });
    expect(soldOut.message).toContain('只剩 1 份');
    expect((await joinGroupBuy(bob.client, gb.id, 1)).__typename).toBe('GroupBuyJoined');
    expect((await joinGroupBuy(carol.client, gb.id, 1)).message).toBe('已经抢光了');
    expectConsistent(await ledgerOf(gb.id));
  });

  it('changing the quantity moves the stock both ways; cancelling gives it back; a new join gets a new number', async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 5, perMemberLimit: 4 }));
    const a = await joinGroupBuy(alice.client, gb.id, 1, '备注一');
    await joinGroupBuy(bob.client, gb.id, 1);
    const up = await alice.client.data(UPDATE_ENTRY, { e: a.entry.id, q: 3, n: null });
    expect(up.updateGroupBuyEntry).toMatchObject({ __typename: 'GroupBuyEntryUpdated', entry: { seq: 1, quantity: 3, note: '备注一' }, groupBuy: { remaining: 1 } });
    const tooMany = await alice.client.data(UPDATE_ENTRY, { e: a.entry.id, q: 5, n: null });
    expect(tooMany.updateGroupBuyEntry).toMatchObject({ __typename: 'LimitReached', limit: 4 });
    const over = await alice.client.data(UPDATE_ENTRY, { e: a.entry.id, q: 4, n: '' });
    expect(over.updateGroupBuyEntry).toMatchObject({ __typename: 'GroupBuyEntryUpdated', entry: { quantity: 4, note: null }, groupBuy: { remaining: 0 } });
    const bobsEntry = (await bob.client.data(GROUP_BUY, { id: gb.id })).groupBuy.myEntry;
    const bobUp = await bob.client.data(UPDATE_ENTRY, { e: bobsEntry.id, q: 2, n: null });
    expect(bobUp.updateGroupBuyEntry).toMatchObject({ __typename: 'SoldOut', message: '已经抢光了，不能再加了' });
    const down = await alice.client.data(UPDATE_ENTRY, { e: a.entry.id, q: 2, n: null });
    expect(down.updateGroupBuyEntry.groupBuy.remaining).toBe(2);

    // Only the owner of an entry may touch it.
    expect((await bob.client.data(UPDATE_ENTRY, { e: a.entry.id, q: 1, n: null })).updateGroupBuyEntry.errorCode).toBe('ENTRY_NOT_FOUND');
    expect((await bob.client.data(CANCEL_ENTRY, { e: a.entry.id })).cancelGroupBuyEntry.errorCode).toBe('ENTRY_NOT_FOUND');

    const cancelled = await alice.client.data(CANCEL_ENTRY, { e: a.entry.id });
    expect(cancelled.cancelGroupBuyEntry).toMatchObject({ __typename: 'GroupBuyEntryCancelled', groupBuy: { remaining: 4, soldQuantity: 1, participantCount: 1 } });
    expect((await alice.client.data(CANCEL_ENTRY, { e: a.entry.id })).cancelGroupBuyEntry.errorCode).toBe('ENTRY_NOT_FOUND');
    const view = (await alice.client.data(GROUP_BUY, { id: gb.id })).groupBuy;
    expect(view.myEntry).toBeNull();
    expect(view.entries.map((e: any) => e.seq)).toEqual([2]);
    const rejoin = await joinGroupBuy(alice.client, gb.id, 1);
    expect(rejoin.entry.seq).toBe(3);
    expectConsistent(await ledgerOf(gb.id));
  });

  it('before startsAt: visible, not started, joining answers GroupBuyNotStarted', async () => {
    const startsAt = new Date(clock.now().getTime() + HOUR);
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { startsAt: startsAt.toISOString() }));
    expect(gb).toMatchObject({ status: 'OPEN', started: false });
    expect(await joinGroupBuy(alice.client, gb.id, 1)).toMatchObject({ __typename: 'GroupBuyNotStarted', startsAt: startsAt.toISOString() });
  });

  it('a draft is hidden from members until published', async () => {
    const draft = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { draft: true, title: '草稿团' }));
    expect(draft.status).toBe('DRAFT');
    expect((await alice.client.data(GROUP_BUY, { id: draft.id })).groupBuy).toBeNull();
    expect((await alice.client.data(GROUP_BUYS, { c: communityId })).groupBuys.map((g: any) => g.id)).not.toContain(draft.id);
    expect((await alice.client.data(GROUP_BUYS, { c: communityId, s: 'DRAFT' })).groupBuys).toEqual([]);
    expect((await admin.client.data(GROUP_BUYS, { c: communityId, s: 'DRAFT' })).groupBuys.map((g: any) => g.id)).toEqual([draft.id]);
    expect((await joinGroupBuy(alice.client, draft.id, 1)).errorCode).toBe('GROUP_BUY_NOT_FOUND');
    const published = await admin.client.data(`mutation ($g: ID!) { publishGroupBuy(groupBuyId: $g) { ${SAVE_GROUP_BUY_RESULT} } }`, { g: draft.id });
    expect(published.publishGroupBuy).toMatchObject({ __typename: 'GroupBuySaved', groupBuy: { status: 'OPEN' } });
    expect((await alice.client.data(GROUP_BUY, { id: draft.id })).groupBuy.status).toBe('OPEN');
  });

  it('admins edit; the stock cannot go below what is taken', async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 10 }));
    await joinGroupBuy(alice.client, gb.id, 4);
    const update = (input: Record<string, unknown>) =>
      admin.client.data(`mutation ($g: ID!, $i: GroupBuyInput!) { updateGroupBuy(groupBuyId: $g, input: $i) { ${SAVE_GROUP_BUY_RESULT} } }`, { g: gb.id, i: input });
    expect((await update(groupBuyInput(clock.now(), { stock: 3 }))).updateGroupBuy).toMatchObject({ __typename: 'StockBelowSold', errorCode: 'STOCK_BELOW_SOLD', soldQuantity: 4 });
    const images = ['https://img.example.com/a.jpg', 'https://img.example.com/b.jpg'];
    expect((await update(groupBuyInput(clock.now(), { stock: 4, title: '改个名', images }))).updateGroupBuy).toMatchObject({ __typename: 'GroupBuySaved', groupBuy: { stock: 4, title: '改个名' } });
    expect((await alice.client.data(GROUP_BUY, { id: gb.id })).groupBuy).toMatchObject({ images, remaining: 0, soldQuantity: 4 });
    expect((await joinGroupBuy(bob.client, gb.id, 1)).__typename).toBe('SoldOut');
  });

  it('closes at the end time with its outcome, without anyone calling anything', async () => {
    const endsAt = new Date(clock.now().getTime() + 2 * HOUR);
    const succeeded = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { minParticipants: 2, endsAt: endsAt.toISOString() }));
    const failed = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { minParticipants: 3, endsAt: endsAt.toISOString() }));
    const aliceEntry = await joinGroupBuy(alice.client, succeeded.id, 1);
    await joinGroupBuy(bob.client, succeeded.id, 1);
    await joinGroupBuy(alice.client, failed.id, 1);

    clock.set(endsAt);
    const read = async (id: string) => (await alice.client.data(GROUP_BUY, { id })).groupBuy;
    expect(await read(succeeded.id)).toMatchObject({ status: 'CLOSED', outcome: 'SUCCEEDED', closedAt: endsAt.toISOString() });
    expect(await read(failed.id)).toMatchObject({ status: 'CLOSED', outcome: 'FAILED' });
    expect((await alice.client.data(GROUP_BUYS, { c: communityId, s: 'CLOSED' })).groupBuys.map((g: any) => g.id)).toEqual(expect.arrayContaining([succeeded.id, failed.id]));
    expect(await joinGroupBuy(carol.client, succeeded.id, 1)).toMatchObject({ __typename: 'GroupBuyClosed', errorCode: 'GROUP_BUY_CLOSED' });
    expect((await alice.client.data(UPDATE_ENTRY, { e: aliceEntry.entry.id, q: 2, n: null })).updateGroupBuyEntry.errorCode).toBe('GROUP_BUY_CLOSED');
    expect((await alice.client.data(CANCEL_ENTRY, { e: aliceEntry.entry.id })).cancelGroupBuyEntry.errorCode).toBe('GROUP_BUY_CLOSED');

    // The closing job catches the stored rows up on its own (it runs every few seconds).
    const stored = async () => env.em().find(GroupBuy, { id: { $in: [Number(succeeded.id), Number(failed.id)] } }, { orderBy: { id: 'asc' } });
    for (let waited = 0; (await stored()).some((row) => row.state !== GroupBuyState.CLOSED) && waited < 8000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await stored()).map((row) => [row.state, row.outcome, row.closedAt?.toISOString()])).toEqual([
      ['CLOSED', 'SUCCEEDED', endsAt.toISOString()],
      ['CLOSED', 'FAILED', endsAt.toISOString()],
    ]);
    clock.set(new Date());
  });

  it('admins close early (outcome decided then) or cancel; entries can no longer change', async () => {
    const early = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { minParticipants: 1 }));
    const entry = await joinGroupBuy(alice.client, early.id, 1);
    const closed = await admin.client.data(`mutation ($g: ID!) { closeGroupBuy(groupBuyId: $g) { status outcome closedAt } }`, { g: early.id });
    expect(closed.closeGroupBuy).toMatchObject({ status: 'CLOSED', outcome: 'SUCCEEDED', closedAt: clock.now().toISOString() });
    expect((await alice.client.data(CANCEL_ENTRY, { e: entry.entry.id })).cancelGroupBuyEntry.errorCode).toBe('GROUP_BUY_CLOSED');
    const toCancel = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now()));
    const cancelled = await admin.client.data(`mutation ($g: ID!) { cancelGroupBuy(groupBuyId: $g) { status outcome } }`, { g: toCancel.id });
    expect(cancelled.cancelGroupBuy).toEqual({ status: 'CANCELLED', outcome: null });
    expect((await joinGroupBuy(alice.client, toCancel.id, 1)).message).toBe('团购已取消');
    const edit = await admin.client.data(`mutation ($g: ID!, $i: GroupBuyInput!) { updateGroupBuy(groupBuyId: $g, input: $i) { ${SAVE_GROUP_BUY_RESULT} } }`, {
      g: toCancel.id,
      i: groupBuyInput(clock.now()),
    });
    expect(edit.updateGroupBuy.errorCode).toBe('GROUP_BUY_CLOSED');
  });

  it('admins mark entries picked up', async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now()));
    const entry = await joinGroupBuy(alice.client, gb.id, 1);
    const SET = `mutation ($e: ID!, $p: Boolean!) {
      setEntryPickedUp(entryId: $e, pickedUp: $p) { ... on PickupRecorded { entry { id pickedUp } } ... on EntryNotFound { errorCode message } }
    }`;
    expect((await admin.client.data(SET, { e: entry.entry.id, p: true })).setEntryPickedUp.entry).toEqual({ id: entry.entry.id, pickedUp: true });
    expect((await alice.client.data(GROUP_BUY, { id: gb.id })).groupBuy.entries[0].pickedUp).toBe(true);
    expect((await admin.client.data(SET, { e: entry.entry.id, p: false })).setEntryPickedUp.entry.pickedUp).toBe(false);
    expect((await alice.client.request(SET, { e: entry.entry.id, p: true })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A cancelled entry is refused as a typed result, and stays as it was.
    await alice.client.data(CANCEL_ENTRY, { e: entry.entry.id });
    expect((await admin.client.data(SET, { e: entry.entry.id, p: true })).setEntryPickedUp).toEqual({ errorCode: 'ENTRY_NOT_FOUND', message: '这条接龙已经取消了' });
  });

  it('only active members of the community read and join', async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now()));
    const stranger = await env.login('g-stranger');
    expect((await stranger.client.request(GROUP_BUYS, { c: communityId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stranger.client.data(GROUP_BUY, { id: gb.id })).groupBuy).toBeNull();
    expect((await joinGroupBuy(stranger.client, gb.id, 1)).errorCode).toBe('GROUP_BUY_NOT_FOUND');

    const elsewhere = await env.createCommunity('g-other-owner');
    expect((await elsewhere.owner.client.data(GROUP_BUY, { id: gb.id })).groupBuy).toBeNull();
    expect((await joinGroupBuy(elsewhere.owner.client, gb.id, 1)).errorCode).toBe('GROUP_BUY_NOT_FOUND');

    const screened = await env.createCommunity('g-screened-owner', { joinPolicy: 'QUESTIONNAIRE' });
    const screenedBuy = await createGroupBuy(screened.owner.client, screened.communityId, groupBuyInput(clock.now()));
    const applicant = await env.join('g-applicant', screened.joinCode);
    expect(applicant.status).toBe('APPLICANT');
    expect((await joinGroupBuy(applicant.client, screenedBuy.id, 1)).errorCode).toBe('NOT_ACTIVE_MEMBER');
    expect((await applicant.client.data(GROUP_BUY, { id: screenedBuy.id })).groupBuy).toBeNull();
    expect(await env.em().count(GroupBuyEntry, { groupBuy: [Number(gb.id), Number(screenedBuy.id)] })).toBe(0);
  });

  describe('bad input is refused before anything is written', () => {
    it.each([
      ['quantity 0', { q: 0 }],
      ['a negative quantity', { q: -1 }],
      ['a huge quantity', { q: 10_000 }],
      ['a note over 100 characters', { n: '长'.repeat(101) }],
      ['a short requestId', { r: 'abc' }],
      ['a requestId with spaces', { r: 'has spaces in it' }],
      ['a malformed group-buy id', { g: 'abc' }],
    ])('joinGroupBuy with %s', async (_label, override) => {
      const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now()));
      const result = await carol.client.request(JOIN_GROUP_BUY, { g: gb.id, q: 1, n: null, r: newRequestId(), ...override });
      expect(result.status).toBeLessThan(500);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await env.em().count(GroupBuyEntry, { groupBuy: Number(gb.id) })).toBe(0);
    });

    it('updateGroupBuyEntry and cancelGroupBuyEntry with bad numbers and ids', async () => {
      const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now()));
      const entry = await joinGroupBuy(carol.client, gb.id, 1);
      for (const variables of [{ e: entry.entry.id, q: 0 }, { e: entry.entry.id, q: 10_001 }, { e: 'x', q: 1 }, { e: entry.entry.id, q: 1, n: '长'.repeat(101) }]) {
        expect((await carol.client.request(UPDATE_ENTRY, variables)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect((await carol.client.request(CANCEL_ENTRY, { e: '-3' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await ledgerOf(gb.id)).toMatchObject({ sold: 1, liveEntries: 1 });
    });

    const now = () => clock.now();
    it.each([
      ['an empty title', () => ({ title: '' })],
      ['a blank title', () => ({ title: '   ' })],
      ['a title over 40 characters', () => ({ title: '长'.repeat(41) })],
      ['a negative price', () => ({ priceFen: -1 })],
      ['an original price below the price', () => ({ originalPriceFen: 100 })],
      ['zero stock', () => ({ stock: 0 })],
      ['a per-member limit above the stock', () => ({ stock: 2, perMemberLimit: 3 })],
      ['zero participants', () => ({ minParticipants: 0 })],
      ['an end before the start', () => ({ endsAt: new Date(now().getTime() - 2 * 60_000).toISOString() })],
      ['an end in the past', () => ({ startsAt: new Date(now().getTime() - 2 * HOUR).toISOString(), endsAt: new Date(now().getTime() - HOUR).toISOString() })],
      ['an image that is not a URL', () => ({ images: ['javascript:alert(1)'] })],
      ['ten images', () => ({ images: Array.from({ length: 10 }, (_, i) => `https://img.example.com/${i}.jpg`) })],
      ['a description over 2000 characters', () => ({ description: '长'.repeat(2001) })],
      ['a date that is not a date', () => ({ endsAt: 'tomorrow' })],
    ])('createGroupBuy with %s', async (_label: string, override) => {
      const before = await env.em().count(GroupBuy, {});
      const result = await admin.client.request(`mutation ($c: ID!, $i: GroupBuyInput!) { createGroupBuy(communityId: $c, input: $i) { id } }`, {
        c: communityId,
        i: groupBuyInput(now(), override()),
      });
      expect(result.status).toBeLessThan(500);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // (A scalar that does not parse is refused by graphql-js itself, in English.)
      if (!_label.includes('not a date')) expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await env.em().count(GroupBuy, {})).toBe(before);
    });

    it('updateGroupBuy, publishGroupBuy, closeGroupBuy, cancelGroupBuy, setEntryPickedUp with malformed ids', async () => {
      for (const [query, variables] of [
        [`mutation ($g: ID!, $i: GroupBuyInput!) { updateGroupBuy(groupBuyId: $g, input: $i) { __typename } }`, { g: 'abc', i: groupBuyInput(now()) }],
        [`mutation ($g: ID!) { publishGroupBuy(groupBuyId: $g) { __typename } }`, { g: '0' }],
        [`mutation ($g: ID!) { closeGroupBuy(groupBuyId: $g) { id } }`, { g: '1e3' }],
        [`mutation ($g: ID!) { cancelGroupBuy(groupBuyId: $g) { id } }`, { g: '-1' }],
        [`mutation ($e: ID!) { setEntryPickedUp(entryId: $e, pickedUp: true) { __typename } }`, { e: 'x' }],
        [`mutation ($g: ID!) { exportGroupBuy(groupBuyId: $g, format: XLSX) { url } }`, { g: 'x' }],
      ] as const) {
        const result = await admin.client.request(query, variables);
        expect(result.status).toBeLessThan(500);
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  describeOnMySql('under concurrency (MariaDB)', () => {
    let crowd: Joined[] = [];
    beforeAll(async () => {
      crowd = await env.joinCrowd('g-crowd', joinCode, 30);
    });

    it('30 members join a stock-10 group-buy at once: exactly 10 sold, numbers 1..10, 20 SoldOut', async () => {
      const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 10 }));
      let results: any[] = [];
      const statements = await env.recordQueries(async () => {
        results = await Promise.all(crowd.map((member) => joinGroupBuy(member.client, gb.id, 1)));
      });
      // The joins of one moment share their first read (group-buy, member, own entries): far fewer than one each.
      const joinReads = statements.filter((sql) => /join group_buy g on g\.id = k\.group_buy_id/.test(sql));
      console.info(`30 simultaneous joins read what they decide on in ${joinReads.length} statements`);
      expect(joinReads.length).toBeGreaterThan(0);
      expect(joinReads.length).toBeLessThan(30); // one each would be 30
      const joined = results.filter((r) => r.__typename === 'GroupBuyJoined');
      expect(joined).toHaveLength(10);
      expect(results.filter((r) => r.__typename === 'SoldOut')).toHaveLength(20);
      expect(joined.map((r) => r.entry.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const ledger = await ledgerOf(gb.id);
      expect(ledger).toMatchObject({ sold: 10, liveEntries: 10, participants: 10 });
      expectConsistent(ledger);
    });

    it('mixed quantities from 30 members against stock 25 never oversell', async () => {
      const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 25 }));
      const results = await Promise.all(crowd.map((member, i) => joinGroupBuy(member.client, gb.id, (i % 3) + 1)));
      const ledger = await ledgerOf(gb.id);
      expectConsistent(ledger);
      expect(ledger.sold).toBe(results.filter((r) => r.__typename === 'GroupBuyJoined').reduce((sum, r) => sum + r.entry.quantity, 0));
      expect(ledger.sold).toBeGreaterThanOrEqual(23); // everyone asked for ≤ 3, so at most 2 units can be left
    });

    it("one member's 10 simultaneous joins make one entry; 10 replays of one requestId too", async () => {
      const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 50 }));
      const member = crowd[0];
      const results = await Promise.all(Array.from({ length: 10 }, () => joinGroupBuy(member.client, gb.id, 2)));
      expect(results.filter((r) => r.__typename === 'GroupBuyJoined')).toHaveLength(1);
      expect(results.filter((r) => r.__typename === 'AlreadyJoined')).toHaveLength(9);
      expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);

      const requestId = newRequestId();
      const replays = await Promise.all(Array.from({ length: 10 }, () => joinGroupBuy(crowd[1].client, gb.id, 3, undefined, requestId)));
      expect(replays.every((r) => r.__typename === 'GroupBuyJoined')).toBe(true);
      expect(new Set(replays.map((r) => r.entry.id)).size).toBe(1);
      const ledger = await ledgerOf(gb.id);
      expect(ledger).toMatchObject({ sold: 5, liveEntries: 2, seqs: [1, 2] });
      expectConsistent(ledger);
    });

    it('quantity changes, cancellations and new joins racing keep the stock exact', async () => {
      const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(clock.now(), { stock: 20, perMemberLimit: 5 }));
      const holders = crowd.slice(0, 12);
      const entries = await Promise.all(holders.map((member) => joinGroupBuy(member.client, gb.id, 1)));
      expect(entries.every((r) => r.__typename === 'GroupBuyJoined')).toBe(true);
      const moves = holders.flatMap((member, i) => {
        const entryId = entries[i].entry.id;
        const update = (q: number) => member.client.data(UPDATE_ENTRY, { e: entryId, q, n: null });
        if (i % 4 === 0) return [member.client.data(CANCEL_ENTRY, { e: entryId }), update(3)];
        return [update(5), update(2), update(4)];
      });
      const newcomers = crowd.slice(12, 24).map((member) => joinGroupBuy(member.client, gb.id, 2));
      const outcomes = await Promise.all([...moves, ...newcomers]);
      expect(outcomes.every((o) => o && typeof o === 'object')).toBe(true);
      const ledger = await ledgerOf(gb.id);
      expectConsistent(ledger);
      // A double cancel or a lost update would break the sums above; say so if it ever happens.
      expect(ledger.liveQuantity).toBe(ledger.sold);
    });
  });
});
