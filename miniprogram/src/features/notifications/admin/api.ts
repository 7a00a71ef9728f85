import { graphql } from '@/shared/graphql/client'
import { NotificationStatsDocument, type NotificationStatsQuery } from './notifications-admin.generated'

export type NotificationStats = NotificationStatsQuery['notificationStats']

/** Admin: what became of the community's messages. */
export async function fetchNotificationStats(communityId: string): Promise<NotificationStats> {
  const data = await graphql(NotificationStatsDocument, { communityId })
  return data.notificationStats
}
