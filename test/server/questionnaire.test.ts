import { Member } from '../../server/src/member/member.entity';
import { MemberRole, MemberStatus } from '../../server/src/member/member.enums';
import { PointsEntry } from '../../server/src/points/points-entry.entity';
import { PointsEntryType } from '../../server/src/points/points.enums';
import { Application } from '../../server/src/questionnaire/application.entity';
import { Questionnaire } from '../../server/src/questionnaire/questionnaire.entity';
import { QUESTIONNAIRE, questionnaireInput, REVIEW_APPLICATION, SAVE_QUESTIONNAIRE, SUBMIT_APPLICATION } from '../helpers/activities';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

interface SavedQuestionnaire {
  questions: Array<{ id: string; title: string; options: Array<{ id: string; label: string }> }>;
}

describe('entry questionnaire', () => {
  let env: TestEnvironment;
  let admin: LoggedIn;
  let communityId: string;
  let joinCode: string;
  let saved: SavedQuestionnaire;
  let applicantCount = 0;

  beforeAll(async () => {
    env = await createTestEnvironment('questionnaire');
    ({ owner: admin, communityId, joinCode } = await env.createCommunity('q-owner', { joinPolicy: 'QUESTIONNAIRE' }));
    saved = (await admin.client.data(SAVE_QUESTIONNAIRE, { c: communityId, i: questionnaireInput() })).saveQuestionnaire;
  });
  afterAll(() => env.close());

  const applicant = async () => {
    applicantCount += 1;
    const joined = await env.join(`q-applicant-${applicantCount}`, joinCode);
    expect(joined.status).toBe('APPLICANT');
    return joined;
  };
  /** Option ids by question index and option index of the saved questionnaire. */
  const option = (question: number, index: number) => saved.questions[question].options[index].id;
  const question = (index: number) => saved.questions[index].id;
  const passingAnswers = () => [
    { questionId: question(0), optionIds: [option(0, 0)] },
    { questionId: question(1), optionIds: [option(1, 2), option(1, 1)] },
    { questionId: question(2), text: '  喜欢你们的燕麦拿铁  ' },
  ];
  const failingAnswers = () => [{ questionId: question(0), optionIds: [option(0, 2)] }];
  const submit = async (who: LoggedIn, answers: unknown[], community = communityId) =>
    (await who.client.data(SUBMIT_APPLICATION, { c: community, a: answers })).submitApplication;
  /** How an application was judged, as its community's admins see it (applicants never do). */
  const judged = async (who: LoggedIn, applicationId: string, community = communityId) => {
    const { applications } = await who.client.data(`query ($c: ID!) { applications(communityId: $c) { id score passed tags } }`, { c: community });
    const { id: _id, ...judgement } = applications.find((a: any) => a.id === applicationId);
    return judgement;
  };
  const UNJUDGED = { score: null, passed: null, tags: null };
  const review = async (who: LoggedIn, applicationId: string, approve: boolean, reason?: string) =>
    (await who.client.data(REVIEW_APPLICATION, { a: applicationId, ok: approve, r: reason ?? null })).reviewApplication;
  const welcomeRows = (memberId: string) => env.em().find(PointsEntry, { member: Number(memberId), type: PointsEntryType.WELCOME });

  it('admins see scores, tags and the pass score; applicants see only the questions', async () => {
    const asAdmin = (await admin.client.data(QUESTIONNAIRE, { c: communityId })).questionnaire;
    expect(asAdmin).toMatchObject({ title: '入群小问卷', passScore: 10, autoApprove: true, welcomePoints: 50 });
    expect(asAdmin.questions[0].options[0]).toMatchObject({ label: '到店消费过', score: 10, tags: ['老顾客'] });
    expect(asAdmin.questions[2]).toMatchObject({ type: 'TEXT', maxLength: 50, options: [] });

    const someone = await applicant();
    const asApplicant = (await someone.client.data(QUESTIONNAIRE, { c: communityId })).questionnaire;
    expect(asApplicant.passScore).toBeNull();
    expect(asApplicant.questions.flatMap((q: any) => q.options.map((o: any) => [o.score, o.tags]))).toEqual(Array(6).fill([null, null]));
    expect(asApplicant.questions.map((q: any) => q.title)).toEqual(['你是怎么知道我们的？', '你喜欢哪些咖啡？', '想对店长说的话']);

    const stranger = await env.login('q-stranger');
    expect((await stranger.client.request(QUESTIONNAIRE, { c: communityId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a pass with auto-approve: active at once, tags applied, welcome points in the ledger, answers snapshotted', async () => {
    const someone = await applicant();
    const result = await submit(someone, passingAnswers());
    expect(result.__typename).toBe('ApplicationSubmitted');
    expect(result.application).toMatchObject({ status: 'APPROVED', ...UNJUDGED });
    expect(await judged(admin, result.application.id)).toEqual({ score: 15, passed: true, tags: ['老顾客', '拿铁党', '手冲爱好者'] });
    expect(result.application.answers).toEqual([
      { questionId: question(0), questionTitle: '你是怎么知道我们的？', type: 'SINGLE_CHOICE', optionIds: [option(0, 0)], optionLabels: ['到店消费过'], text: null },
      { questionId: question(1), questionTitle: '你喜欢哪些咖啡？', type: 'MULTI_CHOICE', optionIds: [option(1, 1), option(1, 2)], optionLabels: ['拿铁', '手冲'], text: null },
      { questionId: question(2), questionTitle: '想对店长说的话', type: 'TEXT', optionIds: [], optionLabels: [], text: '喜欢你们的燕麦拿铁' },
    ]);
    expect(result.member).toMatchObject({ id: someone.memberId, status: 'ACTIVE', tags: ['老顾客', '拿铁党', '手冲爱好者'], points: 50 });
    const rows = await welcomeRows(someone.memberId);
    expect(rows.map((row) => [row.amount, row.balanceAfter, row.reference, row.note])).toEqual([[50, 50, `application:${result.application.id}`, '入群奖励']]);
    expect((await submit(someone, passingAnswers())).errorCode).toBe('ALREADY_MEMBER');
  });

  it('a fail stays pending; a second submission while pending is refused', async () => {
    const someone = await applicant();
    const result = await submit(someone, failingAnswers());
    expect(result.application).toMatchObject({ status: 'PENDING', ...UNJUDGED });
    expect(await judged(admin, result.application.id)).toEqual({ score: 0, passed: false, tags: [] });
    expect(result.member.status).toBe('APPLICANT');
    expect((await submit(someone, passingAnswers())).errorCode).toBe('APPLICATION_PENDING');
    // Applicants see their answers and status, never how they were judged.
    const mine = await someone.client.data(`query ($c: ID!) { myApplication(communityId: $c) { id status score passed tags } }`, { c: communityId });
    expect(mine.myApplication).toEqual({ id: result.application.id, status: 'PENDING', ...UNJUDGED });
  });

  it('admins list by status and approve: active, tagged, welcomed; a second decision is refused', async () => {
    const someone = await applicant();
    const pending = (await submit(someone, [{ questionId: question(0), optionIds: [option(0, 1)] }])).application;
    expect(pending).toMatchObject({ status: 'PENDING', ...UNJUDGED });
    expect(await judged(admin, pending.id)).toEqual({ score: 6, passed: false, tags: ['朋友推荐'] });
    const listed = await admin.client.data(`query ($c: ID!) { applications(communityId: $c, status: PENDING) { id member { id } } }`, { c: communityId });
    expect(listed.applications.map((a: any) => a.id)).toContain(pending.id);

    const approved = await review(admin, pending.id, true);
    expect(approved).toMatchObject({ __typename: 'ApplicationReviewed', application: { status: 'APPROVED', rejectReason: null }, member: { status: 'ACTIVE', tags: ['朋友推荐'], points: 50 } });
    expect(approved.application.reviewedAt).toEqual(expect.any(String));
    expect(await review(admin, pending.id, true)).toMatchObject({ __typename: 'ApplicationAlreadyReviewed', errorCode: 'APPLICATION_ALREADY_REVIEWED' });
    expect(await welcomeRows(someone.memberId)).toHaveLength(1);
    const audit = await admin.client.data(`query ($c: ID!) { auditLog(communityId: $c) { edges { node { action targetType targetId outcome } } } }`, { c: communityId });
    expect(audit.auditLog.edges.slice(0, 2).map((edge: { node: unknown }) => edge.node)).toEqual([
      { action: 'reviewApplication', targetType: 'application', targetId: pending.id, outcome: 'APPLICATION_ALREADY_REVIEWED' },
      { action: 'reviewApplication', targetType: 'application', targetId: pending.id, outcome: 'OK' },
    ]);
  });

  it('a rejection carries its reason; the applicant may answer again', async () => {
    const someone = await applicant();
    const first = (await submit(someone, failingAnswers())).application;
    const missingReason = await admin.client.request(REVIEW_APPLICATION, { a: first.id, ok: false, r: '  ' });
    expect(missingReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const rejected = await review(admin, first.id, false, '请先到店体验一次哦');
    expect(rejected).toMatchObject({ application: { status: 'REJECTED', rejectReason: '请先到店体验一次哦' }, member: { status: 'APPLICANT', tags: [] } });
    const mine = await someone.client.data(`query ($c: ID!) { myApplication(communityId: $c) { status rejectReason } }`, { c: communityId });
    expect(mine.myApplication).toEqual({ status: 'REJECTED', rejectReason: '请先到店体验一次哦' });

    const again = await submit(someone, passingAnswers());
    expect(again).toMatchObject({ application: { status: 'APPROVED' }, member: { status: 'ACTIVE', points: 50 } });
    expect(again.application.id).not.toBe(first.id);
    expect(await env.em().find(Application, { member: Number(someone.memberId) }, { orderBy: { attempt: 'asc' } }).then((rows) => rows.map((r) => [r.attempt, r.status]))).toEqual([
      [1, 'REJECTED'],
      [2, 'APPROVED'],
    ]);
  });

  it('a member who was removed applies anew and is admitted again, without a second welcome', async () => {
    const someone = await applicant();
    await submit(someone, passingAnswers());
    await admin.client.data(`mutation ($c: ID!, $m: ID!) { removeMember(communityId: $c, memberId: $m) { __typename } }`, { c: communityId, m: someone.memberId });
    const back = await someone.client.data(`mutation ($c: String!) { joinCommunity(joinCode: $c) { ... on JoinedCommunity { member { status } } } }`, { c: joinCode });
    expect(back.joinCommunity.member.status).toBe('APPLICANT');
    const again = await submit(someone, passingAnswers());
    expect(again).toMatchObject({ application: { status: 'APPROVED' }, member: { status: 'ACTIVE' } });
    expect(await welcomeRows(someone.memberId)).toHaveLength(1);
  });

  it('without auto-approve a pass waits for review; no welcome points when none are set', async () => {
    const other = await env.createCommunity('q-manual-owner', { joinPolicy: 'QUESTIONNAIRE' });
    const manual = (await other.owner.client.data(SAVE_QUESTIONNAIRE, { c: other.communityId, i: questionnaireInput({ autoApprove: false, welcomePoints: 0 }) })).saveQuestionnaire;
    const someone = await env.join('q-manual-applicant', other.joinCode);
    const result = await submit(someone, [{ questionId: manual.questions[0].id, optionIds: [manual.questions[0].options[0].id] }], other.communityId);
    expect(result.application).toMatchObject({ status: 'PENDING', ...UNJUDGED });
    expect(await judged(other.owner, result.application.id, other.communityId)).toMatchObject({ passed: true, score: 10 });
    const approved = await review(other.owner, result.application.id, true);
    expect(approved.member).toMatchObject({ status: 'ACTIVE', points: 0 });
    expect(await welcomeRows(someone.memberId)).toEqual([]);
  });

  it('answers keep the questions they answered when the questionnaire changes; named ids are kept', async () => {
    const someone = await applicant();
    const before = (await submit(someone, failingAnswers())).application;
    const edited = questionnaireInput() as { questions: Array<Record<string, any>> };
    edited.questions = edited.questions.map((q, qi) => ({
      ...q,
      id: saved.questions[qi].id,
      title: qi === 0 ? '从哪里认识我们？' : q.title,
      options: q.options?.map((o: Record<string, unknown>, oi: number) => ({ ...o, id: saved.questions[qi].options[oi].id, label: qi === 0 && oi === 2 ? '随便逛逛' : o.label })),
    }));
    const resaved = (await admin.client.data(SAVE_QUESTIONNAIRE, { c: communityId, i: edited })).saveQuestionnaire;
    expect(resaved.questions.map((q: any) => q.id)).toEqual(saved.questions.map((q) => q.id));
    expect(resaved.questions[0].options.map((o: any) => o.id)).toEqual(saved.questions[0].options.map((o) => o.id));
    expect(await env.em().count(Questionnaire, { community: Number(communityId) })).toBe(1);

    const listed = await admin.client.data(`query ($c: ID!) { applications(communityId: $c) { id answers { questionTitle optionLabels } } }`, { c: communityId });
    expect(listed.applications.find((a: any) => a.id === before.id).answers).toEqual([{ questionTitle: '你是怎么知道我们的？', optionLabels: ['路过看到'] }]);
    // Back to the original wording for the tests below.
    await admin.client.data(SAVE_QUESTIONNAIRE, { c: communityId, i: { ...questionnaireInput(), questions: (questionnaireInput().questions as Array<Record<string, any>>).map((q, qi) => ({ ...q, id: saved.questions[qi].id, options: q.options?.map((o: Record<string, unknown>, oi: number) => ({ ...o, id: saved.questions[qi].options[oi].id })) })) } });
  });

  it('who may submit and review', async () => {
    const member = await env.join('q-plain-member', (await env.createCommunity('q-open-owner')).joinCode);
    expect((await submit(member, [], (await member.client.data(`{ myMemberships { community { id } } }`)).myMemberships[0].community.id)).errorCode).toBe('ALREADY_MEMBER');
    const stranger = await env.login('q-outsider');
    expect((await submit(stranger, passingAnswers())).errorCode).toBe('NOT_ACTIVE_MEMBER');
    const bare = await env.createCommunity('q-bare-owner', { joinPolicy: 'QUESTIONNAIRE' });
    const waiting = await env.join('q-bare-applicant', bare.joinCode);
    expect((await submit(waiting, [], bare.communityId)).errorCode).toBe('QUESTIONNAIRE_MISSING');
    expect((await waiting.client.data(QUESTIONNAIRE, { c: bare.communityId })).questionnaire).toBeNull();

    const someone = await applicant();
    const pending = (await submit(someone, failingAnswers())).application;
    const activeMember = await applicant();
    await submit(activeMember, passingAnswers());
    for (const caller of [someone, activeMember]) {
      expect((await caller.client.request(REVIEW_APPLICATION, { a: pending.id, ok: true, r: null })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await caller.client.request(`query ($c: ID!) { applications(communityId: $c) { id } }`, { c: communityId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await env.em().findOneOrFail(Application, Number(pending.id))).status).toBe('PENDING');
  });

  describe('every answer is checked against its question', () => {
    it.each([
      ['an unknown question', () => [...passingAnswers(), { questionId: 'q-nope', optionIds: [] }], () => 'q-nope', '问卷已更新，请刷新后重新作答'],
      ['a missing required question', () => passingAnswers().slice(1), () => question(0), '请回答「你是怎么知道我们的？」'],
      ['two options for a single choice', () => [{ questionId: question(0), optionIds: [option(0, 0), option(0, 1)] }], () => question(0), '「你是怎么知道我们的？」只能选一项'],
      ['an option of another question', () => [{ questionId: question(0), optionIds: [option(1, 0)] }], () => question(0), '「你是怎么知道我们的？」的选项不存在，请刷新后重新作答'],
      ['a repeated option', () => [...failingAnswers(), { questionId: question(1), optionIds: [option(1, 0), option(1, 0)] }], () => question(1), '「你喜欢哪些咖啡？」的选项重复了'],
      ['a text over its length', () => [...failingAnswers(), { questionId: question(2), text: '字'.repeat(51) }], () => question(2), '「想对店长说的话」最多 50 个字'],
      ['text on a choice question', () => [{ questionId: question(0), text: '到店' }], () => question(0), '「你是怎么知道我们的？」是选择题，请选择选项'],
      ['options on a text question', () => [...failingAnswers(), { questionId: question(2), optionIds: [option(0, 0)] }], () => question(2), '「想对店长说的话」是文字题，请直接填写'],
      ['the same question twice', () => [...failingAnswers(), ...failingAnswers()], () => question(0), '「你是怎么知道我们的？」回答了两次'],
    ])('%s → InvalidAnswer naming the question', async (_label, answers, questionId, message) => {
      const someone = await applicant();
      expect(await submit(someone, answers())).toEqual({ __typename: 'InvalidAnswer', errorCode: 'INVALID_ANSWER', questionId: questionId(), message });
      expect(await env.em().count(Application, { member: Number(someone.memberId) })).toBe(0);
    });

    it('malformed arguments are GraphQL input errors', async () => {
      const someone = await applicant();
      for (const variables of [
        { c: 'abc', a: [] },
        { c: communityId, a: [{ questionId: question(2), text: '长'.repeat(2001) }] },
        { c: communityId, a: Array.from({ length: 31 }, () => ({ questionId: question(0), optionIds: [] })) },
      ]) {
        const result = await someone.client.request(SUBMIT_APPLICATION, variables);
        expect(result.status).toBeLessThan(500);
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      for (const variables of [{ a: 'x', ok: true }, { a: '1', ok: false, r: '长'.repeat(201) }]) {
        expect((await admin.client.request(REVIEW_APPLICATION, variables)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('admins get clear refusals for bad questionnaires', () => {
    const base = () => questionnaireInput() as { questions: Array<Record<string, unknown>> } & Record<string, unknown>;
    const choice = (options: unknown[]) => ({ type: 'SINGLE_CHOICE', title: '题目', required: true, options });
    it.each([
      ['no questions', () => ({ ...base(), questions: [] })],
      ['a blank title', () => ({ ...base(), title: '  ' })],
      ['negative welcome points', () => ({ ...base(), welcomePoints: -1 })],
      ['a choice question with one option', () => ({ ...base(), questions: [choice([{ label: 'A', score: 1 }])] })],
      ['repeated option labels', () => ({ ...base(), questions: [choice([{ label: 'A', score: 1 }, { label: 'A', score: 2 }])] })],
      ['an option score out of range', () => ({ ...base(), questions: [choice([{ label: 'A', score: 1001 }, { label: 'B', score: 0 }])] })],
      ['options on a text question', () => ({ ...base(), questions: [{ type: 'TEXT', title: '说点什么', required: false, options: [{ label: 'A', score: 1 }] }] })],
      ['a length limit on a choice question', () => ({ ...base(), questions: [{ ...choice([{ label: 'A', score: 1 }, { label: 'B', score: 0 }]), maxLength: 10 }] })],
      ['a tag over 12 characters', () => ({ ...base(), questions: [choice([{ label: 'A', score: 1, tags: ['标'.repeat(13)] }, { label: 'B', score: 0 }])] })],
      ['31 questions', () => ({ ...base(), questions: Array.from({ length: 31 }, (_, i) => ({ type: 'TEXT', title: `第${i}题`, required: false })) })],
    ])('saveQuestionnaire with %s', async (_label, input) => {
      const before = await env.em().findOneOrFail(Questionnaire, { community: Number(communityId) });
      const result = await admin.client.request(SAVE_QUESTIONNAIRE, { c: communityId, i: input() });
      expect(result.status).toBeLessThan(500);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await env.em().findOneOrFail(Questionnaire, { community: Number(communityId) })).updatedAt).toEqual(before.updatedAt);
    });
  });

  describeOnMySql('under concurrency (MariaDB)', () => {
    it("an applicant's 10 simultaneous submissions make one application and one welcome", async () => {
      const someone = await applicant();
      const results = await Promise.all(Array.from({ length: 10 }, () => submit(someone, passingAnswers())));
      expect(results.filter((r) => r.__typename === 'ApplicationSubmitted')).toHaveLength(1);
      expect(results.filter((r) => r.__typename !== 'ApplicationSubmitted').every((r) => ['ALREADY_MEMBER', 'APPLICATION_PENDING'].includes(r.errorCode))).toBe(true);
      expect(await env.em().count(Application, { member: Number(someone.memberId) })).toBe(1);
      expect(await welcomeRows(someone.memberId)).toHaveLength(1);
      expect((await env.em().findOneOrFail(Member, Number(someone.memberId))).points).toBe(50);
    });

    it('two admins approving at once admit once', async () => {
      const { owner, communityId: cid, joinCode: code } = await env.createCommunity('q-race-owner', { joinPolicy: 'QUESTIONNAIRE' });
      const q = (await owner.client.data(SAVE_QUESTIONNAIRE, { c: cid, i: questionnaireInput({ autoApprove: false }) })).saveQuestionnaire;
      const coAdmin = await env.join('q-race-admin', code);
      await env.em().nativeUpdate(Member, { id: Number(coAdmin.memberId) }, { status: MemberStatus.ACTIVE, role: MemberRole.ADMIN });
      const someone = await env.join('q-race-applicant', code);
      const pending = (await submit(someone, [{ questionId: q.questions[0].id, optionIds: [q.questions[0].options[0].id] }], cid)).application;
      const decisions = await Promise.all([owner, coAdmin, owner, coAdmin].map((who) => review(who, pending.id, true)));
      expect(decisions.filter((d) => d.__typename === 'ApplicationReviewed')).toHaveLength(1);
      expect(await welcomeRows(someone.memberId)).toHaveLength(1);
    });
  });
});
