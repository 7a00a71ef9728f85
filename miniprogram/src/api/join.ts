import { graphql } from './client'
import { COMMUNITY_FIELDS, type Community } from './community'
import { ERROR_RESULT_FIELDS, type ErrorResult } from './errors'
import { MEMBER_FIELDS, type Member } from './member'

export interface JoinedCommunity {
  __typename: 'JoinedCommunity'
  member: Member
  community: Community
  alreadyMember: boolean
}

/** JoinedCommunity, or CommunityNotFound | CommunityClosed | MemberBanned | InvalidGroupData | GroupNotBound */
export type JoinCommunityResult = JoinedCommunity | ErrorResult

const JOIN_RESULT = `${ERROR_RESULT_FIELDS}
  ... on JoinedCommunity { alreadyMember member { ${MEMBER_FIELDS} } community { ${COMMUNITY_FIELDS} } }`

/** Link or QR code entry: `pages/index/index?c=<joinCode>`. */
export async function joinCommunity(joinCode: string): Promise<JoinCommunityResult> {
  const data = await graphql<{ joinCommunity: JoinCommunityResult }>(
    `mutation JoinCommunity($joinCode: String!) { joinCommunity(joinCode: $joinCode) { ${JOIN_RESULT} } }`,
    { joinCode },
  )
  return data.joinCommunity
}

/** Group card entry: the encrypted group data from wx.getGroupEnterInfo. */
export async function enterFromGroup(encryptedData: string, iv: string): Promise<JoinCommunityResult> {
  const data = await graphql<{ enterFromGroup: JoinCommunityResult }>(
    `mutation EnterFromGroup($encryptedData: String!, $iv: String!) {
      enterFromGroup(encryptedData: $encryptedData, iv: $iv) { ${JOIN_RESULT} }
    }`,
    { encryptedData, iv },
  )
  return data.enterFromGroup
}
