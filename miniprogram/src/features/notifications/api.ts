import { graphql } from '@/shared/graphql/client'
import { type Connection, connectionFields } from '@/shared/graphql/connection'

export type NotificationKind = 'GROUPBUY_RESULT' | 'COUPON_EXPIRING' | 'APPLICATION_RESULT' | 'SIGNUP_PROMOTED'

export interface SubscriptionTemplate {
  kind: NotificationKind
  templateId: string
}

/** An item of the member's inbox (消息): every message, whether or not WeChat delivered it. */
export interface InboxMessage {
  id: string
  kind: NotificationKind
  title: string
  body: string
  /** The page it opens, as WeChat takes it (no leading slash). */
  page: string
  createdAt: string
  readAt: string | null
}

export type InboxPage = Connection<InboxMessage> & { unreadCount: number }

export interface NotificationStats {
  sent: number
  skippedNoConsent: number
  failed: number
  pending: number
  inboxOnly: number
}

export const INBOX_PAGE_SIZE = 20

export async function fetchSubscriptionTemplates(): Promise<SubscriptionTemplate[]> {
  const data = await graphql<{ subscriptionTemplates: SubscriptionTemplate[] }>(
    'query SubscriptionTemplates { subscriptionTemplates { kind templateId } }',
  )
  return data.subscriptionTemplates
}

/** wx.requestSubscribeMessage's answer, one `{ templateId, status }` per template, as WeChat gave it. */
export async function recordSubscriptionConsent(communityId: string, results: Array<{ templateId: string; status: string }>): Promise<void> {
  await graphql(
    `mutation RecordSubscriptionConsent($communityId: ID!, $results: [SubscriptionConsentInput!]!) {
      recordSubscriptionConsent(communityId: $communityId, results: $results) { kind remaining }
    }`,
    { communityId, results },
  )
}

export async function fetchMyMessages(communityId: string, after: string | null): Promise<InboxPage> {
  const data = await graphql<{ myMessages: InboxPage }>(
    `query MyMessages($communityId: ID!, $first: Int!, $after: String) {
      myMessages(communityId: $communityId, first: $first, after: $after) {
        unreadCount ${connectionFields('id kind title body page createdAt readAt')}
      }
    }`,
    { communityId, first: INBOX_PAGE_SIZE, after },
  )
  return data.myMessages
}

export async function fetchUnreadMessageCount(communityId: string): Promise<number> {
  const data = await graphql<{ unreadMessageCount: number }>(
    'query UnreadMessageCount($communityId: ID!) { unreadMessageCount(communityId: $communityId) }',
    { communityId },
  )
  return data.unreadMessageCount
}

/** All of the community's messages when `messageIds` is omitted. */
export async function markMessagesRead(communityId: string, messageIds?: string[]): Promise<number> {
  const data = await graphql<{ markMessagesRead: { unreadCount: number } }>(
    `mutation MarkMessagesRead($communityId: ID!, $messageIds: [ID!]) {
      markMessagesRead(communityId: $communityId, messageIds: $messageIds) { unreadCount }
    }`,
    { communityId, messageIds: messageIds ?? null },
  )
  return data.markMessagesRead.unreadCount
}
