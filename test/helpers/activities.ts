import type { GraphQLClient } from './graphql-client';

/** GraphQL documents and small steps shared by the community-activity suites (issue 4). */

export const GROUP_BUY_FIELDS = `id title status outcome remaining stock soldQuantity participantCount started minParticipants perMemberLimit priceFen
  originalPriceFen images startsAt endsAt closedAt pickupNote
  entries { id seq quantity note pickedUp member { id nickname } }
  myEntry { id seq quantity note }`;

export const CREATE_GROUP_BUY = `mutation ($c: ID!, $i: GroupBuyInput!) { createGroupBuy(communityId: $c, input: $i) { ${GROUP_BUY_FIELDS} } }`;
export const GROUP_BUY = `query ($id: ID!) { groupBuy(id: $id) { ${GROUP_BUY_FIELDS} } }`;
export const GROUP_BUYS = `query ($c: ID!, $s: GroupBuyStatus) { groupBuys(communityId: $c, status: $s) { id title status } }`;

export const JOIN_GROUP_BUY = `mutation ($g: ID!, $q: Int!, $n: String, $r: String!) { joinGroupBuy(groupBuyId: $g, quantity: $q, note: $n, requestId: $r) {
  __typename
  ... on GroupBuyJoined { entry { id seq quantity note cancelledAt } groupBuy { remaining soldQuantity participantCount } }
  ... on AlreadyJoined { entry { id seq quantity } }
  ... on LimitReached { limit }
  ... on GroupBuyNotStarted { startsAt }
  ... on ErrorResult { errorCode message } } }`;

export const UPDATE_ENTRY = `mutation ($e: ID!, $q: Int!, $n: String) { updateGroupBuyEntry(entryId: $e, quantity: $q, note: $n) {
  __typename
  ... on GroupBuyEntryUpdated { entry { id seq quantity note } groupBuy { remaining soldQuantity } }
  ... on LimitReached { limit }
  ... on ErrorResult { errorCode message } } }`;

export const CANCEL_ENTRY = `mutation ($e: ID!) { cancelGroupBuyEntry(entryId: $e) {
  __typename ... on GroupBuyEntryCancelled { groupBuy { remaining soldQuantity participantCount } } ... on ErrorResult { errorCode message } } }`;

export const SAVE_GROUP_BUY_RESULT = `__typename ... on GroupBuySaved { groupBuy { id status stock title } } ... on StockBelowSold { soldQuantity } ... on ErrorResult { errorCode message }`;

let requestCounter = 0;
/** A fresh requestId, as the mini-program makes one per tap. */
export function newRequestId(): string {
  requestCounter += 1;
  return `req-${process.pid}-${Date.now().toString(36)}-${requestCounter}`;
}

export const HOUR = 3600 * 1000;

/** A group-buy input that opens at `now` and ends in a day, with overrides. */
export function groupBuyInput(now: Date, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '丹东草莓 3 斤装',
    description: '产地直发，坏果包赔',
    images: ['https://img.example.com/strawberry.jpg'],
    priceFen: 5990,
    originalPriceFen: 7990,
    stock: 10,
    perMemberLimit: null,
    minParticipants: 3,
    startsAt: new Date(now.getTime() - 60_000).toISOString(),
    endsAt: new Date(now.getTime() + 24 * HOUR).toISOString(),
    pickupNote: '周六 10:00-18:00 到店自提',
    ...overrides,
  };
}

export async function createGroupBuy(admin: GraphQLClient, communityId: string, input: Record<string, unknown>): Promise<any> {
  return (await admin.data(CREATE_GROUP_BUY, { c: communityId, i: input })).createGroupBuy;
}

export async function joinGroupBuy(client: GraphQLClient, groupBuyId: string, quantity: number, note?: string, requestId = newRequestId()): Promise<any> {
  return (await client.data(JOIN_GROUP_BUY, { g: groupBuyId, q: quantity, n: note ?? null, r: requestId })).joinGroupBuy;
}

// ─── sign-up forms ──────────────────────────────────────────────────────────────

export const SIGNUP_FORM_FIELDS = `id title description capacity waitlist deadline status confirmedCount waitlistCount
  fields { id label type required options }
  mySubmission { id status position answers { fieldId label value values } }`;

export const CREATE_SIGNUP_FORM = `mutation ($c: ID!, $i: SignupFormInput!) { createSignupForm(communityId: $c, input: $i) { ${SIGNUP_FORM_FIELDS} } }`;
export const SIGNUP_FORM = `query ($id: ID!) { signupForm(id: $id) { ${SIGNUP_FORM_FIELDS} } }`;

export const SUBMIT_SIGNUP = `mutation ($f: ID!, $a: [SignupAnswerInput!]!) { submitSignup(formId: $f, answers: $a) {
  __typename
  ... on SignupSubmitted { submission { id status position answers { fieldId label value values } } form { confirmedCount waitlistCount } }
  ... on InvalidSignupAnswer { fieldId }
  ... on ErrorResult { errorCode message } } }`;

