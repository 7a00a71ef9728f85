import { graphql } from '@/shared/graphql/client'
import { savedOrThrow } from '@/shared/graphql/errors'
import {
  HideContentDocument,
  type ModerationItemStatus,
  ModerationQueueDocument,
  type ModerationQueueQuery,
  RestoreContentDocument,
} from './moderation-admin.generated'

export type { ModerationItemStatus }
export type ModerationQueuePage = ModerationQueueQuery['moderationQueue']
export type ModerationItem = ModerationQueuePage['edges'][number]['node']

export async function fetchModerationQueue(communityId: string, status: ModerationItemStatus, after: string | null): Promise<ModerationQueuePage> {
  const data = await graphql(ModerationQueueDocument, { communityId, status, after })
  return data.moderationQueue
}

/** Hides the content from everyone but its author and the admins (HIDDEN), or shows it again (VISIBLE); resolves its reports. */
export async function moderateContent(communityId: string, item: Pick<ModerationItem, 'targetType' | 'targetId'>, hide: boolean): Promise<void> {
  const variables = { communityId, targetType: item.targetType, targetId: item.targetId }
  if (hide) savedOrThrow((await graphql(HideContentDocument, variables)).hideContent)
  else savedOrThrow((await graphql(RestoreContentDocument, variables)).restoreContent)
}
