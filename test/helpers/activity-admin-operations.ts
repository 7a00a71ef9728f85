import type { EntityManager } from '@mikro-orm/knex';
import { GroupBuyEntry } from '../../server/src/groupbuy/group-buy-entry.entity';
import { GroupBuy } from '../../server/src/groupbuy/group-buy.entity';
import { Member } from '../../server/src/member/member.entity';
import { MemberRole, MemberStatus } from '../../server/src/member/member.enums';
import { Application } from '../../server/src/questionnaire/application.entity';
import { Questionnaire } from '../../server/src/questionnaire/questionnaire.entity';
import { SignupForm } from '../../server/src/signup/signup-form.entity';
import { SignupSubmission } from '../../server/src/signup/signup-submission.entity';
import {
  CREATE_SIGNUP_FORM,
  createGroupBuy,
  groupBuyInput,
  joinGroupBuy,
  questionnaireInput,
  SAVE_QUESTIONNAIRE,
  signupAnswers,
  signupFormInput,
  SUBMIT_APPLICATION,
  SUBMIT_SIGNUP,
} from './activities';
import type { AdminOperation } from './admin-operations';
import type { LoggedIn, TestEnvironment } from './test-env';

/** Rows of the home community the activity operations act on. */
export interface ActivityFixtures {
  groupBuyId?: string;
  draftGroupBuyId?: string;
  entryId?: string;
  formId?: string;
  applicationId?: string;
}

const GROUP_BUY_INPUT = `{ title: "越权改团", priceFen: 1, stock: 99, minParticipants: 1, startsAt: "2020-01-01T00:00:00Z", endsAt: "2099-01-01T00:00:00Z" }`;
const FORM_INPUT = `{ title: "越权改表", capacity: 99, waitlist: false, fields: [{ label: "姓名", type: TEXT, required: true }] }`;

