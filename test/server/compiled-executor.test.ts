import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';
import { clientOperations, ClientOperation } from '../helpers/client-operations';
import { GraphQLResponse } from '../helpers/graphql-client';

/**
 * The compiled executor (graphql-jit, the default) and graphql-js's reference executor answer every
 * operation the mini-program sends the same, data and errors: two servers, one of each, on databases
 * seeded alike by the same calls, receive the same operations with the same variables from the same
 * users, in the same order, and their answers must be equal (after timestamps, tokens and random codes,
 * which differ between any two databases, are set aside). Each operation runs as a member and as the
 * owner, so both the answers and the refusals are compared.
 */
jest.setTimeout(180_000);

interface Side {
  env: TestEnvironment;
  owner: LoggedIn;
  member: LoggedIn & { memberId: string };
  other: LoggedIn & { memberId: string };
  ids: Record<string, string>;
}

const NOW = Date.now();
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const today = new Date(NOW).toISOString().slice(0, 10);
const GROUP_BUY_INPUT = { title: '周五团购：云南蓝莓', priceFen: 2990, stock: 50, minParticipants: 1, perMemberLimit: 3, startsAt: iso(-60_000), endsAt: iso(86_400_000), pickupNote: '门店自提' };
const SIGNUP_FORM_INPUT = {
  title: '周末手冲体验课',
  capacity: 10,
  waitlist: true,
  deadline: iso(86_400_000),
  fields: [
    { label: '姓名', type: 'TEXT', required: true },
    { label: '口味', type: 'SINGLE_CHOICE', required: false, options: ['酸', '甜'] },
  ],
};
const COUPON_TEMPLATE_INPUT = { title: '满 30 减 5', faceValueFen: 500, minSpendFen: 3000, validDays: 30, minTierLevel: 0, stock: 100 };

/** One call as given, on one side, through the real HTTP path. */
async function call(side: Side, actor: 'owner' | 'member', text: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  return side[actor].client.request(text, variables);
}

async function seed(env: TestEnvironment): Promise<Side> {
  const { owner, communityId, joinCode } = await env.createCommunity('dx-owner');
  const member = await env.join('dx-member', joinCode);
  const other = await env.join('dx-other', joinCode);
  const data = (text: string, variables: Record<string, unknown> = {}, who: LoggedIn = owner) => who.client.data(text, variables);
  await data(`mutation ($c: ID!, $m: ID!) { adjustPoints(communityId: $c, memberId: $m, amount: 5000, reason: "对照测试") { __typename } }`, { c: communityId, m: member.memberId });
  const template = await data(`mutation ($c: ID!, $i: CouponTemplateInput!) { createCouponTemplate(communityId: $c, input: $i) { id } }`, { c: communityId, i: COUPON_TEMPLATE_INPUT });
  const templateId = template.createCouponTemplate.id;
  const redeemed = await data(`mutation ($t: ID!) { redeemCoupon(templateId: $t, requestId: "dx-seed-0001") { ... on CouponRedeemed { coupon { id code } } } }`, { t: templateId }, member);
  const groupBuy = await data(`mutation ($c: ID!, $i: GroupBuyInput!) { createGroupBuy(communityId: $c, input: $i) { id } }`, { c: communityId, i: GROUP_BUY_INPUT });
  const groupBuyId = groupBuy.createGroupBuy.id;
  const joined = await data(`mutation ($g: ID!) { joinGroupBuy(groupBuyId: $g, quantity: 1, requestId: "dx-seed-0001") { ... on GroupBuyJoined { entry { id } } } }`, { g: groupBuyId }, member);
  const form = await data(`mutation ($c: ID!, $i: SignupFormInput!) { createSignupForm(communityId: $c, input: $i) { ... on SignupForm { id } } }`, { c: communityId, i: SIGNUP_FORM_INPUT });
  const ids = {
    communityId,
    joinCode,
    templateId,
    couponId: redeemed.redeemCoupon.coupon.id,
    couponCode: redeemed.redeemCoupon.coupon.code,
    groupBuyId,
    entryId: joined.joinGroupBuy.entry.id,
    formId: form.createSignupForm.id,
  };
  return { env, owner, member, other, ids };
}

