import { graphql } from '@/shared/graphql/client'
import {
  MarkMessagesReadDocument,
  MyMessagesDocument,
  type MyMessagesQuery,
  RecordSubscriptionConsentDocument,
  SubscriptionTemplatesDocument,
  type SubscriptionTemplatesQuery,
  UnreadMessageCountDocument,
} from './notifications.generated'

export type SubscriptionTemplate = SubscriptionTemplatesQuery['subscriptionTemplates'][number]
export type NotificationKind = SubscriptionTemplate['kind']
/** The member's inbox (消息): every message, whether or not WeChat delivered it; `page` is the page it opens, as WeChat takes it. */
export type InboxPage = MyMessagesQuery['myMessages']
export type InboxMessage = InboxPage['edges'][number]['node']

export const INBOX_PAGE_SIZE = 20

export async function fetchSubscriptionTemplates(): Promise<SubscriptionTemplate[]> {
  const data = await graphql(SubscriptionTemplatesDocument, {})
  return data.subscriptionTemplates
}

/** wx.requestSubscribeMessage's answer, one `{ templateId, status }` per template, as WeChat gave it. */
export async function recordSubscriptionConsent(communityId: string, results: Array<{ templateId: string; status: string }>): Promise<void> {
  await graphql(RecordSubscriptionConsentDocument, { communityId, results })
}

export async function fetchMyMessages(communityId: string, after: string | null): Promise<InboxPage> {
  const data = await graphql(MyMessagesDocument, { communityId, first: INBOX_PAGE_SIZE, after })
  return data.myMessages
}

export async function fetchUnreadMessageCount(communityId: string): Promise<number> {
  const data = await graphql(UnreadMessageCountDocument, { communityId })
  return data.unreadMessageCount
}

/** All of the community's messages when `messageIds` is omitted. */
export async function markMessagesRead(communityId: string, messageIds?: string[]): Promise<number> {
  const data = await graphql(MarkMessagesReadDocument, { communityId, messageIds: messageIds ?? null })
  return data.markMessagesRead.unreadCount
}
