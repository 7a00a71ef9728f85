import type { AdminOperation } from './admin-operations';

/** Content safety's admin operations (内容审核), on the target member's nickname: for the authorization suite. */
export const MODERATION_ADMIN_OPERATIONS: AdminOperation[] = [
  {
    name: 'moderationQueue',
    query: `query ($c: ID!) { moderationQueue(communityId: $c, first: 5) { edges { node { id excerpt } } } }`,
    variables: (t) => ({ c: t.communityId }),
  },
  {
    name: 'hideContent',
    query: `mutation ($c: ID!, $m: ID!) { hideContent(communityId: $c, targetType: PROFILE_NICKNAME, targetId: $m) { __typename } }`,
    variables: (t) => ({ c: t.communityId, m: t.memberId }),
  },
  {
    name: 'restoreContent',
    query: `mutation ($c: ID!, $m: ID!) { restoreContent(communityId: $c, targetType: PROFILE_NICKNAME, targetId: $m) { __typename } }`,
    variables: (t) => ({ c: t.communityId, m: t.memberId }),
  },
];
