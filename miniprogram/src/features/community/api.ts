import { graphql } from '@/shared/graphql/client'

export type CommunityCategory = 'PRODUCT_SERVICE' | 'INTEREST' | 'LEARNING' | 'PERKS'
export type JoinPolicy = 'OPEN' | 'QUESTIONNAIRE' | 'INVITE' | 'CLOSED'

export interface Community {
  id: string
  name: string
  category: CommunityCategory
  description: string | null
  joinPolicy: JoinPolicy
  joinCode: string
  sharePath: string
  timezone: string
  memberCount: number
  boundGroupCount: number
  /** 入群费 in fen; 0 = free */
  entryFeeFen: number
  createdAt: string
}

export interface CommunityPreview {
  id: string
  name: string
  category: CommunityCategory
  description: string | null
  joinPolicy: JoinPolicy
  memberCount: number
  /** 入群费 in fen; 0 = free */
  entryFeeFen: number
  /** A personal invite's inviter (null for the public join code) */
  invitedBy: { id: string; nickname: string | null; avatarUrl: string | null } | null
  /** For a personal invite: still admits? null for the public join code */
  inviteValid: boolean | null
}

export interface CreateCommunityInput {
  name: string
  category: CommunityCategory
  joinPolicy: JoinPolicy
  description?: string
}

export const COMMUNITY_FIELDS =
  'id name category description joinPolicy joinCode sharePath timezone memberCount boundGroupCount entryFeeFen createdAt'

export async function fetchCommunityPreview(joinCode: string): Promise<CommunityPreview | null> {
  const data = await graphql<{ communityPreview: CommunityPreview | null }>(
    `query CommunityPreview($joinCode: String!) {
      communityPreview(joinCode: $joinCode) {
        id name category description joinPolicy memberCount entryFeeFen invitedBy { id nickname avatarUrl } inviteValid
      }
    }`,
    { joinCode },
  )
  return data.communityPreview
}

export async function createCommunity(input: CreateCommunityInput): Promise<Community> {
  const data = await graphql<{ createCommunity: Community }>(
    `mutation CreateCommunity($input: CreateCommunityInput!) { createCommunity(input: $input) { ${COMMUNITY_FIELDS} } }`,
    { input },
  )
  return data.createCommunity
}