/** The variables an operation is sent with on one side: by operation and name first, then by name, then by type. */
function variablesFor(operation: ClientOperation, side: Side, tag: string): Record<string, unknown> {
  const { ids } = side;
  const byOperation: Record<string, Record<string, unknown>> = {
    Community: { id: ids.communityId },
    Coupon: { id: ids.couponId },
    GroupBuy: { id: ids.groupBuyId },
    SignupForm: { id: ids.formId },
    CouponByCode: { code: ids.couponCode },
    WriteOffCoupon: { code: ids.couponCode },
    Login: { code: 'not-a-wechat-code' },
    UpdateCheckInRule: { input: { basePoints: 10, cycleDays: 7, bonuses: [{ day: 7, points: 30 }] } },
    CreateCommunity: { input: { name: `对照社群${tag}`, category: 'PERKS', joinPolicy: 'OPEN' } },
  };
  const byName: Record<string, unknown> = {
    communityId: ids.communityId,
    templateId: ids.templateId,
    couponId: ids.couponId,
    groupBuyId: ids.groupBuyId,
    entryId: ids.entryId,
    formId: ids.formId,
    joinCode: ids.joinCode,
    memberId: side.other.memberId,
    memberIds: [side.other.memberId],
    applicationId: '999999',
    groupId: '999999',
    messageIds: null,
    requestId: `dx-${operation.name}-${tag}`,
    from: today,
    to: today,
    date: new Date(NOW - 86_400_000).toISOString().slice(0, 10),
    month: today.slice(0, 7),
    days: 7,
    first: 20,
    after: null,
    quantity: 1,
    note: '对照',
    amount: 10,
    reason: '对照测试',
    perCallLimit: 10_000,
    dailyLimit: 50_000,
    points: 20,
    pickedUp: true,
    active: true,
    orderNo: 'QY-no-such-order',
    // 0 (free): a fee would turn the later joins into payment requests.
    entryFeeFen: 0,
    approve: true,
    includeInactive: true,
    nickname: '对照用户',
    avatarUrl: null,
    role: 'STAFF',
    joinPolicy: 'OPEN',
    format: 'CSV',
    encryptedData: 'AAAA',
    iv: 'AAAA',
    h5Origin: null,
    action: null,
    status: null,
    search: '对照',
    paused: false,
    avatarMediaId: null,
    targetType: 'GROUP_BUY_NOTE',
    targetId: '999999',
    slug: 'no-such-group-code',
    groupCodeId: '999999',
    qrMediaId: '999999',
    qrExpiresOn: '2099-01-01',
    tierLevel: 0,
    tag: null,
    tiers: [{ name: '银卡', threshold: 500, multiplier: 1.2 }],
    answers: [],
    results: [{ templateId: 'no-such-template', status: 'reject' }],
  };
  const byType: Record<string, unknown> = {
    GroupBuyInput: GROUP_BUY_INPUT,
    SignupFormInput: SIGNUP_FORM_INPUT,
    CouponTemplateInput: COUPON_TEMPLATE_INPUT,
    SaveQuestionnaireInput: { title: '入群问卷', autoApprove: true, passScore: 0, welcomePoints: 0, questions: [{ title: '你从哪里知道我们？', type: 'TEXT', required: true }] },
    EconomyCapsInput: { maxPointsPerAction: 1000, maxRulePointsPerMemberDay: 2000 },
    PointsExpiryPolicyInput: { mode: 'ROLLING', months: 12 },
    CreateGroupCodeInput: { name: '读书会进群', groups: [{ name: '一群', qrMediaId: '999999', qrExpiresOn: '2099-01-01', switchAfterScans: 180 }] },
  };
  const variables: Record<string, unknown> = {};
  for (const definition of operation.definition.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    let type = definition.type;
    while (type.kind !== 'NamedType') type = type.type;
    const own = byOperation[operation.name];
    if (own && name in own) variables[name] = own[name];
    else if (name in byName) variables[name] = byName[name];
    else if (type.name.value in byType) variables[name] = byType[type.name.value];
    else throw new Error(`compiled-executor.test.ts: no value for $${name} of ${operation.name} (${operation.file}); add one`);
  }
  return variables;
}

