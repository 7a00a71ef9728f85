import { graphql } from '@/shared/graphql/client'
import { COMMUNITY_FIELDS, type Community } from '@/features/community/api'
import { ERROR_RESULT_FIELDS, type ErrorResult } from '@/shared/graphql/errors'

export interface WeChatGroupBound {
  __typename: 'WeChatGroupBound'
  community: Community
  alreadyBound: boolean
  otherCommunities: number
}

/** WeChatGroupBound, or InvalidGroupData */
export type BindWeChatGroupResult = WeChatGroupBound | ErrorResult

export async function bindWeChatGroup(communityId: string, encryptedData: string, iv: string): Promise<BindWeChatGroupResult> {
  const data = await graphql<{ bindWeChatGroup: BindWeChatGroupResult }>(
    `mutation BindWeChatGroup($communityId: ID!, $encryptedData: String!, $iv: String!) {
      bindWeChatGroup(communityId: $communityId, encryptedData: $encryptedData, iv: $iv) {
        ${ERROR_RESULT_FIELDS} ... on WeChatGroupBound { alreadyBound otherCommunities community { ${COMMUNITY_FIELDS} } }
      }
    }`,
    { communityId, encryptedData, iv },
  )
  return data.bindWeChatGroup
}

/** A chat bound to the community, for its admins. */
export interface BoundWeChatGroup {
  id: string
  boundAt: string
  boundByNickname: string | null
  membersFromThisChat: number
  /** other communities bound to the same chat: its members choose when they enter */
  otherCommunities: number
}

export async function fetchBoundWeChatGroups(communityId: string): Promise<BoundWeChatGroup[]> {
  const data = await graphql<{ boundWeChatGroups: BoundWeChatGroup[] }>(
    `query BoundWeChatGroups($communityId: ID!) {
      boundWeChatGroups(communityId: $communityId) { id boundAt boundByNickname membersFromThisChat otherCommunities }
    }`,
    { communityId },
  )
  return data.boundWeChatGroups
}

/** WeChatGroupUnbound, or GroupNotBound */
export async function unbindWeChatGroup(communityId: string, groupId: string): Promise<{ __typename: 'WeChatGroupUnbound' } | ErrorResult> {
  const data = await graphql<{ unbindWeChatGroup: { __typename: 'WeChatGroupUnbound' } | ErrorResult }>(
    `mutation UnbindWeChatGroup($communityId: ID!, $groupId: ID!) {
      unbindWeChatGroup(communityId: $communityId, groupId: $groupId) { __typename ${ERROR_RESULT_FIELDS} }
    }`,
    { communityId, groupId },
  )
  return data.unbindWeChatGroup
}
