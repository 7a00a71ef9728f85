import { graphql } from '@/shared/graphql/client'
import { COMMUNITY_FIELDS, type Community } from './api'
import { ERROR_RESULT_FIELDS, type ErrorResult } from '@/shared/graphql/errors'
import { MEMBER_FIELDS, type Member } from '@/features/membership/api'
import { PAYMENT_REQUIRED_FIELDS, type PaymentRequired } from '@/features/payment/api'

export interface JoinedCommunity {
  __typename: 'JoinedCommunity'
  member: Member
  community: Community
  alreadyMember: boolean
}

/** One community bound to the chat the member came from: enough to tell a squatter from the real one. */
export interface GroupCommunityChoice {
  communityId: string
  name: string
  ownerNickname: string | null
  membersFromThisChat: number
  memberCount: number
}

/** Several communities bound the chat: the member chooses, then enters again with the choice. */
export interface ChooseGroupCommunity {
  __typename: 'ChooseGroupCommunity'
  choices: GroupCommunityChoice[]
}

/** JoinedCommunity, or CommunityNotFound | CommunityClosed | MemberBanned | InvalidGroupData | GroupNotBound */
export type JoinCommunityResult = JoinedCommunity | PaymentRequired | ErrorResult
export type EnterFromGroupResult = JoinCommunityResult | ChooseGroupCommunity

export function isGroupChoice(result: EnterFromGroupResult): result is ChooseGroupCommunity {
  return result.__typename === 'ChooseGroupCommunity'
}

const JOIN_RESULT = `${ERROR_RESULT_FIELDS}
  ... on JoinedCommunity { alreadyMember member { ${MEMBER_FIELDS} } community { ${COMMUNITY_FIELDS} } }
  ${PAYMENT_REQUIRED_FIELDS}`
const ENTER_RESULT = `${JOIN_RESULT}
  ... on ChooseGroupCommunity { choices { communityId name ownerNickname membersFromThisChat memberCount } }`

/** Link or QR code entry: `pages/index/index?c=<joinCode>`. */
export async function joinCommunity(joinCode: string): Promise<JoinCommunityResult> {
  const data = await graphql<{ joinCommunity: JoinCommunityResult }>(
    `mutation JoinCommunity($joinCode: String!) { joinCommunity(joinCode: $joinCode) { ${JOIN_RESULT} } }`,
    { joinCode },
  )
  return data.joinCommunity
}

/** Group card entry: the encrypted group data from wx.getGroupEnterInfo (and the chosen community, when asked). */
export async function enterFromGroup(encryptedData: string, iv: string, communityId?: string): Promise<EnterFromGroupResult> {
  const data = await graphql<{ enterFromGroup: EnterFromGroupResult }>(
    `mutation EnterFromGroup($encryptedData: String!, $iv: String!, $communityId: ID) {
      enterFromGroup(encryptedData: $encryptedData, iv: $iv, communityId: $communityId) { ${ENTER_RESULT} }
    }`,
    { encryptedData, iv, communityId: communityId ?? null },
  )
  return data.enterFromGroup
}
