import type { GraphQLClient } from './graphql-client';

/** GraphQL documents and steps of the notification suites (issue 10). */

export const TEMPLATES = {
  GROUPBUY_RESULT: 'tpl-groupbuy-result',
  COUPON_EXPIRING: 'tpl-coupon-expiring',
  APPLICATION_RESULT: 'tpl-application-result',
  SIGNUP_PROMOTED: 'tpl-signup-promoted',
} as const;

export const TEMPLATE_ENV: Record<string, string> = Object.fromEntries(Object.entries(TEMPLATES).map(([kind, id]) => [`WECHAT_TEMPLATE_${kind}`, id]));

export const SUBSCRIPTION_TEMPLATES = `query { subscriptionTemplates { kind templateId } }`;
export const RECORD_CONSENT = `mutation ($c: ID!, $r: [SubscriptionConsentInput!]!) { recordSubscriptionConsent(communityId: $c, results: $r) { kind templateId remaining } }`;
export const MY_MESSAGES = `query ($c: ID!, $first: Int, $after: String) { myMessages(communityId: $c, first: $first, after: $after) {
  unreadCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind title body page createdAt readAt } } } }`;
export const MARK_READ = `mutation ($c: ID!, $ids: [ID!]) { markMessagesRead(communityId: $c, messageIds: $ids) { marked unreadCount } }`;
export const UNREAD = `query ($c: ID!) { unreadMessageCount(communityId: $c) }`;
export const STATS = `query ($c: ID!) { notificationStats(communityId: $c) { sent skippedNoConsent failed pending inboxOnly } }`;
export const CLOSE_GROUP_BUY = `mutation ($g: ID!) { closeGroupBuy(groupBuyId: $g) { id status outcome } }`;

/** As the mini-program does after wx.requestSubscribeMessage: WeChat's answer per template id. */
export async function consent(client: GraphQLClient, communityId: string, templateId: string, status = 'accept'): Promise<any[]> {
  return (await client.data(RECORD_CONSENT, { c: communityId, r: [{ templateId, status }] })).recordSubscriptionConsent;
}

/** Polls until `check` holds (or fails after timeoutMs with the last value in the message). */
export async function eventually<T>(read: () => Promise<T> | T, check: (value: T) => boolean, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
