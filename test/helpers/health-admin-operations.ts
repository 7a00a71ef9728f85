import type { AdminOperation } from './admin-operations';

/** The community-health dashboard's admin operations (stats, dormant members, wake-up actions). */
export const HEALTH_ADMIN_OPERATIONS: AdminOperation[] = [
  {
    name: 'communityStats',
    query: `query ($c: ID!) { communityStats(communityId: $c, from: "2026-01-01", to: "2026-12-31") { totalMembers days { date } } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'exportCommunityStats',
    query: `mutation ($c: ID!) { exportCommunityStats(communityId: $c, from: "2026-01-01", to: "2026-01-31", format: XLSX) { url } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  { name: 'dormantSummary', query: `query ($c: ID!) { dormantSummary(communityId: $c) { silent7 } }`, variables: (t) => ({ c: t.communityId }) },
  {
    name: 'dormantMembers',
    query: `query ($c: ID!) { dormantMembers(communityId: $c, days: 1) { totalCount edges { node { member { id } } } } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'grantCoupon',
    query: `mutation ($c: ID!, $t: ID!, $m: ID!) { grantCoupon(communityId: $c, templateId: $t, memberIds: [$m], requestId: "authz-grant-1") { __typename } }`,
    variables: (t) => ({ c: t.communityId, t: t.templateId, m: t.memberId }),
  },
  {
    name: 'removeMembers',
    query: `mutation ($c: ID!, $m: ID!) { removeMembers(communityId: $c, memberIds: [$m]) { __typename } }`,
    variables: (t) => ({ c: t.communityId, m: t.memberId }),
  },
];
