import { FAKE_APPID, FakeWeChatServer } from './fake-wechat';
import { ACTIVITY_ADMIN_OPERATIONS, ActivityFixtures } from './activity-admin-operations';
import { ECONOMY_ADMIN_OPERATIONS } from './economy-admin-operations';
import { ENTRY_ADMIN_OPERATIONS } from './entry-admin-operations';
import { HEALTH_ADMIN_OPERATIONS } from './health-admin-operations';
import { PAYMENT_ADMIN_OPERATIONS } from './payment-admin-operations';
import { MODERATION_ADMIN_OPERATIONS } from './moderation-admin-operations';
import { encryptGroupData, groupPayload } from './group-data';

export interface AdminOperationTarget extends ActivityFixtures {
  communityId: string;
  memberId: string;
  callerName: string;
  /** A coupon template of the community, and a coupon the target member redeemed from it. */
  templateId?: string;
  couponId?: string;
  couponCode?: string;
}

export interface AdminOperation {
  name: string;
  /** STAFF may call it (write-off); everyone else below ADMIN may not. */
  staffAllowed?: boolean;
  /** Only the OWNER may call it: an ADMIN is refused too. */
  ownerOnly?: boolean;
  query: string;
  variables(target: AdminOperationTarget): Record<string, unknown>;
}

/**
 * Every admin operation of the API, with arguments that would succeed for an admin. The
 * authorization suite calls each one as every kind of outsider; a new admin operation is a
 * new row here.
 */
export const ADMIN_OPERATIONS: AdminOperation[] = [
  {
    name: 'members',
    query: `query ($c: ID!) { members(communityId: $c, first: 5, search: "z", status: ACTIVE, role: MEMBER, tierLevel: 0) { totalCount edges { node { id } } } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  { name: 'auditLog', query: `query ($c: ID!) { auditLog(communityId: $c) { edges { node { action } } } }`, variables: (t) => ({ c: t.communityId }) },
  {
    name: 'setMemberRole',
    query: `mutation ($c: ID!, $m: ID!) { setMemberRole(communityId: $c, memberId: $m, role: STAFF) { __typename } }`,
    variables: (t) => ({ c: t.communityId, m: t.memberId }),
  },
  {
    name: 'removeMember',
    query: `mutation ($c: ID!, $m: ID!) { removeMember(communityId: $c, memberId: $m) { __typename } }`,
    variables: (t) => ({ c: t.communityId, m: t.memberId }),
  },
  {
    name: 'banMember',
    query: `mutation ($c: ID!, $m: ID!) { banMember(communityId: $c, memberId: $m) { __typename } }`,
    variables: (t) => ({ c: t.communityId, m: t.memberId }),
  },
  {
    name: 'bindWeChatGroup',
    query: `mutation ($c: ID!, $d: String!, $iv: String!) { bindWeChatGroup(communityId: $c, encryptedData: $d, iv: $iv) { __typename } }`,
    variables: (t) => {
      const data = encryptGroupData(groupPayload(`tG-${t.callerName}`, FAKE_APPID), FakeWeChatServer.sessionKeyFor(t.callerName));
      return { c: t.communityId, d: data.encryptedData, iv: data.iv };
    },
  },
  {
    name: 'boundWeChatGroups',
    query: `query ($c: ID!) { boundWeChatGroups(communityId: $c) { id } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'unbindWeChatGroup',
    query: `mutation ($c: ID!) { unbindWeChatGroup(communityId: $c, groupId: 1) { __typename } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'pointsAdjustPolicy',
    query: `query ($c: ID!) { pointsAdjustPolicy(communityId: $c) { perCallLimit } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'setPointsAdjustPolicy',
    ownerOnly: true,
    query: `mutation ($c: ID!) { setPointsAdjustPolicy(communityId: $c, perCallLimit: 1000000, dailyLimit: 10000000) { perCallLimit } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'economyCaps',
    query: `query ($c: ID!) { economyCaps(communityId: $c) { maxPointsPerAction } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'setEconomyCaps',
    ownerOnly: true,
    query: `mutation ($c: ID!) { setEconomyCaps(communityId: $c, input: { maxPointsPerAction: 100000, maxRulePointsPerMemberDay: 1000000 }) { maxPointsPerAction } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  ...ECONOMY_ADMIN_OPERATIONS,
  ...ACTIVITY_ADMIN_OPERATIONS,
  ...ENTRY_ADMIN_OPERATIONS,
  ...HEALTH_ADMIN_OPERATIONS,
  ...PAYMENT_ADMIN_OPERATIONS,
  ...MODERATION_ADMIN_OPERATIONS,
];
