import { GroupBuyEntry } from '../../server/src/groupbuy/group-buy-entry.entity';
import { GroupBuy } from '../../server/src/groupbuy/group-buy.entity';
import { SignupForm } from '../../server/src/signup/signup-form.entity';
import { SignupSubmission } from '../../server/src/signup/signup-submission.entity';
import { SignupStatus } from '../../server/src/signup/signup.enums';
import {
  CANCEL_ENTRY,
  CREATE_SIGNUP_FORM,
  createGroupBuy,
  groupBuyInput,
  JOIN_GROUP_BUY,
  newRequestId,
  signupAnswers,
  signupFormInput,
  SUBMIT_SIGNUP,
  UPDATE_ENTRY,
} from '../helpers/activities';
import { GraphQLClient } from '../helpers/graphql-client';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('group-buys and sign-ups across two server processes on one database (MariaDB)', () => {
  let env: TestEnvironment;
  let second: ServerProcess;
  let admin: LoggedIn;
  let communityId: string;
  let crowd: Array<LoggedIn & { memberId: string }> = [];
  /** Every other request goes to the second process. */
  const via = (member: LoggedIn, i: number) => (i % 2 === 0 ? member.client : new GraphQLClient(second.url, member.token));

  beforeAll(async () => {
    env = await createTestEnvironment('activities_race');
    second = await env.startPeerProcess();
    const home = await env.createCommunity('r-owner');
    admin = home.owner;
    communityId = home.communityId;
    crowd = await env.joinCrowd('r-member', home.joinCode, 40);
  });
  afterAll(async () => {
    await second?.stop();
    await env?.close();
  });

  async function groupBuyLedger(groupBuyId: string) {
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
      seqs: entries.map((entry) => entry.seq),
    };
  }

  it('40 members join a stock-15 group-buy through both processes: exactly 15 sold, 接龙 numbers 1..15', async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(new Date(), { stock: 15 }));
    const results = await Promise.all(crowd.map((member, i) => via(member, i).request(JOIN_GROUP_BUY, { g: gb.id, q: 1, n: null, r: newRequestId() })));
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    const kinds = results.map((r) => r.data.joinGroupBuy.__typename);
    expect(kinds.filter((k) => k === 'GroupBuyJoined')).toHaveLength(15);
    expect(kinds.filter((k) => k === 'SoldOut')).toHaveLength(25);
    const ledger = await groupBuyLedger(gb.id);
    expect(ledger).toEqual({ stock: 15, sold: 15, liveQuantity: 15, participants: 15, liveEntries: 15, seqs: Array.from({ length: 15 }, (_, i) => i + 1) });
  });

  it("one member's 12 joins split over both processes make one entry", async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(new Date(), { stock: 100 }));
    const member = crowd[0];
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => via(member, i).request(JOIN_GROUP_BUY, { g: gb.id, q: 2, n: null, r: newRequestId() })));
    const kinds = results.map((r) => r.data.joinGroupBuy.__typename);
    expect(kinds.filter((k) => k === 'GroupBuyJoined')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'AlreadyJoined')).toHaveLength(11);
    expect(await groupBuyLedger(gb.id)).toMatchObject({ sold: 2, liveEntries: 1, seqs: [1] });
  });

  it('a crowd joining together while one of them taps 8 times over both processes: one entry each, numbers gap-free, answers as of their commit', async () => {
    // The crowd's joins go through the database in shared batches; the repeated taps make a batch meet
    // a unique key (the same member's entry from the other process) and join one by one instead.
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(new Date(), { stock: 100 }));
    const taps = Array.from({ length: 8 }, (_, i) => via(crowd[0], i).request(JOIN_GROUP_BUY, { g: gb.id, q: 1, n: null, r: newRequestId() }));
    const others = crowd.slice(1).map((member, i) => via(member, i).request(JOIN_GROUP_BUY, { g: gb.id, q: 1, n: null, r: newRequestId() }));
    const [tapResults, otherResults] = await Promise.all([Promise.all(taps), Promise.all(others)]);
    const tapKinds = tapResults.map((r) => r.data.joinGroupBuy.__typename);
    expect(tapKinds.filter((k) => k === 'GroupBuyJoined')).toHaveLength(1);
    expect(tapKinds.filter((k) => k === 'AlreadyJoined')).toHaveLength(7);
    expect(otherResults.every((r) => r.data.joinGroupBuy.__typename === 'GroupBuyJoined')).toBe(true);
    for (const { joinGroupBuy } of [...otherResults.map((r) => r.data), tapResults.find((r) => r.data.joinGroupBuy.__typename === 'GroupBuyJoined')!.data]) {
      // Each answer shows the group-buy at least as full as its own number says, never more than all 40.
      expect(joinGroupBuy.groupBuy.soldQuantity).toBeGreaterThanOrEqual(joinGroupBuy.entry.seq);
      expect(joinGroupBuy.groupBuy.soldQuantity).toBeLessThanOrEqual(40);
      expect(joinGroupBuy.groupBuy.remaining).toBe(100 - joinGroupBuy.groupBuy.soldQuantity);
    }
    expect(await groupBuyLedger(gb.id)).toEqual({ stock: 100, sold: 40, liveQuantity: 40, participants: 40, liveEntries: 40, seqs: Array.from({ length: 40 }, (_, i) => i + 1) });
  });

  it('quantity changes, cancellations and joins racing over both processes keep the stock exact', async () => {
    const gb = await createGroupBuy(admin.client, communityId, groupBuyInput(new Date(), { stock: 30, perMemberLimit: 6 }));
    const holders = crowd.slice(0, 16);
    const joined = await Promise.all(holders.map((member) => member.client.data(JOIN_GROUP_BUY, { g: gb.id, q: 1, n: null, r: newRequestId() })));
    const work = holders.flatMap((member, i) => {
      const e = joined[i].joinGroupBuy.entry.id;
      const ops = i % 3 === 0 ? [CANCEL_ENTRY, UPDATE_ENTRY, UPDATE_ENTRY] : [UPDATE_ENTRY, UPDATE_ENTRY, UPDATE_ENTRY];
      return ops.map((query, k) => via(member, i + k).request(query, { e, q: [6, 2, 4][k] }));
    });
    const newcomers = crowd.slice(16).map((member, i) => via(member, i).request(JOIN_GROUP_BUY, { g: gb.id, q: 3, n: null, r: newRequestId() }));
    const results = await Promise.all([...work, ...newcomers]);
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    const ledger = await groupBuyLedger(gb.id);
    expect(ledger.liveQuantity).toBe(ledger.sold);
    expect(ledger.sold).toBeLessThanOrEqual(ledger.stock);
    expect(ledger.participants).toBe(ledger.liveEntries);
    expect(ledger.seqs).toEqual(Array.from({ length: ledger.seqs.length }, (_, i) => i + 1));
  });

  it('15 sign-ups to a capacity-5 form through both processes: 5 confirmed, 10 waitlisted 1..10', async () => {
    const form = (await admin.client.data(CREATE_SIGNUP_FORM, { c: communityId, i: signupFormInput({ capacity: 5 }) })).createSignupForm;
    const ids = form.fields.map((field: { id: string }) => field.id);
    const results = await Promise.all(crowd.slice(0, 15).map((member, i) => via(member, i).request(SUBMIT_SIGNUP, { f: form.id, a: signupAnswers(ids, member.name) })));
    const statuses = results.map((r) => r.data.submitSignup.submission.status);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(10);
    expect((await env.em().findOneOrFail(SignupForm, Number(form.id))).confirmedCount).toBe(5);
    const waiting = await env.em().find(SignupSubmission, { form: Number(form.id), status: SignupStatus.WAITLISTED }, { orderBy: { waitlistNo: 'asc' } });
    expect(waiting.map((s) => s.waitlistNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