/** What may differ between two databases seeded alike: the moment of each write, signed tokens and random codes. */
const RANDOM_KEYS = new Set(['token', 'joinCode', 'code', 'inviteCode', 'qrCodeDataUrl', 'imageDataUrl', 'url', 'sharePath', 'path', 'posterUrl', 'expiresAt']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Questionnaire questions and options, sign-up fields: random ids made by the server (newDefinitionId). */
const DEFINITION_ID = /^[qof][0-9a-f]{10}$/;

function comparable(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => comparable(item));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v, k)]));
  if (typeof value === 'string' && (ISO_TIME.test(value) || (key !== undefined && RANDOM_KEYS.has(key)))) return `<${key ?? 'time'}>`;
  if (typeof value === 'string' && DEFINITION_ID.test(value)) return '<generated id>';
  return value;
}

function answer(response: GraphQLResponse) {
  return {
    status: response.status,
    data: comparable(response.data),
    // Stack traces (shown outside production) name each executor's own frames.
    errors: response.errors?.map(({ extensions, ...error }) => ({ ...error, extensions: extensions && Object.fromEntries(Object.entries(extensions).filter(([k]) => k !== 'stacktrace')) })),
  };
}

/** Last: what takes the seeded rows away (members removed or banned, sessions ended). */
const DESTRUCTIVE = new Set(['RemoveMember', 'RemoveMembers', 'BanMember', 'Logout', 'VoidCoupon', 'CancelGroupBuy', 'CloseGroupBuy', 'CloseSignupForm', 'CancelGroupBuyEntry', 'CancelSignup']);

describe('compiled executor against graphql-js', () => {
  let compiled: Side;
  let reference: Side;

  const environments: TestEnvironment[] = [];
  beforeAll(async () => {
    for (const executor of ['compiled', 'reference']) environments.push(await createTestEnvironment(`jit_${executor}`, { env: { GRAPHQL_EXECUTOR: executor } }));
    compiled = await seed(environments[0]);
    reference = await seed(environments[1]);
  });
  afterAll(async () => {
    for (const env of environments) await env.close();
  });

  it('seeds both sides alike', () => {
    const stable = ({ joinCode, couponCode, ...ids }: Record<string, string>) => ids;
    expect(stable(compiled.ids)).toEqual(stable(reference.ids));
  });

  it('answers every operation of the mini-program the same, as a member and as the owner', async () => {
    const operations = clientOperations();
    expect(operations.length).toBeGreaterThan(50);
    const queries = operations.filter((operation) => operation.kind === 'query');
    const order = [
      ...queries,
      ...operations.filter((operation) => operation.kind === 'mutation' && !DESTRUCTIVE.has(operation.name)),
      ...queries,
      ...operations.filter((operation) => DESTRUCTIVE.has(operation.name)),
    ];
    let answeredWithData = 0;
    for (const [index, operation] of order.entries()) {
      for (const actor of ['member', 'owner'] as const) {
        const tag = `${index}-${actor}`;
        const [a, b] = [
          await call(compiled, actor, operation.text, variablesFor(operation, compiled, tag)),
          await call(reference, actor, operation.text, variablesFor(operation, reference, tag)),
        ];
        expect({ operation: operation.name, actor, ...answer(a) }).toEqual({ operation: operation.name, actor, ...answer(b) });
        if (a.data && !a.errors) answeredWithData += 1;
      }
    }
    // The comparison means something only if most calls got past the refusals to real data.
    // (Here 170 of 238 calls, the rest refusals compared as such: members calling admin operations and the like.)
    expect(answeredWithData).toBeGreaterThan(order.length * 2 * 0.6);
  });
});
