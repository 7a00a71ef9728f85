import { graphql } from '@/shared/graphql/client'
import {
  CommunityPreviewDocument,
  type CommunityPreviewQuery,
  CreateCommunityDocument,
  type CommunityFieldsFragment,
  type CreateCommunityInput,
} from './community.generated'

export type Community = CommunityFieldsFragment
export type CommunityCategory = Community['category']
export type JoinPolicy = Community['joinPolicy']
/** What a join link shows before joining; `invitedBy` / `inviteValid` for a personal invite (null for the public join code). */
export type CommunityPreview = NonNullable<CommunityPreviewQuery['communityPreview']>
export type { CreateCommunityInput }

export async function fetchCommunityPreview(joinCode: string): Promise<CommunityPreview | null> {
  const data = await graphql(CommunityPreviewDocument, { joinCode })
  return data.communityPreview
}

export async function createCommunity(input: CreateCommunityInput): Promise<Community> {
  const data = await graphql(CreateCommunityDocument, { input })
  return data.createCommunity
}