export const CANCEL_SIGNUP = `mutation ($f: ID!) { cancelSignup(formId: $f) {
  __typename ... on SignupCancelled { form { confirmedCount waitlistCount } } ... on ErrorResult { errorCode message } } }`;

export const SIGNUP_SUBMISSIONS = `query ($f: ID!, $s: SignupStatus) { signupSubmissions(formId: $f, status: $s) {
  id status position submittedAt member { id nickname } answers { fieldId label value values } } }`;

/** An event form: name, phone, headcount, a session to choose, interests, a date. */
export function signupFormInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '周末咖啡拉花体验课',
    description: '每人 1 杯，材料店里准备',
    capacity: 5,
    waitlist: true,
    deadline: null,
    fields: [
      { label: '姓名', type: 'TEXT', required: true },
      { label: '手机号', type: 'PHONE', required: true },
      { label: '人数', type: 'NUMBER', required: true },
      { label: '场次', type: 'SINGLE_CHOICE', required: true, options: ['上午场', '下午场'] },
      { label: '感兴趣的', type: 'MULTI_CHOICE', required: false, options: ['拉花', '手冲', '烘焙'] },
      { label: '到店日期', type: 'DATE', required: false },
      { label: '想说的话', type: 'TEXTAREA', required: false },
    ],
    ...overrides,
  };
}

/** Valid answers to signupFormInput's fields (ids in the order of the form's fields). */
export function signupAnswers(fieldIds: string[], name: string, overrides: Record<number, Record<string, unknown>> = {}): Array<Record<string, unknown>> {
  const answers: Array<Record<string, unknown>> = [
    { fieldId: fieldIds[0], value: name },
    { fieldId: fieldIds[1], value: '13800138000' },
    { fieldId: fieldIds[2], value: '2' },
    { fieldId: fieldIds[3], value: '上午场' },
    { fieldId: fieldIds[4], values: ['拉花', '手冲'] },
    { fieldId: fieldIds[5], value: '2026-12-05' },
    { fieldId: fieldIds[6], value: '第一次来' },
  ];
  return answers.map((answer, index) => ({ ...answer, ...(overrides[index] ?? {}) }));
}

// ─── questionnaire ──────────────────────────────────────────────────────────────

export const QUESTIONNAIRE_FIELDS = `id title intro passScore autoApprove welcomePoints updatedAt
  questions { id type title required maxLength options { id label score tags } }`;

export const SAVE_QUESTIONNAIRE = `mutation ($c: ID!, $i: SaveQuestionnaireInput!) { saveQuestionnaire(communityId: $c, input: $i) { ... on Questionnaire { ${QUESTIONNAIRE_FIELDS} } } }`;
export const QUESTIONNAIRE = `query ($c: ID!) { questionnaire(communityId: $c) { ${QUESTIONNAIRE_FIELDS} } }`;

export const APPLICATION_FIELDS = `id status score passed tags rejectReason submittedAt reviewedAt
  answers { questionId questionTitle type optionIds optionLabels text }
  member { id status tags points }`;

export const SUBMIT_APPLICATION = `mutation ($c: ID!, $a: [AnswerInput!]!) { submitApplication(communityId: $c, answers: $a) {
  __typename
  ... on ApplicationSubmitted { application { ${APPLICATION_FIELDS} } member { id status tags points } }
  ... on InvalidAnswer { questionId }
  ... on ErrorResult { errorCode message } } }`;

export const REVIEW_APPLICATION = `mutation ($a: ID!, $ok: Boolean!, $r: String) { reviewApplication(applicationId: $a, approve: $ok, reason: $r) {
  __typename
  ... on ApplicationReviewed { application { ${APPLICATION_FIELDS} } member { id status tags points } }
  ... on ErrorResult { errorCode message } } }`;

/** Three questions: how they found us (single, scored, tagged), interests (multi, tagged), a text. */
export function questionnaireInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '入群小问卷',
    intro: '花 1 分钟认识一下你',
    passScore: 10,
    autoApprove: true,
    welcomePoints: 50,
    questions: [
      {
        type: 'SINGLE_CHOICE',
        title: '你是怎么知道我们的？',
        required: true,
        options: [
          { label: '到店消费过', score: 10, tags: ['老顾客'] },
          { label: '朋友推荐', score: 6, tags: ['朋友推荐'] },
          { label: '路过看到', score: 0 },
        ],
      },
      {
        type: 'MULTI_CHOICE',
        title: '你喜欢哪些咖啡？',
        required: false,
        options: [
          { label: '美式', score: 2, tags: ['美式党'] },
          { label: '拿铁', score: 2, tags: ['拿铁党'] },
          { label: '手冲', score: 3, tags: ['手冲爱好者'] },
        ],
      },
      { type: 'TEXT', title: '想对店长说的话', required: false, maxLength: 50 },
    ],
    ...overrides,
  };
}