/** Community activities' admin operations (questionnaire, group-buy, sign-up, exports), for the authorization suite. */
export const ACTIVITY_ADMIN_OPERATIONS: AdminOperation[] = [
  {
    name: 'saveQuestionnaire',
    query: `mutation ($c: ID!) { saveQuestionnaire(communityId: $c, input: { title: "越权问卷", passScore: 0, autoApprove: true, welcomePoints: 100000, questions: [{ type: TEXT, title: "随便", required: false }] }) { __typename } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  { name: 'applications', query: `query ($c: ID!) { applications(communityId: $c) { id } }`, variables: (t) => ({ c: t.communityId }) },
  {
    name: 'reviewApplication',
    query: `mutation ($a: ID!) { reviewApplication(applicationId: $a, approve: true) { __typename } }`,
    variables: (t) => ({ a: t.applicationId }),
  },
  {
    name: 'createGroupBuy',
    query: `mutation ($c: ID!) { createGroupBuy(communityId: $c, input: ${GROUP_BUY_INPUT}) { id } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'updateGroupBuy',
    query: `mutation ($g: ID!) { updateGroupBuy(groupBuyId: $g, input: ${GROUP_BUY_INPUT}) { __typename } }`,
    variables: (t) => ({ g: t.groupBuyId }),
  },
  { name: 'publishGroupBuy', query: `mutation ($g: ID!) { publishGroupBuy(groupBuyId: $g) { __typename } }`, variables: (t) => ({ g: t.draftGroupBuyId }) },
  { name: 'closeGroupBuy', query: `mutation ($g: ID!) { closeGroupBuy(groupBuyId: $g) { id } }`, variables: (t) => ({ g: t.groupBuyId }) },
  { name: 'cancelGroupBuy', query: `mutation ($g: ID!) { cancelGroupBuy(groupBuyId: $g) { id } }`, variables: (t) => ({ g: t.groupBuyId }) },
  {
    name: 'setEntryPickedUp',
    query: `mutation ($e: ID!) { setEntryPickedUp(entryId: $e, pickedUp: true) { __typename } }`,
    variables: (t) => ({ e: t.entryId }),
  },
  {
    name: 'exportGroupBuy',
    query: `mutation ($g: ID!) { exportGroupBuy(groupBuyId: $g, format: XLSX) { url } }`,
    variables: (t) => ({ g: t.groupBuyId }),
  },
  {
    name: 'createSignupForm',
    query: `mutation ($c: ID!) { createSignupForm(communityId: $c, input: ${FORM_INPUT}) { id } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'updateSignupForm',
    query: `mutation ($f: ID!) { updateSignupForm(formId: $f, input: ${FORM_INPUT}) { __typename } }`,
    variables: (t) => ({ f: t.formId }),
  },
  { name: 'closeSignupForm', query: `mutation ($f: ID!) { closeSignupForm(formId: $f) { id } }`, variables: (t) => ({ f: t.formId }) },
  { name: 'signupSubmissions', query: `query ($f: ID!) { signupSubmissions(formId: $f) { id } }`, variables: (t) => ({ f: t.formId }) },
  {
    name: 'exportSignupSubmissions',
    query: `mutation ($f: ID!) { exportSignupSubmissions(formId: $f, format: CSV) { url } }`,
    variables: (t) => ({ f: t.formId }),
  },
];

/**
 * An open group-buy with an entry, a draft, a form with a sign-up, a questionnaire and a pending
 * application, all in the home community, made by its owner and a member of its own.
 */
export async function prepareActivityFixtures(env: TestEnvironment, home: { owner: LoggedIn; communityId: string; joinCode: string }): Promise<ActivityFixtures> {
  const { owner, communityId, joinCode } = home;
  const buyer = await env.join('z-activity-buyer', joinCode);
  const now = new Date();
  const groupBuy = await createGroupBuy(owner.client, communityId, groupBuyInput(now));
  const draft = await createGroupBuy(owner.client, communityId, groupBuyInput(now, { draft: true }));
  const entry = await joinGroupBuy(buyer.client, groupBuy.id, 1);

  const form = (await owner.client.data(CREATE_SIGNUP_FORM, { c: communityId, i: signupFormInput() })).createSignupForm;
  await buyer.client.data(SUBMIT_SIGNUP, { f: form.id, a: signupAnswers(form.fields.map((f: { id: string }) => f.id), buyer.name) });

  // The home community is OPEN, so the applicant is made one directly in the database.
  const questionnaire = (await owner.client.data(SAVE_QUESTIONNAIRE, { c: communityId, i: questionnaireInput({ autoApprove: false }) })).saveQuestionnaire;
  const applicant = await env.login('z-activity-applicant');
  const em = env.em();
  em.create(Member, { community: Number(communityId), user: Number(applicant.userId), role: MemberRole.MEMBER, status: MemberStatus.APPLICANT });
  await em.flush();
  const application = (await applicant.client.data(SUBMIT_APPLICATION, {
    c: communityId,
    a: [{ questionId: questionnaire.questions[0].id, optionIds: [questionnaire.questions[0].options[2].id] }],
  })).submitApplication.application;

  return { groupBuyId: groupBuy.id, draftGroupBuyId: draft.id, entryId: entry.entry.id, formId: form.id, applicationId: application.id };
}

/** What an outsider's call must leave exactly as it was. */
export async function activitySnapshot(em: EntityManager): Promise<unknown> {
  const [groupBuys, entries, forms, submissions, applications, questionnaires] = await Promise.all([
    em.find(GroupBuy, {}, { orderBy: { id: 'asc' } }),
    em.find(GroupBuyEntry, {}, { orderBy: { id: 'asc' } }),
    em.find(SignupForm, {}, { orderBy: { id: 'asc' } }),
    em.find(SignupSubmission, {}, { orderBy: { id: 'asc' } }),
    em.find(Application, {}, { orderBy: { id: 'asc' } }),
    em.find(Questionnaire, {}, { orderBy: { id: 'asc' } }),
  ]);
  return {
    groupBuys: groupBuys.map((g) => [g.id, g.state, g.title, g.stock, g.soldQuantity, g.updatedAt.getTime()]),
    entries: entries.map((e) => [e.id, e.quantity, e.pickedUp, e.liveKey]),
    forms: forms.map((f) => [f.id, f.title, f.capacity, f.closedAt?.getTime() ?? null, f.updatedAt.getTime()]),
    submissions: submissions.map((s) => [s.id, s.status]),
    applications: applications.map((a) => [a.id, a.status]),
    questionnaires: questionnaires.map((q) => [q.id, q.title, q.updatedAt.getTime()]),
  };
}
