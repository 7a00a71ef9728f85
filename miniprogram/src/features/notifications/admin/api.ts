import { graphql } from '@/shared/graphql/client'
import { type NotificationStats } from '../api'

/** Admin: what became of the community's messages. */
export async function fetchNotificationStats(communityId: string): Promise<NotificationStats> {
  const data = await graphql<{ notificationStats: NotificationStats }>(
    'query NotificationStats($communityId: ID!) { notificationStats(communityId: $communityId) { sent skippedNoConsent failed pending inboxOnly } }',
    { communityId },
  )
  return data.notificationStats
}
