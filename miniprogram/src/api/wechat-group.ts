import { graphql } from './client'
import { COMMUNITY_FIELDS, type Community } from './community'
import { ERROR_RESULT_FIELDS, type ErrorResult } from './errors'

export interface WeChatGroupBound {
  __typename: 'WeChatGroupBound'
  community: Community
  alreadyBound: boolean
}

/** WeChatGroupBound, or InvalidGroupData | GroupBoundElsewhere */
export type BindWeChatGroupResult = WeChatGroupBound | ErrorResult

export async function bindWeChatGroup(communityId: string, encryptedData: string, iv: string): Promise<BindWeChatGroupResult> {
  const data = await graphql<{ bindWeChatGroup: BindWeChatGroupResult }>(
    `mutation BindWeChatGroup($communityId: ID!, $encryptedData: String!, $iv: String!) {
      bindWeChatGroup(communityId: $communityId, encryptedData: $encryptedData, iv: $iv) {
        ${ERROR_RESULT_FIELDS} ... on WeChatGroupBound { alreadyBound community { ${COMMUNITY_FIELDS} } }
      }
    }`,
    { communityId, encryptedData, iv },
  )
  return data.bindWeChatGroup
}
