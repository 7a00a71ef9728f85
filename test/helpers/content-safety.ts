import type { GraphQLClient } from './graphql-client';

/** GraphQL documents and steps shared by the content-safety suites. */

export const ENTRIES = `query ($id: ID!) { groupBuy(id: $id) { entries { id note noteStatus member { id nickname } } myEntry { id note noteStatus } } }`;

export const REPORT = `mutation ($t: ContentTargetType!, $id: ID!, $r: ReportReason!, $d: String) { reportContent(targetType: $t, targetId: $id, reason: $r, detail: $d) {
  __typename ... on ContentReported { targetId } ... on ErrorResult { errorCode message } } }`;

export const QUEUE = `query ($c: ID!, $s: ModerationItemStatus, $first: Int, $after: String) { moderationQueue(communityId: $c, status: $s, first: $first, after: $after) {
  pageInfo { hasNextPage endCursor }
  edges { node { id targetType targetId status contentStatus excerpt inReview reportCount reasons { reason count } decision author { id nickname } } } } }`;

export const HIDE = `mutation ($c: ID!, $t: ContentTargetType!, $id: ID!) { hideContent(communityId: $c, targetType: $t, targetId: $id) {
  __typename ... on ContentModerated { contentStatus } ... on ErrorResult { errorCode message } } }`;

export const RESTORE = `mutation ($c: ID!, $t: ContentTargetType!, $id: ID!) { restoreContent(communityId: $c, targetType: $t, targetId: $id) {
  __typename ... on ContentModerated { contentStatus } ... on ErrorResult { errorCode message } } }`;

export const SET_NICKNAME = `mutation ($n: String!) { updateProfile(nickname: $n) { __typename ... on User { nickname } ... on ErrorResult { errorCode message } } }`;

export async function entriesSeenBy(client: GraphQLClient, groupBuyId: string): Promise<{ entries: any[]; myEntry: any }> {
  return (await client.data(ENTRIES, { id: groupBuyId })).groupBuy;
}

export async function queueOf(client: GraphQLClient, communityId: string, status = 'OPEN'): Promise<any[]> {
  return (await client.data(QUEUE, { c: communityId, s: status, first: 50 })).moderationQueue.edges.map((edge: any) => edge.node);
}
