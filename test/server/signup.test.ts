import { ManualClock } from '../../server/src/common/clock';
import { SignupForm } from '../../server/src/signup/signup-form.entity';
import { SignupSubmission } from '../../server/src/signup/signup-submission.entity';
import {
  CANCEL_SIGNUP,
  CREATE_SIGNUP_FORM,
  HOUR,
  SIGNUP_FORM,
  SIGNUP_SUBMISSIONS,
  signupAnswers,
  signupFormInput,
  SUBMIT_SIGNUP,
} from '../helpers/activities';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

type Joined = LoggedIn & { memberId: string };
type Form = { id: string; fields: Array<{ id: string; label: string; type: string }> };

describe('sign-up forms', () => {
  let env: TestEnvironment;
  const clock = new ManualClock(new Date());
  let admin: LoggedIn;
  let communityId: string;
  let joinCode: string;
  let people: Joined[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('signup', { clock });
    ({ owner: admin, communityId, joinCode } = await env.createCommunity('s-owner'));
    people = await env.joinCrowd('s-member', joinCode, 16);
  });
  afterAll(() => env.close());

  const createForm = async (overrides: Record<string, unknown> = {}): Promise<Form> =>
    (await admin.client.data(CREATE_SIGNUP_FORM, { c: communityId, i: signupFormInput(overrides) })).createSignupForm;
  const ids = (form: Form) => form.fields.map((field) => field.id);
  const submit = async (who: LoggedIn, form: Form, overrides: Record<number, Record<string, unknown>> = {}) =>
    (await who.client.data(SUBMIT_SIGNUP, { f: form.id, a: signupAnswers(ids(form), who.name, overrides) })).submitSignup;
  const cancel = async (who: LoggedIn, form: Form) => (await who.client.data(CANCEL_SIGNUP, { f: form.id })).cancelSignup;

  async function stored(formId: string) {
    const em = env.em();
    const form = await em.findOneOrFail(SignupForm, Number(formId));
    const rows = await em.find(SignupSubmission, { form: form.id }, { orderBy: { id: 'asc' } });
    const live = rows.filter((row) => row.liveKey === 1);
    return {
      confirmedCount: form.confirmedCount,
      confirmed: live.filter((row) => row.status === 'CONFIRMED').map((row) => row.member.id),
      waitlisted: live.filter((row) => row.status === 'WAITLISTED').sort((a, b) => a.waitlistNo! - b.waitlistNo!).map((row) => row.member.id),
      capacity: form.capacity,
    };
  }

  it('an admin builds a form; members see its fields, capacity and no submission yet', async () => {
    const form = await createForm();
    const seen = (await people[0].client.data(SIGNUP_FORM, { id: form.id })).signupForm;
    expect(seen).toMatchObject({ title: '周末咖啡拉花体验课', capacity: 5, waitlist: true, status: 'OPEN', confirmedCount: 0, waitlistCount: 0, mySubmission: null });
    expect(seen.fields.map((f: any) => [f.label, f.type, f.required, f.options])).toEqual([
      ['姓名', 'TEXT', true, []],
      ['手机号', 'PHONE', true, []],
      ['人数', 'NUMBER', true, []],
      ['场次', 'SINGLE_CHOICE', true, ['上午场', '下午场']],
      ['感兴趣的', 'MULTI_CHOICE', false, ['拉花', '手冲', '烘焙']],
      ['到店日期', 'DATE', false, []],
      ['想说的话', 'TEXTAREA', false, []],
    ]);
    const list = await people[0].client.data(`query ($c: ID!) { signupForms(communityId: $c) { id } }`, { c: communityId });
    expect(list.signupForms.map((f: any) => f.id)).toContain(form.id);
  });

  it('within capacity → CONFIRMED, beyond → WAITLISTED with a position; an edit keeps the status', async () => {
    const form = await createForm({ capacity: 1 });
    const first = await submit(people[0], form);
    expect(first).toMatchObject({ __typename: 'SignupSubmitted', submission: { status: 'CONFIRMED', position: null }, form: { confirmedCount: 1, waitlistCount: 0 } });
    expect(first.submission.answers).toEqual([
      { fieldId: ids(form)[0], label: '姓名', value: people[0].name, values: null },
      { fieldId: ids(form)[1], label: '手机号', value: '13800138000', values: null },
      { fieldId: ids(form)[2], label: '人数', value: '2', values: null },
      { fieldId: ids(form)[3], label: '场次', value: '上午场', values: null },
      { fieldId: ids(form)[4], label: '感兴趣的', value: null, values: ['拉花', '手冲'] },
      { fieldId: ids(form)[5], label: '到店日期', value: '2026-12-05', values: null },
      { fieldId: ids(form)[6], label: '想说的话', value: '第一次来', values: null },
    ]);
    const second = await submit(people[1], form);
    expect(second).toMatchObject({ submission: { status: 'WAITLISTED', position: 1 }, form: { confirmedCount: 1, waitlistCount: 1 } });
    const third = await submit(people[2], form);
    expect(third.submission.position).toBe(2);

    const edited = await submit(people[1], form, { 3: { value: '下午场' }, 6: { value: '改成下午' } });
    expect(edited).toMatchObject({ submission: { id: second.submission.id, status: 'WAITLISTED', position: 1 } });
    expect(edited.submission.answers.find((a: any) => a.label === '场次').value).toBe('下午场');
    const mine = (await people[2].client.data(SIGNUP_FORM, { id: form.id })).signupForm.mySubmission;
    expect(mine).toMatchObject({ status: 'WAITLISTED', position: 2 });
    expect(await env.em().count(SignupSubmission, { form: Number(form.id) })).toBe(3);
  });

  it('a confirmed cancellation promotes the first waiting; a waitlisted one leaves the line; both may sign up again', async () => {
    const form = await createForm({ capacity: 2 });
    for (const who of people.slice(0, 5)) await submit(who, form);
    expect(await stored(form.id)).toMatchObject({ confirmedCount: 2, confirmed: [people[0], people[1]].map((p) => Number(p.memberId)) });

    expect(await cancel(people[0], form)).toMatchObject({ __typename: 'SignupCancelled', form: { confirmedCount: 2, waitlistCount: 2 } });
    expect((await people[2].client.data(SIGNUP_FORM, { id: form.id })).signupForm.mySubmission).toMatchObject({ status: 'CONFIRMED', position: null });
    expect((await people[4].client.data(SIGNUP_FORM, { id: form.id })).signupForm.mySubmission.position).toBe(2);

    expect((await cancel(people[3], form)).form).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
    expect((await people[4].client.data(SIGNUP_FORM, { id: form.id })).signupForm.mySubmission.position).toBe(1);
    expect((await cancel(people[3], form)).errorCode).toBe('NOT_SIGNED_UP');
    expect((await people[3].client.data(SIGNUP_FORM, { id: form.id })).signupForm.mySubmission.status).toBe('CANCELLED');

    const back = await submit(people[0], form);
    expect(back.submission).toMatchObject({ status: 'WAITLISTED', position: 2 });
    expect(await stored(form.id)).toMatchObject({
      confirmedCount: 2,
      confirmed: [people[1], people[2]].map((p) => Number(p.memberId)),
      waitlisted: [people[4], people[0]].map((p) => Number(p.memberId)),
    });

    await cancel(people[1], form);
    await cancel(people[2], form);
    await cancel(people[4], form);
    // The last confirmed seat empties with nobody waiting: the count goes down.
    expect(await cancel(people[0], form)).toMatchObject({ form: { confirmedCount: 0, waitlistCount: 0 } });
  });

  it('without a waitlist the extra ones get FormFull', async () => {
    const form = await createForm({ capacity: 1, waitlist: false });
    await submit(people[0], form);
    expect(await submit(people[1], form)).toMatchObject({ __typename: 'FormFull', errorCode: 'FORM_FULL', message: '名额已满（1 人）' });
    expect(await env.em().count(SignupSubmission, { form: Number(form.id) })).toBe(1);
  });

  it('the deadline and an early close stop sign-ups, edits and cancellations with FormClosed', async () => {
    const deadline = new Date(clock.now().getTime() + HOUR);
    const form = await createForm({ deadline: deadline.toISOString() });
    await submit(people[0], form);
    clock.set(deadline);
    const late = await submit(people[1], form);
    expect(late).toMatchObject({ __typename: 'FormClosed', errorCode: 'FORM_CLOSED', message: '报名已截止' });
    expect((await submit(people[0], form)).errorCode).toBe('FORM_CLOSED');
    expect((await cancel(people[0], form)).errorCode).toBe('FORM_CLOSED');
    expect((await people[0].client.data(SIGNUP_FORM, { id: form.id })).signupForm.status).toBe('CLOSED');
    clock.set(new Date());

    const early = await createForm();
    await submit(people[0], early);
    const closed = await admin.client.data(`mutation ($f: ID!) { closeSignupForm(formId: $f) { status } }`, { f: early.id });
    expect(closed.closeSignupForm.status).toBe('CLOSED');
    expect((await submit(people[1], early)).message).toBe('报名已结束');
    expect((await cancel(people[0], early)).errorCode).toBe('FORM_CLOSED');
  });

  it('admins list submissions in order and edit the form; more seats promote the waitlist; fewer than taken are refused', async () => {
    const form = await createForm({ capacity: 1 });
    for (const who of people.slice(0, 4)) await submit(who, form);
    const list = (await admin.client.data(SIGNUP_SUBMISSIONS, { f: form.id })).signupSubmissions;
    expect(list.map((s: any) => [s.member.id, s.status, s.position])).toEqual([
      [people[0].memberId, 'CONFIRMED', null],
      [people[1].memberId, 'WAITLISTED', 1],
      [people[2].memberId, 'WAITLISTED', 2],
      [people[3].memberId, 'WAITLISTED', 3],
    ]);
    expect((await admin.client.data(SIGNUP_SUBMISSIONS, { f: form.id, s: 'WAITLISTED' })).signupSubmissions).toHaveLength(3);

    const UPDATE = `mutation ($f: ID!, $i: SignupFormInput!) {
      updateSignupForm(formId: $f, input: $i) {
        ... on SignupFormSaved { form { capacity confirmedCount waitlistCount fields { id label } } }
        ... on CapacityBelowConfirmed { errorCode message confirmedCount }
      }
    }`;
    const renamed = signupFormInput({ capacity: 3 }) as { fields: Array<Record<string, unknown>> };
    renamed.fields = renamed.fields.map((field, i) => ({ ...field, id: ids(form)[i], ...(i === 0 ? { label: '真实姓名' } : {}) }));
    const updated = (await admin.client.data(UPDATE, { f: form.id, i: renamed })).updateSignupForm.form;
    expect(updated).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistCount: 1 });
    expect(updated.fields.map((f: any) => f.id)).toEqual(ids(form));
    const after = (await admin.client.data(SIGNUP_SUBMISSIONS, { f: form.id })).signupSubmissions;
    expect(after.map((s: any) => [s.member.id, s.status])).toEqual([
      [people[0].memberId, 'CONFIRMED'],
      [people[1].memberId, 'CONFIRMED'],
      [people[2].memberId, 'CONFIRMED'],
      [people[3].memberId, 'WAITLISTED'],
    ]);
    // Submissions keep the label they answered.
    expect(after[0].answers[0]).toMatchObject({ fieldId: ids(form)[0], label: '姓名' });

    const shrink = await admin.client.data(UPDATE, { f: form.id, i: { ...renamed, capacity: 2 } });
    expect(shrink.updateSignupForm).toEqual({ errorCode: 'CAPACITY_BELOW_CONFIRMED', message: '名额不能少于已报名的 3 人', confirmedCount: 3 });
    expect((await admin.client.data(SIGNUP_FORM, { id: form.id })).signupForm).toMatchObject({ capacity: 3 });
  });

  it('only active members of the community read and sign up', async () => {
    const form = await createForm();
    const stranger = await env.login('s-stranger');
    expect((await stranger.client.data(SIGNUP_FORM, { id: form.id })).signupForm).toBeNull();
    expect((await stranger.client.request(`query ($c: ID!) { signupForms(communityId: $c) { id } }`, { c: communityId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stranger.client.data(SUBMIT_SIGNUP, { f: form.id, a: signupAnswers(ids(form), 'x') })).submitSignup.errorCode).toBe('FORM_NOT_FOUND');
    const screened = await env.createCommunity('s-screened', { joinPolicy: 'QUESTIONNAIRE' });
    const screenedForm = (await screened.owner.client.data(CREATE_SIGNUP_FORM, { c: screened.communityId, i: signupFormInput() })).createSignupForm;
    const applicant = await env.join('s-applicant', screened.joinCode);
    expect((await applicant.client.data(SUBMIT_SIGNUP, { f: screenedForm.id, a: signupAnswers(ids(screenedForm), 'x') })).submitSignup.errorCode).toBe('NOT_ACTIVE_MEMBER');
    expect((await people[0].client.request(SIGNUP_SUBMISSIONS, { f: form.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('every answer is checked against its field', () => {
    let form: Form;
    beforeAll(async () => {
      form = await createForm({ capacity: 100 });
    });

    it.each([
      ['a missing required name', { 0: { value: '  ' } }, 0, '请填写「姓名」'],
      ['a phone with 10 digits', { 1: { value: '1380013800' } }, 1, '「手机号」请填写 11 位中国大陆手机号'],
      ['a phone not starting with 1', { 1: { value: '23800138000' } }, 1, '「手机号」请填写 11 位中国大陆手机号'],
      ['a landline with letters', { 1: { value: '010-ABCDEFG' } }, 1, '「手机号」请填写 11 位中国大陆手机号'],
      ['a number that is not one', { 2: { value: '两个' } }, 2, '「人数」请填写数字'],
      ['an option that does not exist', { 3: { value: '夜场' } }, 3, '「场次」请从给出的选项中选择'],
      ['two options for a single choice', { 3: { value: null, values: ['上午场', '下午场'] } }, 3, '「场次」只能选一项'],
      ['a missing required choice', { 3: { value: null } }, 3, '请选择「场次」'],
      ['a multi-choice option that does not exist', { 4: { values: ['拉花', '潜水'] } }, 4, '「感兴趣的」请从给出的选项中选择'],
      ['a repeated multi-choice option', { 4: { values: ['拉花', '拉花'] } }, 4, '「感兴趣的」的选项重复了'],
      ['an impossible date', { 5: { value: '2026-02-30' } }, 5, '「到店日期」请填写正确的日期，例如 2026-05-01'],
      ['a date in another format', { 5: { value: '2026/12/05' } }, 5, '「到店日期」请填写正确的日期，例如 2026-05-01'],
      ['a name over 100 characters', { 0: { value: '名'.repeat(101) } }, 0, '「姓名」最多 100 个字'],
      ['a long text over 1000 characters', { 6: { value: '长'.repeat(1001) } }, 6, '「想说的话」最多 1000 个字'],
      ['several values for a text', { 0: { values: ['a', 'b'] } }, 0, '「姓名」只能填写一个值'],
    ])('%s → InvalidSignupAnswer naming the field', async (_label, overrides, fieldIndex, message) => {
      const result = await submit(people[5], form, overrides as Record<number, Record<string, unknown>>);
      expect(result).toEqual({ __typename: 'InvalidSignupAnswer', errorCode: 'INVALID_SIGNUP_ANSWER', fieldId: ids(form)[fieldIndex], message });
      expect(await env.em().count(SignupSubmission, { form: Number(form.id) })).toBe(0);
    });

    it('an unknown or repeated field is refused; optional fields may be left out', async () => {
      const unknown = await people[5].client.data(SUBMIT_SIGNUP, { f: form.id, a: [...signupAnswers(ids(form), 'x'), { fieldId: 'nope', value: 'x' }] });
      expect(unknown.submitSignup).toMatchObject({ errorCode: 'INVALID_SIGNUP_ANSWER', fieldId: 'nope' });
      const twice = await people[5].client.data(SUBMIT_SIGNUP, { f: form.id, a: [...signupAnswers(ids(form), 'x'), { fieldId: ids(form)[0], value: 'y' }] });
      expect(twice.submitSignup).toMatchObject({ fieldId: ids(form)[0], message: '「姓名」填写了两次' });
      const minimal = signupAnswers(ids(form), '最少').slice(0, 4);
      const ok = await people[5].client.data(SUBMIT_SIGNUP, { f: form.id, a: minimal });
      expect(ok.submitSignup.submission.answers.map((a: any) => a.label)).toEqual(['姓名', '手机号', '人数', '场次']);
    });

    it('malformed arguments are GraphQL input errors', async () => {
      for (const variables of [
        { f: 'abc', a: [] },
        { f: form.id, a: [{ fieldId: ids(form)[0], value: 'x'.repeat(2001) }] },
        { f: form.id, a: Array.from({ length: 31 }, () => ({ fieldId: ids(form)[0], value: 'x' })) },
      ]) {
        const result = await people[6].client.request(SUBMIT_SIGNUP, variables);
        expect(result.status).toBeLessThan(500);
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect((await people[6].client.request(CANCEL_SIGNUP, { f: '0' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('admins get clear refusals for bad forms', () => {
    const base = () => signupFormInput() as { fields: Array<Record<string, unknown>> } & Record<string, unknown>;
    it.each([
      ['no fields', () => ({ ...base(), fields: [] })],
      ['a blank title', () => ({ ...base(), title: '   ' })],
      ['a title over 40 characters', () => ({ ...base(), title: '长'.repeat(41) })],
      ['zero capacity', () => ({ ...base(), capacity: 0 })],
      ['a deadline in the past', () => ({ ...base(), deadline: new Date(clock.now().getTime() - 1000).toISOString() })],
      ['a choice field with one option', () => ({ ...base(), fields: [{ label: '场次', type: 'SINGLE_CHOICE', required: true, options: ['上午'] }] })],
      ['repeated options', () => ({ ...base(), fields: [{ label: '场次', type: 'MULTI_CHOICE', required: true, options: ['上午', '上午'] }] })],
      ['options on a text field', () => ({ ...base(), fields: [{ label: '姓名', type: 'TEXT', required: true, options: ['a'] }] })],
      ['two fields with one label', () => ({ ...base(), fields: [{ label: '姓名', type: 'TEXT', required: true }, { label: '姓名', type: 'PHONE', required: true }] })],
      ['a field type that does not exist', () => ({ ...base(), fields: [{ label: '姓名', type: 'EMAIL', required: true }] })],
      ['31 fields', () => ({ ...base(), fields: Array.from({ length: 31 }, (_, i) => ({ label: `问题${i}`, type: 'TEXT', required: false })) })],
    ])('createSignupForm with %s', async (_label, input) => {
      const before = await env.em().count(SignupForm, {});
      const result = await admin.client.request(`mutation ($c: ID!, $i: SignupFormInput!) { createSignupForm(communityId: $c, input: $i) { id } }`, { c: communityId, i: input() });
      expect(result.status).toBeLessThan(500);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await env.em().count(SignupForm, {})).toBe(before);
    });

    it('updateSignupForm, closeSignupForm, signupSubmissions, exportSignupSubmissions with malformed ids', async () => {
      for (const [query, variables] of [
        [`mutation ($f: ID!, $i: SignupFormInput!) { updateSignupForm(formId: $f, input: $i) { __typename } }`, { f: 'x', i: signupFormInput() }],
        [`mutation ($f: ID!) { closeSignupForm(formId: $f) { id } }`, { f: '-2' }],
        [`query ($f: ID!) { signupSubmissions(formId: $f) { id } }`, { f: '1.5' }],
        [`mutation ($f: ID!) { exportSignupSubmissions(formId: $f, format: CSV) { url } }`, { f: '' }],
      ] as const) {
        const result = await admin.client.request(query, variables);
        expect(result.status).toBeLessThan(500);
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  describeOnMySql('under concurrency (MariaDB)', () => {
    it('15 simultaneous sign-ups to a capacity-5 form: 5 confirmed, 10 waitlisted 1..10 in order; a cancellation promotes the first', async () => {
      const form = await createForm({ capacity: 5 });
      const crowd = people.slice(0, 15);
      const results = await Promise.all(crowd.map((who) => submit(who, form)));
      expect(results.every((r) => r.__typename === 'SignupSubmitted')).toBe(true);
      const confirmed = results.filter((r) => r.submission.status === 'CONFIRMED');
      const waiting = results.filter((r) => r.submission.status === 'WAITLISTED');
      expect(confirmed).toHaveLength(5);
      expect(waiting).toHaveLength(10);
      const state = await stored(form.id);
      expect(state.confirmedCount).toBe(5);
      expect(state.confirmed).toHaveLength(5);

      // Positions follow the order the database took them in (waitlist numbers), 1..10 without gaps.
      const list = (await admin.client.data(SIGNUP_SUBMISSIONS, { f: form.id, s: 'WAITLISTED' })).signupSubmissions;
      expect(list.map((s: any) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(list.map((s: any) => Number(s.member.id))).toEqual(state.waitlisted);
      const firstWaiting = crowd.find((who) => Number(who.memberId) === state.waitlisted[0])!;
      const secondWaiting = crowd.find((who) => Number(who.memberId) === state.waitlisted[1])!;

      const leaver = crowd.find((who) => Number(who.memberId) === state.confirmed[0])!;
      await cancel(leaver, form);
      expect((await firstWaiting.client.data(SIGNUP_FORM, { id: form.id })).signupForm.mySubmission).toMatchObject({ status: 'CONFIRMED' });
      expect((await secondWaiting.client.data(SIGNUP_FORM, { id: form.id })).signupForm.mySubmission).toMatchObject({ status: 'WAITLISTED', position: 1 });
      expect(await stored(form.id)).toMatchObject({ confirmedCount: 5, waitlisted: state.waitlisted.slice(1) });
    });

    it('without a waitlist, 15 at once: 5 confirmed, 10 FormFull', async () => {
      const form = await createForm({ capacity: 5, waitlist: false });
      const results = await Promise.all(people.slice(0, 15).map((who) => submit(who, form)));
      expect(results.filter((r) => r.__typename === 'SignupSubmitted')).toHaveLength(5);
      expect(results.filter((r) => r.__typename === 'FormFull')).toHaveLength(10);
      expect(await stored(form.id)).toMatchObject({ confirmedCount: 5 });
      expect(await env.em().count(SignupSubmission, { form: Number(form.id) })).toBe(5);
    });

    it('simultaneous cancellations and sign-ups never exceed the capacity and promote in order', async () => {
      const form = await createForm({ capacity: 4 });
      for (const who of people.slice(0, 10)) await submit(who, form);
      const before = await stored(form.id);
      const leavers = people.filter((who) => before.confirmed.includes(Number(who.memberId)));
      const waitingLeaver = people.find((who) => Number(who.memberId) === before.waitlisted[5])!;
      await Promise.all([
        ...leavers.slice(0, 3).map((who) => cancel(who, form)),
        cancel(waitingLeaver, form),
        ...people.slice(10, 15).map((who) => submit(who, form)),
        ...people.slice(0, 10).map((who) => submit(who, form, { 6: { value: '再提交一次' } })),
      ]);
      const after = await stored(form.id);
      expect(after.confirmedCount).toBe(after.confirmed.length);
      expect(after.confirmed.length).toBeLessThanOrEqual(4);
      // The three freed seats went to the first three still waiting, in order.
      const stillWaiting = before.waitlisted.filter((id) => id !== Number(waitingLeaver.memberId));
      expect(after.confirmed).toEqual(expect.arrayContaining(stillWaiting.slice(0, 3)));
      expect(after.confirmed).toHaveLength(4);
      expect(await env.em().count(SignupSubmission, { form: Number(form.id), liveKey: 1 })).toBe(after.confirmed.length + after.waitlisted.length);
    });
  });
});
