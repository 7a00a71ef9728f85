import type { AdminOperation } from './admin-operations';

/** Entry thresholds' admin operations (join policy, invites and referrals), for the authorization suite. */
export const ENTRY_ADMIN_OPERATIONS: AdminOperation[] = [
  {
    name: 'setJoinPolicy',
    query: `mutation ($c: ID!) { setJoinPolicy(communityId: $c, joinPolicy: OPEN) { id } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'setReferralRule',
    query: `mutation ($c: ID!) { setReferralRule(communityId: $c, points: 10000, dailyLimit: 1000) { __typename } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  { name: 'referralRule', query: `query ($c: ID!) { referralRule(communityId: $c) { points } }`, variables: (t) => ({ c: t.communityId }) },
  { name: 'referrals', query: `query ($c: ID!) { referrals(communityId: $c) { id } }`, variables: (t) => ({ c: t.communityId }) },
  { name: 'inviteLeaderboard', query: `query ($c: ID!) { inviteLeaderboard(communityId: $c) { rank } }`, variables: (t) => ({ c: t.communityId }) },
];
